"""Cleaned blocks → Document.text with section and paragraph offsets.

Blocks are joined by a blank line; headings are blocks too.  A section runs
from its heading to the next heading of the same or a higher level (or the end
of the text), so `text[s.start:].startswith(s.heading)` holds for each one.
"""
from __future__ import annotations

from integraph.model import Block, Section

SEPARATOR = "\n\n"
MAX_TITLE_CHARS = 200


def assemble(blocks: list[Block]) -> tuple[str, list[Section], list[tuple[int, int]]]:
    parts: list[str] = []
    paragraphs: list[tuple[int, int]] = []
    heads: list[tuple[int, Block]] = []
    offset = 0
    for b in blocks:
        if parts:
            offset += len(SEPARATOR)
        paragraphs.append((offset, offset + len(b.text)))
        if b.kind == "heading":
            heads.append((offset, b))
        parts.append(b.text)
        offset += len(b.text)
    text = SEPARATOR.join(parts)
    sections = []
    for i, (start, b) in enumerate(heads):
        level = max(b.level, 1)
        end = next((s for s, h in heads[i + 1:] if max(h.level, 1) <= level), len(text))
        sections.append(Section(start=start, end=end, heading=b.text, level=level))
    return text, sections, paragraphs


def pick_title(meta_title: str | None, blocks: list[Block]) -> str | None:
    """The file's own title, else the first heading, else the first short line."""
    if meta_title and meta_title.strip():
        return " ".join(meta_title.split())
    for b in blocks:
        if b.kind == "heading":
            return " ".join(b.text.split())
    for b in blocks[:3]:
        line = b.text.strip().split("\n")[0]
        if len(line) <= MAX_TITLE_CHARS:
            return line
    return None
