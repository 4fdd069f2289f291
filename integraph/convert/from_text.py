"""Plain text in any European encoding → blocks.

Text with Markdown headings goes through the Markdown converter; everything
else is re-flowed (`reflow.text_to_blocks`), which also handles text that a
PDF tool wrote (hard-wrapped lines, bullet glyphs, form feeds between pages).
"""
from __future__ import annotations

from integraph.convert.clean import drop_page_furniture
from integraph.convert.decode import decode
from integraph.convert.from_markdown import looks_like_markdown, markdown_to_converted
from integraph.convert.reflow import text_to_blocks
from integraph.model import Converted


def convert(data: bytes) -> Converted:
    text = decode(data)
    if looks_like_markdown(text):
        return markdown_to_converted(text)
    if "\f" in text:  # pdftotext marks page breaks: take page headers and footers off first
        pages = drop_page_furniture([p.split("\n") for p in text.split("\f")])
        text = "\n".join("\n".join(p) for p in pages)
    return Converted(blocks=text_to_blocks(text), media_type="text/plain")
