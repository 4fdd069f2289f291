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
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from integraph.extract.findings import Findings
from integraph.extract import acronyms
from integraph.extract.literals import occurrences, occurs
from integraph.extract.acronyms import NOT_ORG_ACRONYMS
from integraph.extract.orgs import OrgFinder
from integraph.extract.tables import Row, find_tables
from integraph.model import Section
from integraph.spans import Spans, starting_in
from integraph.textutil import normalise

EXTRACTOR = "integraph.frames.v1"
NUMBERING = re.compile(r"^[\s#*>\-•·]*(?:\d{1,2}[.)]\s*|[IVX]{1,4}[.)]\s+|[a-z][.)]\s+)?[\s*_]*")
# Words that may stand between a project word and its quoted title ("projekt pn. „…“").
NAMING_WORDS = {"pn", "pt", "pod", "nazwą", "tytułem", "entitled", "titled", "called", "named", "тема", "наречен",
                "názvem", "titel", "titre", "intitulé", "titulado", "denominato", "intitolato", "genaamd", "kallat",
                "nimeltä", "nimega", "pavadinimu", "nosaukumu", "című", "naslovom", "intitulat", "με", "τίτλο", "ονομασία"}
# "Label: value", and a flattened two-column table row "Label | value" (converters join cells with " | ")
LABEL_LINE = re.compile(r"^[ \t]*([^\n:|]{2,60}?)[ \t]*(?::|[ \t]\|)[ \t]*(\S[^\n]*)$", re.M)


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


def _words_before(text: str, pos: int, n: int = 3) -> list[str]:
    line_start = text.rfind("\n", 0, pos) + 1
    return re.findall(r"[\w.]+", text[max(line_start, pos - 40):pos].lower())[-n:]


def _called_a_project(text: str, acr: str, pwords: list[str], headings: set[int]) -> bool:
    """'projekt LIHN', 'LIHN project', 'LIHN – project summary': a project word just before or
    after one of the acronym's occurrences.  Across a line break only from a heading ("Name (ACR)"
    ⏎ "Project summary"): a partner line "Parteneri: Agenția … (AJOFM)" is not called a project
    by the next paragraph."""
    for a, b in occurrences(text, acr, whole_word=True):
        from_heading = text.rfind("\n", 0, a) + 1 in headings
        before = re.search(r"(\w+)(\W{1,3})$", text[max(0, a - 60):a])
        after = re.match(r"(\W+)(\w+)(?:(\W+)(\w+))?", text[b:b + 80])
        words = []
        if before and ("\n" not in before.group(2) or from_heading):
            words.append(before.group(1))
        if after and ("\n" not in after.group(1) or from_heading):
            words.append(after.group(2))
            if after.group(4) and ("\n" not in after.group(3) or from_heading):
                words.append(after.group(4))
        if any(_is_project_word(w.lower(), pwords) for w in words):
            return True
    return False


def _is_project_word(word: str, project_words: list[str]) -> bool:
    """A project word or an inflection of it ('projektu', 'проектът'), not a compound that starts
    with one ('projectcoördinator', 'Projektleiterin' name a person)."""
    return _project_word_re(tuple(project_words)).fullmatch(word) is not None


@lru_cache(maxsize=64)
def _project_word_re(project_words: tuple[str, ...]) -> re.Pattern[str]:
    stems = sorted({p.lower().rstrip(".") for p in project_words if len(p) >= 3}, key=len, reverse=True)
    exact = sorted({p.lower() for p in project_words}, key=len, reverse=True)
    alternatives = [rf"(?:{'|'.join(map(re.escape, stems))})\w{{0,4}}"] if stems else []
    alternatives += [f"(?:{'|'.join(map(re.escape, exact))})"] if exact else []
    return re.compile("|".join(alternatives) or r"(?!)")


def find_frames(found: Findings) -> "Frames":
    from integraph.gazetteer import cues

    text = found.doc.text
    pwords = cues.cues("project_words", found.lang)
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
        if in_fund.contains(a, b):
            continue
        prev = re.findall(r"\w+", text[max(0, a - 30):a])
        if prev and (orgs.legal_form(prev[-1], found.lang) or orgs.legal_form(prev[-1], None)) \
                and not _is_project_word(prev[-1].lower(), pwords):
            continue  # 'Сдружение „Нов дом“', 'Fundacja „Razem“': a quoted organisation name
        before = _words_before(text, a - 1)
        gap_ok = not re.search(r"[.!?]\s*\W?$", text[max(0, a - 4):a - 1]) if a > 1 else True
        if before and gap_ok and (_is_project_word(before[-1], pwords) or (
                len(before) >= 2 and _is_project_word(before[-2], pwords)
                and (before[-1].rstrip(".") in NAMING_WORDS or len(before[-1]) > 4))):
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
    finder = OrgFinder(text, found.lang, lambda w, l: None, [])
    headings = {sec.start for sec in found.doc.sections}
    called_acronyms: dict[str, bool] = {}
    for acr, ls, le, a0, a1 in acronyms.defined(finder, 0, len(text)):
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
    candidates += _names_before_a_project_apposition(found, pwords, fund_spans + found.quotes + found.taken())
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
    for m in UNQUOTED.finditer(text):
        if not _is_project_word(m.group(1).lower(), pwords) or any(a <= m.start(2) < b for a, b in fund_spans) \
                or normalise(m.group(1)) in roles:
            continue  # "projektijuht Kadri Tamm": a role before a person's name
        name = m.group(2).strip()
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
    # every other verbatim occurrence of a known title is a mention too
    for frame in frames.values():
        if len(frame.title) >= 8:
            for span in occurrences(text, frame.title):
                if span not in frame.mentions and not any(a <= span[0] < b for a, b in frame.mentions):
                    frame.mentions.append(span)
        frame.mentions.sort()
    return Frames(frames.values())


LOWER_RUN = re.compile(r"(?<!\w)(\w{5,})[ \t]+([A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][\w'’-]*(?:[ \t]+[\w'’-]+){1,5})")


def _repeated_names_after_project_words(found: Findings, pwords: list[str], taken: list[tuple[int, int]],
                                        roles: set[str]) -> list[tuple[int, int]]:
    """'projektet Svenska på jobbet, som …' … 'Svenska på jobbet finansieras …': a capitalised word and
    the lower-case words after a project word are a title when the document repeats them (the
    longest such run of at least two words, up to the first punctuation)."""
    text = found.doc.text
    out = []
    times: dict[str, int] = {}  # how often a run occurs, counted once per run
    for m in LOWER_RUN.finditer(text):
        if not _is_project_word(m.group(1).lower(), pwords) or any(a <= m.start(2) < b for a, b in taken) \
                or normalise(m.group(1)) in roles:
            continue
        words = list(re.finditer(r"[\w'’-]+", m.group(2)))
        for k in range(len(words), 1, -1):
            a, b = m.start(2), m.start(2) + words[k - 1].end()
            name = text[a:b]
            if name not in times:
                times[name] = sum(1 for _ in occurrences(text, name, whole_word=True))
            # "för projektet Trygg start i Lund, som riktar sig …": the whole run, closed by a comma
            # and a relative pronoun, names what the clause then describes
            if times[name] >= 2 or (k == len(words) and _relative_clause_after(text, b, found.lang)):
                out.append((a, b))
                break
    return out


def _relative_clause_after(text: str, pos: int, lang: str | None) -> bool:
    from integraph.gazetteer import cues

    m = re.match(r",\s+(\w+)", text[pos:pos + 30])
    return bool(m) and m.group(1).lower() in cues.cues("relative_pronouns", lang)


APPOSITION = re.compile(r",[ \t]+(?:\w{1,4}[ \t]+)?(\w+)")


def _names_before_a_project_apposition(found: Findings, pwords: list[str],
                                       taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'… starten we met Taal op de werkvloer, een project dat …', 'we run Open Doors, a project
    for …': the words before the comma, from a capitalised one that follows a lower-case word,
    are the title (two to six words; not a place, fund or organisation already found)."""
    text = found.doc.text
    blocked = Spans(taken)
    out = []
    for m in APPOSITION.finditer(text):
        if not _is_project_word(m.group(1).lower(), pwords):
            continue
        s = found.sentence_at(m.start())
        words = list(re.finditer(r"[\w'’-]+", text[max(s.start, m.start() - 80):m.start()]))
        base = max(s.start, m.start() - 80)
        for i in range(len(words) - 2, max(-1, len(words) - 7), -1):
            w, prev = words[i].group(), words[i - 1].group() if i > 0 else ""
            if w[:1].isupper() and prev[:1].islower():
                a, b = base + words[i].start(), m.start()
                if not blocked.overlaps(a, b) and "\n" not in text[a:b]:
                    out.append((a, b))
                break
    return out


UNQUOTED = re.compile(
    r"(?<!\w)(\w{5,})[ \t]+((?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][\w'’-]*(?:[ \t]+(?:[a-zà-ž]{1,4}[ \t]+)?)?){1,8})")
PROJECT_FIELDS = {"period", "amount", "funder", "partners", "grant_id", "lead"}


def _project_group_children(found: Findings, pwords: list[str]) -> list[tuple[tuple[int, int], str | None]]:
    """Headings one level below a short heading that names projects in the plural or as a group."""
    text = found.doc.text
    secs = sorted(found.doc.sections, key=lambda s: s.start)
    out = []
    for i, sec in enumerate(secs):
        words = re.findall(r"\w+", sec.heading.lower())
        if not words or len(words) > 6 or not any(_is_project_word(w, pwords) for w in words):
            continue
        if re.search(r"[„“\"«]", sec.heading):
            continue  # a project's own heading, not a group
        for child in secs[i + 1:]:
            if child.level <= sec.level:
                break
            if child.level != sec.level + 1:
                continue
            a = child.start + len(NUMBERING.match(child.heading).group()) if NUMBERING.match(child.heading) else child.start
            b = child.start + len(child.heading.rstrip())
            acr = None
            m = re.search(r"\s*\(([A-ZА-ЯΑ-Ω][A-ZА-ЯΑ-Ω0-9]{1,7})\)\s*$", text[a:b])
            if m:
                acr, b = m.group(1), a + m.start()
            line = text[a:b]
            # the structure says "a project": only generic and date lines are refused here
            if b - a >= 3 and _could_be_title(found, a, b, line, names_allowed=True):
                out.append(((a, b), acr))
    return out


def _first_quote_of_sentence(found: Findings, a: int, start: int) -> bool:
    return not any(start <= x < a - 1 for x, _ in found.quotes)


def _titles_of_field_blocks(found: Findings, labels: list[tuple[str, re.Match[str]]]) -> list[tuple[int, int]]:
    """Short lines followed by ≥ 2 labelled project fields (grantodawca:, Период:, Laufzeit: …)."""
    text = found.doc.text
    paras = paragraphs(found)
    label_starts = {m.start(): g for g, m in labels}
    heading_starts = {sec.start for sec in found.doc.sections}
    dated = found.of_kind("date")
    out = []
    for i, (a, b) in enumerate(paras):
        line = text[a:b].strip()
        if not line or len(line) > 160 or line.endswith((".", ":", ";", ",")) or a in label_starts:
            continue
        if re.match(r"^[^\n:]{2,60}:\s", line) or not _could_be_title(found, a, b, line):
            continue
        groups: set[str] = set()
        gaps = 0
        for x, y in paras[i + 1:i + 10]:
            found_here = {label_starts[k] for k in label_starts if x <= k < y}
            if not found_here:
                # the fields must follow the title line at once; one short line may stand among
                # them (a wrapped "Funduszy EOG"), and a page's date line does not count
                if y - x <= 80 and any(x <= m.start < y for m in dated):
                    continue
                gaps += 1
                if gaps > 1 or y - x > 80 or (x in heading_starts and not groups):
                    # a heading before the first field starts another block (a PDF may style a
                    # wrapped value line among the fields as a heading: that one is tolerated)
                    break
                continue
            groups |= found_here
        if len(groups & PROJECT_FIELDS) >= 2:
            s = a + (len(text[a:b]) - len(text[a:b].lstrip()))
            s += len(NUMBERING.match(text[s:b]).group()) if NUMBERING.match(text[s:b]) else 0
            out.append((s, a + len(text[a:b].rstrip())))
    return out


def _could_be_title(found: Findings, a: int, b: int, line: str, names_allowed: bool = False) -> bool:
    """Not a generic heading ('Project details', 'Scheda del progetto'), a fund, a date line,
    a grant number or an organisation's name."""
    from integraph.gazetteer import cues, orgs

    words = re.findall(r"\w+", line.lower())
    if not words or len(words) > 25:
        return False
    pwords = cues.cues("project_words", found.lang)
    if any(_is_project_word(w, pwords) for w in words) and not re.search(r"[„“\"«]", line):
        return False
    if len(words) <= 2 and _is_field_label(found, " ".join(words)):
        return False  # "Contacts", "Partneři": a section of fields, not a project
    if any(m.start < b and a < m.end for m in found.values if m.kind in ("grant_id", "date", "period", "amount",
                                                                             "url", "email", "phone")):
        return False
    covered = sum(min(b, m.end) - max(a, m.start) for m in found.funds + found.international if m.start < b and a < m.end)
    if covered > 0.5 * len(line):
        return False
    if not names_allowed and any(orgs.legal_form(w, found.lang) not in (None, "generic") for w in line.split()[:4]):
        return False
    return not line.isupper()


def _is_field_label(found: Findings, words: str) -> bool:
    """A field label of the language, or its plural ('contacto' → 'contactos', 'partner' → 'partneri')."""
    key = normalise(words)
    labels = _long_label_words(found.lang)
    return any(key[:len(key) - extra] in labels for extra in range(3))  # the label, or it and 1–2 letters


@lru_cache(maxsize=64)
def _long_label_words(lang: str | None) -> frozenset[str]:
    return frozenset(w for _, ws in _normalised_labels(lang) for w in ws if len(w) >= 4)


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
        if len(short) < 6:
            continue
        # the keys that start with "short ": found by bisection, tried in length order
        lo, hi = bisect_left(alphabetical, short + " "), bisect_left(alphabetical, short + " \U0010ffff")
        for long in sorted(alphabetical[lo:hi], key=rank.__getitem__):
            if short in frames and long in frames and (
                    long.startswith(short + " - ") or len(long) > len(short) + 8
                    and re.match(r"\s*[-–—:]", frames[long].title[len(frames[short].title):] or "x")):
                frames[long].mentions += frames[short].mentions
                frames[long].acronym = frames[long].acronym or frames[short].acronym
                del frames[short]


def _label_lines(found: Findings) -> list[tuple[str, re.Match[str]]]:
    """Lines 'label: value' whose label is a known field label, with the field group."""
    cached = found.extra.get("label_lines")
    if cached is not None:
        return cached  # frames and slots both ask; the text does not change in between
    first_group = _label_groups(found.lang)
    out = []
    for m in LABEL_LINE.finditer(found.doc.text):
        label = normalise(m.group(1))
        # a label word is the whole label, its first words or its last words
        cut = [k for k, ch in enumerate(label) if ch == " "]
        found_in = [first_group[x] for x in [label] + [label[:k] for k in cut] + [label[k + 1:] for k in cut]
                    if x in first_group]
        if found_in:
            out.append((min(found_in)[1], m))  # the first group, in the lexicon's order, that knows it
    found.extra["label_lines"] = out
    return out


@lru_cache(maxsize=64)
def _normalised_labels(lang: str | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    from integraph.gazetteer import cues

    return tuple((g, tuple(normalise(w) for w in ws)) for g, ws in cues.field_labels(lang).items())


@lru_cache(maxsize=64)
def _label_groups(lang: str | None) -> dict[str, tuple[int, str]]:
    """Each normalised label word → (order, group) of the first field group that lists it."""
    from integraph.gazetteer import cues

    first: dict[str, tuple[int, str]] = {}
    for order, (group, words) in enumerate(cues.field_labels(lang).items()):
        for w in words:
            first.setdefault(normalise(w), (order, group))
    return first


def paragraphs(found: Findings) -> list[tuple[int, int]]:
    if found.doc.paragraphs:
        return list(found.doc.paragraphs)
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", found.doc.text)]


def heading_section(sections: list[Section], a: int) -> Section | None:
    """The section whose heading line contains offset `a`."""
    for s in sections:
        if s.start <= a < s.start + len(s.heading) + 1:
            return s
    return None


def assign_scopes(found: Findings, frames: list[Frame]) -> None:
    text = found.doc.text
    paras = paragraphs(found)
    heading_starts = {s.start for s in found.doc.sections}
    all_mentions = sorted((a, f.key) for f in frames for a, _ in f.mentions + f.acronym_spans)
    mention_starts = [a for a, _ in all_mentions]
    para_starts = [x for x, _ in paras]

    def others_in(key: str, x: int, y: int) -> list[int]:
        """Where other frames are mentioned in [x, y)."""
        return [all_mentions[i][0] for i in starting_in(mention_starts, x, y) if all_mentions[i][1] != key]

    # a document whose title names one project (a final report, a project's page) is about it
    # throughout; passages naming other projects still go to them (the smallest range wins)
    title_end = text.find("\n")
    titled = [f for f in frames if any(a < max(title_end, 0) for a, _ in f.mentions + f.acronym_spans)]
    for frame in frames:
        # a document about one project is all about it, when it names it early (a page's or
        # factsheet's title); one named only in passing further down owns its own passage
        if len(frames) == 1 and (frame.doc_level or min(a for a, _ in frame.mentions) < max(400, len(text) // 4)):
            frame.ranges = [(0, len(text))]
            continue
        if len(titled) == 1 and frame is titled[0]:
            frame.ranges.append((0, len(text)))
        for a, b in frame.mentions:
            row = next((r for r, _ in frame.rows if r.start <= a < r.end), None)
            if row is not None:  # a table row holds all that it says of its project
                frame.ranges.append((row.start, row.end))
                continue
            sec = heading_section(found.doc.sections, a)
            if sec is not None:
                frame.ranges.append((sec.start, sec.end))
                continue
            pi = bisect_right(para_starts, a) - 1
            if pi < 0 or a >= paras[pi][1]:
                continue
            p0, p1 = paras[pi]
            others = others_in(frame.key, p0, p1)
            if others:
                s = found.sentence_at(a)
                nxt = [x for x in others if x > a]
                frame.ranges.append((s.start, min(nxt) if nxt else p1))
                continue
            end = p1
            inner = found.doc.section_at(a)
            limit = inner.end if inner else len(text)
            for x, y in paras[pi + 1:]:
                if x >= limit or x in heading_starts or others_in(frame.key, x, y):
                    break
                end = y
            frame.ranges.append((p0, end))
    _paragraphs_of_leads(found, frames, paras)
    if isinstance(frames, Frames):
        frames.index = _ScopeIndex.of(frames)


def _paragraphs_of_leads(found: Findings, frames: list[Frame], paras: list[tuple[int, int]]) -> None:
    """A call's results table, then a paragraph on each project that opens with its lead
    ('Zavod Novi začetki bo v Mariboru …'): a paragraph no project owns, opening with the name
    in the lead column of exactly one project's row, speaks of that project."""
    text = found.doc.text
    leads: dict[str, list[Frame]] = {}
    for f in frames:
        for row, _ in f.rows:
            cell = row.cells.get("lead")
            if cell:
                name = normalise(text[cell[0]:cell[1]].split(",")[0])
                if len(name) >= 5 and f not in leads.setdefault(name, []):
                    leads[name].append(f)
    if not leads:
        return
    owned = sorted(r for f in frames for r in f.ranges)
    for p0, p1 in paras:
        if any(a <= p0 < b for a, b in owned):
            continue
        head = normalise(text[p0:p0 + 160])
        hits = [fs for name, fs in leads.items() if head.startswith(name + " ") and len(fs) == 1]
        if len(hits) == 1:
            hits[0][0].ranges.append((p0, p1))


def owner(frames: list[Frame], offset: int) -> Frame | None:
    """The frame whose smallest range holds `offset` (the first such frame on ties)."""
    index = frames.index if isinstance(frames, Frames) and frames.index else _ScopeIndex.of(frames)
    best, size = None, None
    for a, b, order, f in index.long:  # few: sections and whole documents
        if a <= offset < b and (size is None or (b - a, order) < size):
            best, size = f, (b - a, order)
    # a short range holding `offset` starts at most SHORT characters before it
    i = bisect_right(index.starts, offset) - 1
    while i >= 0 and index.starts[i] > offset - SHORT:
        a, b, order, f = index.short[i]
        if offset < b and (size is None or (b - a, order) < size):
            best, size = f, (b - a, order)
        i -= 1
    return best


SHORT = 4096  # ranges up to this long (sentences, paragraphs, table rows) are found by bisection


@dataclass
class _ScopeIndex:
    """The frames' ranges by start, so that `owner` bisects instead of scanning every range."""

    short: list[tuple[int, int, int, Frame]]  # (start, end, frame order, frame) by start
    starts: list[int]
    long: list[tuple[int, int, int, Frame]]

    @classmethod
    def of(cls, frames: list[Frame]) -> "_ScopeIndex":
        ranges = sorted(((a, b, n, f) for n, f in enumerate(frames) for a, b in f.ranges), key=lambda r: r[:3])
        short = [r for r in ranges if r[1] - r[0] <= SHORT]
        return cls(short, [r[0] for r in short], [r for r in ranges if r[1] - r[0] > SHORT])


class Frames(list):
    """A document's frames; once `assign_scopes` has given them their ranges, also their index
    (slots ask `owner` for thousands of offsets)."""

    index: _ScopeIndex | None = None
