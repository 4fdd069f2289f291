"""The shapes that travel through the pipeline.

sources → convert yields `Block`s → clean → `Document` (text + sections with
character offsets) → extract yields `Statement`s, each grounded on a `Span` of
`Document.text` → resolve → store.  Everything here is plain data: picklable,
so the per-document work can run in a process pool or on a Dask worker.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "item"]


@dataclass(slots=True)
class Block:
    """One unit a converter reads off a file: a heading, a paragraph or a list item."""

    kind: BlockKind
    text: str
    level: int = 0  # heading level (1 = top); 0 for body blocks


@dataclass(slots=True)
class Section:
    """A heading and the stretch of text it owns, as offsets into Document.text."""

    start: int  # offset of the heading's first character
    end: int  # offset where the next heading of the same or higher level starts
    heading: str
    level: int
    language: str | None = None


@dataclass(slots=True)
class Converted:
    """What a converter returns: blocks plus whatever metadata the file states."""

    blocks: list[Block]
    media_type: str
    title: str | None = None
    date: str | None = None  # ISO 8601 at the precision the file states


@dataclass(slots=True)
class Document:
    """One normalised document. `text` is the cleaned text every span points into."""

    id: str  # sha256 of the original bytes
    source: str  # path or URL
    media_type: str
    text: str
    original: bytes = field(repr=False)
    title: str | None = None
    date: str | None = None
    language: str | None = None
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # offsets of blocks

    def section_at(self, offset: int) -> Section | None:
        """The innermost section that contains `offset`."""
        best = None
        for s in self.sections:
            if s.start <= offset < s.end and (best is None or s.level >= best.level):
                best = s
        return best


@dataclass(slots=True, frozen=True)
class Span:
    """A half-open character interval [start, end) of a document's stored text."""

    document: str
    start: int
    end: int


@dataclass(slots=True)
class Statement:
    """One fact: `entity` has `prop` = `value`, stated by `span`.

    `entity` is a document-local id until resolution maps it to a canonical
    one; for relations `value` is another entity's id.  No span, no statement.
    """

    entity: str
    schema: str  # Project, Organisation, Programme, Place, Person
    prop: str
    value: str
    span: Span
    extractor: str  # namespaced and versioned, e.g. "integraph.frames.v1"
    confidence: float = 1.0
    as_of: str | None = None  # date of the document that states it


def content_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
