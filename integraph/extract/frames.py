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
from dataclasses import dataclass, field

from integraph.extract.emit import Emitter
from integraph.extract.findings import Findings, cue_words
from integraph.extract.orgs import OrgFinder
from integraph.model import Section
from integraph.textutil import normalise

EXTRACTOR = "integraph.frames.v1"
NUMBERING = re.compile(r"^[\s#*>\-•·]*(?:\d{1,2}[.)]\s*|[IVX]{1,4}[.)]\s+|[a-z][.)]\s+)?[\s*_]*")
# Words that may stand between a project word and its quoted title ("projekt pn. „…“").
NAMING_WORDS = {"pn", "pt", "pod", "nazwą", "tytułem", "entitled", "titled", "called", "named", "тема", "наречен",
                "názvem", "titel", "titre", "intitulé", "titulado", "denominato", "intitolato", "genaamd", "kallat",
                "nimeltä", "nimega", "pavadinimu", "nosaukumu", "című", "naslovom", "intitulat", "με", "τίτλο", "ονομασία"}
LABEL_LINE = re.compile(r"^[ \t]*([^\n:]{2,60}?)\s*:[ \t]*(\S[^\n]*)$", re.M)


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


def _words_before(text: str, pos: int, n: int = 3) -> list[str]:
    line_start = text.rfind("\n", 0, pos) + 1
    return re.findall(r"[\w.]+", text[max(line_start, pos - 40):pos].lower())[-n:]


def _is_project_word(word: str, project_words: list[str]) -> bool:
    return any(word.startswith(p.lower().rstrip(".")) for p in project_words if len(p) >= 3) or \
        any(word == p.lower() for p in project_words)


def find_frames(found: Findings) -> list[Frame]:
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

    fund_spans = [(m.start, m.end) for m in found.funds]
    funded_lines = {text.rfind("\n", 0, m.start) + 1 for m in found.funds + found.of_kind("grant_id")}
    for a, b in found.quotes:
        if any(x <= a and b <= y for x, y in fund_spans):
            continue
        before = _words_before(text, a - 1)
        if before and (_is_project_word(before[-1], pwords) or (
                len(before) >= 2 and _is_project_word(before[-2], pwords) and before[-1].rstrip(".") in NAMING_WORDS)):
            add((a, b))
            continue
        line_start = text.rfind("\n", 0, a) + 1
        lead = text[line_start:a - 1]
        if NUMBERING.fullmatch(lead) is not None and line_start in funded_lines and a - line_start < 12:
            add((a, b))

    # "Long Name (ACR)" that the text calls a project
    finder = OrgFinder(text, found.lang, lambda w, l: None, [])
    for acr, ls, le, a0, a1 in finder.defined_acronyms(0, len(text)):
        if any(x <= ls < y for x, y in fund_spans):
            continue
        pattern = re.compile(rf"(\w+)\W{{1,3}}{re.escape(acr)}\b|\b{re.escape(acr)}\W+(?:\w+\W+)?(\w+)")
        called = False
        for m in pattern.finditer(text):
            w = (m.group(1) or m.group(2) or "").lower()
            if _is_project_word(w, pwords):
                called = True
                break
        if called:
            f = add((ls, le))
            if f:
                f.acronym = acr
                f.acronym_spans += [(m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(acr)}\b", text)]

    # a project page: the document's title heads labelled project fields
    if found.doc.title and not frames:
        groups = {g for g, _ in _label_lines(found)}
        if len(groups & {"period", "amount", "funder", "partners", "grant_id", "lead"}) >= 2:
            at = text.find(found.doc.title)
            if at >= 0:
                add((at, at + len(found.doc.title)), doc_level=True)

    # every other verbatim occurrence of a known title is a mention too
    for frame in frames.values():
        if len(frame.title) >= 8:
            for m in re.finditer(re.escape(frame.title), text):
                if (m.start(), m.end()) not in frame.mentions and not any(
                        a <= m.start() < b for a, b in frame.mentions):
                    frame.mentions.append((m.start(), m.end()))
        frame.mentions.sort()
    return list(frames.values())


def _label_lines(found: Findings) -> list[tuple[str, re.Match[str]]]:
    """Lines 'label: value' whose label is a known field label, with the field group."""
    from integraph.gazetteer import cues

    labels = cues.field_labels(found.lang) if hasattr(cues, "field_labels") else {}
    out = []
    for m in LABEL_LINE.finditer(found.doc.text):
        label = normalise(m.group(1))
        for group, words in labels.items():
            if any(label == normalise(w) or label.startswith(normalise(w) + " ") or label.endswith(" " + normalise(w))
                   for w in words):
                out.append((group, m))
                break
    return out


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
    for frame in frames:
        if frame.doc_level and len(frames) == 1:
            frame.ranges = [(0, len(text))]
            continue
        for a, b in frame.mentions:
            sec = heading_section(found.doc.sections, a)
            if sec is not None:
                frame.ranges.append((sec.start, sec.end))
                continue
            pi = next((i for i, (x, y) in enumerate(paras) if x <= a < y), None)
            if pi is None:
                continue
            p0, p1 = paras[pi]
            others = [x for x, k in all_mentions if k != frame.key and p0 <= x < p1]
            if others:
                s = found.sentence_at(a)
                nxt = [x for x in others if x > a]
                frame.ranges.append((s.start, min(nxt) if nxt else p1))
                continue
            end = p1
            inner = found.doc.section_at(a)
            limit = inner.end if inner else len(text)
            for x, y in paras[pi + 1:]:
                if x >= limit or x in heading_starts or any(x <= m < y for m, k in all_mentions if k != frame.key):
                    break
                end = y
            frame.ranges.append((p0, end))


def owner(frames: list[Frame], offset: int) -> Frame | None:
    """The frame whose smallest range holds `offset`."""
    best, size = None, None
    for f in frames:
        for a, b in f.ranges:
            if a <= offset < b and (size is None or b - a < size):
                best, size = f, b - a
    return best
