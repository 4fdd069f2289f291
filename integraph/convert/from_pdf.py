"""PDF text layer → blocks, with pypdfium2 (fastest and exact in our bake-off, §7).

Each page's text is taken separately so that page headers and footers can be
recognised by repetition before the lines are re-flowed into paragraphs.
pdfium marks a hyphen at a line end as U+FFFE; it becomes "-" and the re-flow
decides whether it was a real hyphen.  Pages and time are bounded.  A PDF
without a text layer (a scan) converts to nothing → EmptyDocument upstream.
"""
from __future__ import annotations

import re
import time

import pypdfium2 as pdfium

from integraph.convert.clean import drop_page_furniture
from integraph.convert.limits import MAX_PDF_PAGES, MAX_PDF_SECONDS
from integraph.convert.reflow import text_to_blocks
from integraph.errors import CorruptDocument, EncryptedDocument, LimitExceeded
from integraph.model import Converted

PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def convert(data: bytes) -> Converted:
    pdf = _open(data)
    try:
        n = len(pdf)
        if n > MAX_PDF_PAGES:
            raise LimitExceeded(f"PDF has {n} pages, the limit is {MAX_PDF_PAGES}")
        deadline = time.monotonic() + MAX_PDF_SECONDS
        pages = []
        for index in range(n):
            if time.monotonic() > deadline:
                raise LimitExceeded(f"PDF text extraction took over {MAX_PDF_SECONDS:.0f} s (page {index} of {n})")
            pages.append(page_text(pdf, index).split("\n"))
        meta = pdf.get_metadata_dict(skip_empty=True)
    except pdfium.PdfiumError as e:
        raise CorruptDocument(f"PDF page could not be read ({e})") from None
    finally:
        pdf.close()
    text = "\n".join("\n".join(p) for p in drop_page_furniture(pages))
    title = (meta.get("Title") or "").strip() or None
    return Converted(blocks=text_to_blocks(text), media_type="application/pdf", title=title,
                     date=pdf_date(meta.get("CreationDate", "")))


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise EncryptedDocument("PDF is password protected") from None
        raise CorruptDocument(f"PDF is damaged or truncated ({e})") from None


def page_text(pdf: pdfium.PdfDocument, index: int) -> str:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "-")


def pdf_date(value: str) -> str | None:
    """'D:20230415120000+02' → '2023-04-15', at the precision the file states."""
    m = PDF_DATE.match(value.strip())
    if not m or not 1900 < int(m.group(1)) < 2200:
        return None
    parts = [p for p in m.groups() if p]
    return "-".join(parts)
