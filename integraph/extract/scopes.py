"""Which stretch of text each project frame owns: the section its title heads, else its
paragraph and the following ones up to the next project or heading; and `owner`, the frame
whose smallest range holds an offset (with an index, since slots ask it thousands of times).

Also the document structure this reads (paragraphs, heading lines, list numbering).
Separate from frames.py because it runs after all frames are found and is what slots rely on.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from integraph.extract.findings import Findings
from integraph.model import Section
from integraph.spans import starting_in
from integraph.textutil import normalise

if TYPE_CHECKING:
    from integraph.extract.frames import Frame

NUMBERING = re.compile(r"^[\s#*>\-•·]*(?:\d{1,2}[.)]\s*|[IVX]{1,4}[.)]\s+|[a-z][.)]\s+)?[\s*_]*")


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
    known = index.owners.get(offset, index)  # the index itself stands for "not asked yet"
    if known is not index:
        return known  # slots ask again for the same offsets (each sentence start, by several rules)
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
    index.owners[offset] = best
    return best


SHORT = 4096  # ranges up to this long (sentences, paragraphs, table rows) are found by bisection


@dataclass
class _ScopeIndex:
    """The frames' ranges by start, so that `owner` bisects instead of scanning every range."""

    short: list[tuple[int, int, int, Frame]]  # (start, end, frame order, frame) by start
    starts: list[int]
    long: list[tuple[int, int, int, Frame]]
    owners: dict[int, Frame | None] = field(default_factory=dict)  # `owner`'s answers, by offset

    @classmethod
    def of(cls, frames: list[Frame]) -> "_ScopeIndex":
        ranges = sorted(((a, b, n, f) for n, f in enumerate(frames) for a, b in f.ranges), key=lambda r: r[:3])
        short = [r for r in ranges if r[1] - r[0] <= SHORT]
        return cls(short, [r[0] for r in short], [r for r in ranges if r[1] - r[0] > SHORT])


class Frames(list):
    """A document's frames; once `assign_scopes` has given them their ranges, also their index
    (slots ask `owner` for thousands of offsets)."""

    index: _ScopeIndex | None = None
