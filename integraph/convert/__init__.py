"""Any supported file → one clean `Document`: the single entry point is `to_document`.

    bytes ──sniff──► media type ──CONVERTERS[type]──► Converted(blocks, title, date)
          ──clean.clean_blocks──► blocks ──assemble──► Document (text, sections, paragraphs)
          ──langid──► document and section languages

`to_document` is a pure function of picklable values so that the pipeline can
run it in worker processes.  Every failure is an `integraph.errors.ConversionError`
subclass with a one-line reason.
"""
from __future__ import annotations

from typing import Callable

from integraph.convert import from_docx, from_html, from_markdown, from_odt, from_pdf, from_text
from integraph.convert.assemble import assemble, pick_title
from integraph.convert.clean import clean_blocks
from integraph.convert.limits import MAX_BYTES, check_size
from integraph.convert.sniff import DOCX, HTML, MARKDOWN, ODT, PDF, TEXT, sniff
from integraph.errors import EmptyDocument, UnsupportedFormat
from integraph.model import Converted, Document, content_id

CONVERTERS: dict[str, Callable[[bytes], Converted]] = {
    PDF: from_pdf.convert,
    HTML: from_html.convert,
    DOCX: from_docx.convert,
    ODT: from_odt.convert,
    MARKDOWN: from_markdown.convert,
    TEXT: from_text.convert,
}

__all__ = ["CONVERTERS", "MAX_BYTES", "to_document", "sniff"]


def to_document(data: bytes, locator: str, media_type: str | None = None) -> Document:
    """Convert the bytes of one file (from `locator`, a path or URL) into a cleaned Document."""
    from integraph import langid

    if not data:
        raise EmptyDocument("the file is empty")
    check_size(data)
    kind = sniff(data, locator, media_type)
    converter = CONVERTERS.get(kind)
    if converter is None:
        raise UnsupportedFormat(f"no converter for {kind}")
    converted = converter(data)
    blocks = clean_blocks(converted.blocks)
    if not blocks:
        raise EmptyDocument(f"no readable text in this {kind} file")
    text, sections, paragraphs = assemble(blocks)
    doc = Document(
        id=content_id(data), source=locator, media_type=kind, text=text, original=data,
        title=pick_title(converted.title, blocks), date=converted.date,
        sections=sections, paragraphs=paragraphs,
    )
    doc.language = langid.detect(text)
    langid.detect_sections(doc)
    return doc
