"""Project frames: find project titles, give each the stretch of text it owns,
and fill its slots from what lies there.

Titles: a quoted string after a project word (проект „…“, projekt „…“, the
project "…"); a quoted string opening a heading or paragraph that also names
funding; a name with a bracketed acronym that the text calls a project; the
document's own title when the document is a project page (labelled fields).
Scope: the section a title heads, else its paragraph and the following ones
up to the next project or heading.  Facts are attached by that structure, not
by distance: a date, fund or partner belongs to the project whose scope holds
it (the innermost one when scopes nest).

This module runs the title finders (titles.py: the prose; layout_titles.py: headings and field blocks)
in order, merges their candidates into frames and collects every mention of each; the field-label and
project-word vocabulary is in labels.py, the scopes and `owner` in scopes.py, the slot filling in slots.py.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from integraph.extract import acronyms
from integraph.extract.acronyms import NOT_ORG_ACRONYMS
from integraph.extract.findings import Findings
from integraph.extract.labels import (_is_project_word, _label_lines, _normalised_labels,
                                      finditer_near_project_words, project_words)
from integraph.extract.literals import occurrences, occurs
from integraph.extract.scopes import NUMBERING, Frames, heading_section, paragraphs
from integraph.extract.tables import Row, find_tables
from integraph.extract.layout_titles import _project_group_children, _titles_of_field_blocks
from integraph.extract.titles import (NAMING_WORDS, UNQUOTED, _called_a_project, _first_quote_of_sentence,
                                      _names_before_a_project_apposition,
                                      _names_before_a_copula, _names_opening_the_sentence_after_a_project_word,
                                      _repeated_names_after_project_words,
                                      _subtitled_names_after_project_words, _words_before)
from integraph.model import Section
from integraph.spans import Spans
from integraph.textutil import normalise

EXTRACTOR = "integraph.frames.v1"
DASHED_HEAD = re.compile(r"([A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][^\W\d_]+)[ \t]+[–—][ \t]+[^\W\d_]")
TRAILING_SMALL_WORD = re.compile(r"[ \t]+[a-zà-ž]{1,4}$")


@dataclass
class Frame:
    key: str
    title: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    acronym: str | None = None
    acronym_spans: list[tuple[int, int]] = field(default_factory=list)
    doc_level: bool = False
    ranges: list[tuple[int, int]] = field(default_factory=list)
    entity: str = ""
    rows: list[tuple[Row, str | None]] = field(default_factory=list)  # its rows in tables of projects

def find_frames(found: Findings) -> "Frames":
    text = found.doc.text
    pwords = project_words(found.lang)
    frames: dict[str, Frame] = {}

    def add(title_span: tuple[int, int], doc_level: bool = False) -> Frame | None:
        a, b = title_span
        title = text[a:b].strip().strip("*_ ").rstrip(".,;:")
        if len(title) < 3 or len(title) > 250 or not any(c.isalpha() for c in title):
            return None
        key = normalise(title)
        frame = frames.setdefault(key, Frame(key, title, doc_level=doc_level))
        if (a, b) not in frame.mentions:
            frame.mentions.append((a, b))
        return frame

    # a table of projects: the title column's cell of each row
    for table in find_tables(found, paragraphs(found)):
        for row in table.rows:
            f = add(row.cells["title"]) if "title" in row.cells else None
            if f is not None:
                f.rows.append((row, table.currency))

    fund_spans = [(m.start, m.end) for m in found.funds]
    funded_lines = {text.rfind("\n", 0, m.start) + 1 for m in found.funds + found.of_kind("grant_id")}
    from integraph.gazetteer import orgs

    in_fund = Spans(fund_spans)
    for a, b in found.quotes:
        if in_fund.contains(a, b) or (a > 0 and in_fund.overlaps(a - 1, a)) or _names_a_fund(text, found.fund_ends, a):
            continue  # in a fund's name, or its name: 'programme national FSE+ « Emploi, Inclusion … »'
        prev = re.findall(r"\w+", text[max(0, a - 30):a])
        if prev and (orgs.legal_form(prev[-1], found.lang) or orgs.legal_form(prev[-1], None)) \
                and not _is_project_word(prev[-1].lower(), pwords):
            continue  # 'Сдружение „Нов дом“', 'Fundacja „Razem“': a quoted organisation name
        before = _words_before(text, a - 1)
        gap_ok = not re.search(r"[.!?]\s*\W?$", text[max(0, a - 4):a - 1]) if a > 1 else True
        if before and gap_ok and (_is_project_word(before[-1], pwords) or (
                len(before) >= 2 and _is_project_word(before[-2], pwords)
                and (before[-1].rstrip(".") in NAMING_WORDS
                     or len(before[-1]) > 4 and not _is_publication_word(before[-1], found.lang)))):
            add((a, b))
            continue
        s = found.sentence_at(a)
        sent = text[s.start:s.end].lower()
        if (s.start <= a and any(occurs(sent, p.lower(), left_only=True) for p in pwords if len(p) > 3)
                and _first_quote_of_sentence(found, a, s.start)
                and any(s.start <= m.start < s.end for m in found.funds + found.of_kind("grant_id", "period"))):
            add((a, b))  # "the first project … was „X“, run from 2012 to 2013 with the support of <fund>"
            continue
        line_start = text.rfind("\n", 0, a) + 1
        lead = text[line_start:a - 1]
        if NUMBERING.fullmatch(lead) is not None and line_start in funded_lines and a - line_start < 12:
            add((a, b))

    # "Long Name (ACR)" that the text calls a project
    headings = {sec.start for sec in found.doc.sections}
    called_acronyms: dict[str, bool] = {}
    for acr, ls, le, a0, a1 in acronyms.defined_in(found)[0]:  # a bracket of words is no project's acronym
        if any(x <= ls < y for x, y in fund_spans):
            continue
        if acr not in called_acronyms:
            called_acronyms[acr] = _called_a_project(text, acr, pwords, headings)
        called = called_acronyms[acr] or any(
            _is_project_word(w, pwords) for w in _words_before(text, ls, 2))  # "du projet européen Long Name (ACR)"
        if called:
            f = add((ls, le))
            if f:
                f.acronym = acr
                f.acronym_spans += list(occurrences(text, acr, boundaries=True))

    # the sub-headings of a heading about projects ("Projects in progress", "Unsere Projekte")
    for title_span, acr in _project_group_children(found, pwords):
        if not any(a <= title_span[0] < b or title_span[0] <= a < title_span[1]
                   for f in frames.values() for a, b in f.mentions):
            f = add(title_span)
            if f and acr:
                f.acronym = acr

    # a short line heading a block of labelled project fields is that project's title
    labels = _label_lines(found)
    for start, end in _titles_of_field_blocks(found, labels):
        if not any(a <= start < b or start <= a < end for f in frames.values() for a, b in f.mentions):
            add((start, end), doc_level=True)

    # "Projektnamn: Nordiska mentorer – …", "Název projektu: …": the label says it is the title
    for group, m in labels:
        if group == "title":
            a, b = m.start(2), m.end(2)
            while a < b and text[a] in "|│ \t":
                a += 1
            value = text[a:b].rstrip(" .;")
            if 3 <= len(value) <= 250:
                add((a, a + len(value)))

    # "the project Local Integration Hubs Network", "projektu LIHN": unquoted names after a project word
    weak: set[str] = set()
    roles = {w for g, ws in _normalised_labels(found.lang) if g in ("person_role", "person") for w in ws}
    candidates = _repeated_names_after_project_words(found, pwords, fund_spans + found.quotes, roles)
    candidates += _names_before_a_project_apposition(found, pwords, fund_spans + found.quotes + found.taken(),
                                                     roles)
    candidates += _subtitled_names_after_project_words(found, pwords, fund_spans + found.quotes)
    candidates += _names_before_a_copula(found, pwords, fund_spans + found.quotes + found.taken())
    candidates += _names_opening_the_sentence_after_a_project_word(found, pwords, fund_spans + found.quotes + [
        (m.start, m.end) for m in found.values if m.kind != "date"])
    for start, end in candidates:
        name = normalise(text[start:end])
        if any(a < end and start < b for f in frames.values() for a, b in f.mentions):
            continue
        longer = [f for k, f in frames.items() if k.startswith(name) and k != name]
        if longer:
            # the short form of a known title ("Nordiska mentorer" of "Nordiska mentorer – mentorskap …")
            # is a mention of it; a piece cut mid-title ("проекта Развитие на …") is nothing
            for f in longer:
                if re.match(r"\s*[-–—:]", f.title[len(text[start:end]):]):
                    f.mentions.append((start, end))
            continue
        f = add((start, end))
        if f:
            weak.add(f.key)
    for m in finditer_near_project_words(UNQUOTED, found, pwords):  # only a project word's clauses
        if not _is_project_word(m.group(1).lower(), pwords) or any(a <= m.start(2) < b for a, b in fund_spans) \
                or normalise(m.group(1)) in roles:
            continue  # "projektijuht Kadri Tamm": a role before a person's name
        # a short lower-case word closes the run only when no capitalised word follows it: it is
        # the sentence going on ("projektu Skupaj v Mariboru so postali …"), not part of the name
        name = TRAILING_SMALL_WORD.sub("", m.group(2).strip())
        a = m.start(2)
        if name.isupper() and 3 <= len(name) <= 8 and name not in NOT_ORG_ACRONYMS:
            f = add((a, a + len(name)))
            if f:
                f.acronym = name
                weak.add(f.key)
        elif len(name.split()) >= 2 and sum(w[:1].isupper() for w in name.split()) >= 2:
            f = add((a, a + len(name)))
            if f:
                weak.add(f.key)

    # an acronym in brackets right after a quoted title: „Title“ (ACR)
    for frame in frames.values():
        for a, b in list(frame.mentions):
            m = re.match(r"[“”\"»]?\s*\(([A-ZА-ЯΑ-Ω][A-ZА-ЯΑ-Ω0-9]{1,7})\)", text[b:b + 14])
            if m and not frame.acronym:
                frame.acronym = m.group(1)
    _merge_short_forms(frames)
    for frame in frames.values():
        if frame.acronym:
            frame.acronym_spans = [(a, b) for a, b in occurrences(text, frame.acronym, whole_word=True, hyphen_joins=True)
                                   if not any(x <= a < y for x, y in frame.mentions)]
    _merge_into_heading_frames(found, frames, weak)
    # every other verbatim occurrence of a known title is a mention too, and so is its head alone
    # when the title is one capitalised word and a dash subtitle ("Jobbspåret – vägar till arbete …")
    places = {text[m.start:m.end] for m in found.cities + found.countries}
    for frame in frames.values():
        head = DASHED_HEAD.match(frame.title)
        forms = [frame.title] + ([head.group(1)] if head and head.group(1) not in places else [])  # not a town
        for form in forms:
            if len(form) < 8:
                continue
            for span in occurrences(text, form, whole_word=True) if form is not frame.title else occurrences(text, form):
                if span not in frame.mentions and not any(a <= span[0] < b for a, b in frame.mentions):
                    frame.mentions.append(span)
        frame.mentions.sort()
    return Frames(frames.values())

@lru_cache(maxsize=64)
def _publication_stems(lang: str | None) -> tuple[str, ...]:
    from integraph.extract.findings import cue_words

    return tuple({w.lower() for w in cue_words("publication", lang) if len(w) >= 4})


def _is_publication_word(word: str, lang: str | None) -> bool:
    """'hankkeen loppuraportti "…"', 'the project's handbook "…"': a publication noun (or a compound
    holding one) between a project word and a quote says the quote names the publication."""
    return any(stem in word for stem in _publication_stems(lang))


def _names_a_fund(text: str, fund_ends: list[int], a: int) -> bool:
    """A quote opening right after a fund or programme (only blanks and quote marks between) is its
    name: 'στο πλαίσιο του Προγράμματος «Ανθρώπινο Δυναμικό …»', 'programme national FSE+ « … »'."""
    k = bisect_left(fund_ends, a + 1) - 1  # the last fund ending at or before the quote
    return k >= 0 and a - fund_ends[k] <= 4 and not text[fund_ends[k]:a].strip(" \t„“”\"«»‚‘'")


def _merge_into_heading_frames(found: Findings, frames: dict[str, Frame], weak: set[str]) -> None:
    """An unquoted 'project X' inside the section that another project's title heads is that
    project named another way (often in another language): 'Sieć … (LIHN)' … 'projektu Local …'."""
    for key in list(weak):
        f = frames.get(key)
        if f is None or len(f.mentions) != 1:
            continue
        a = f.mentions[0][0]
        for other in frames.values():
            if other is f:
                continue
            heads = [heading_section(found.doc.sections, x) or _block_at(found, x) for x, _ in other.mentions]
            spans = [(s.start, s.end) if isinstance(s, Section) else s for s in heads if s is not None]
            # the document's own title heads everything: being under it says nothing
            if any(h[0] <= a < h[1] and h[1] - h[0] < 0.8 * len(found.doc.text) for h in spans):
                other.mentions += f.mentions
                other.acronym = other.acronym or f.acronym
                del frames[key]
                break


def _block_at(found: Findings, a: int) -> tuple[int, int] | None:
    """A title line's block: from it to the next short title-like line (for documents without headings)."""
    paras = paragraphs(found)
    for i, (x, y) in enumerate(paras):
        if x <= a < y:
            if y - x > 120:
                return None  # only a title line heads a block
            end = y
            for x2, y2 in paras[i + 1:i + 6]:
                if y2 - x2 < 100 and not found.doc.text[x2:y2].rstrip().endswith((".", ":", ";")):
                    break
                end = y2
            return (x, end)
    return None


def _merge_short_forms(frames: dict[str, Frame]) -> None:
    """'Parole in Comune' and 'Parole in Comune – corsi di italiano …' are one project."""
    by_acronym = {normalise(f.acronym): k for k, f in frames.items() if f.acronym and k != normalise(f.acronym)}
    for key in list(frames):
        target = by_acronym.get(key)
        if target and target in frames and key in frames:  # "projektu EPI" is the project defined as (EPI)
            frames[target].mentions += frames[key].mentions
            del frames[key]
    keys = sorted(frames, key=len)
    rank = {k: i for i, k in enumerate(keys)}
    alphabetical = sorted(frames)
    for short in keys:
        if len(short) < 6 and not (len(short) >= 3 and frames[short].title.isupper()):
            continue  # a short word starts many titles; an acronym ("WEMIN – Γέφυρες …") names its own
        # the keys that start with "short ": found by bisection, tried in length order
        lo, hi = bisect_left(alphabetical, short + " "), bisect_left(alphabetical, short + " \U0010ffff")
        for long in sorted(alphabetical[lo:hi], key=rank.__getitem__):
            if short in frames and long in frames and (
                    long.startswith(short + " - ") or len(long) > len(short) + 8
                    and re.match(r"\s*[-–—:]", frames[long].title[len(frames[short].title):] or "x")):
                frames[long].mentions += frames[short].mentions
                frames[long].acronym = frames[long].acronym or frames[short].acronym
                del frames[short]
