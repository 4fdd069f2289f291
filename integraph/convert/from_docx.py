"""DOCX → blocks with python-docx: heading styles give levels, numbered/bulleted paragraphs are items.

The zip directory is checked for bombs before python-docx opens it.  Style
names are localised in Word ("Nagłówek 1", "Überschrift 1"), so a heading is
recognised by the paragraph's outline level first and its style name second.
"""
from __future__ import annotations

import io
import re

from docx import Document as open_docx
from docx.oxml.ns import qn

from integraph.convert.limits import check_zip
from integraph.errors import CorruptDocument, EncryptedDocument
from integraph.model import Block, Converted

HEADING_STYLE = re.compile(r"(?:heading|nagłówek|überschrift|titre|título|titolo|kop|nadpis|заглавие|заголовок)\s*(\d)", re.I)


def convert(data: bytes) -> Converted:
    zf = check_zip(data)
    if "EncryptionInfo" in zf.namelist():
        raise EncryptedDocument("DOCX is password protected")
    try:
        doc = open_docx(io.BytesIO(data))
    except Exception as e:  # python-docx raises KeyError, ValueError, lxml errors… on broken packages
        raise CorruptDocument(f"DOCX could not be read ({type(e).__name__})") from None
    blocks: list[Block] = []
    body = doc.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            _paragraph(child, doc, blocks)
        elif child.tag == qn("w:tbl"):
            for row in child.iter(qn("w:tr")):
                cells = ["".join(t.text or "" for t in tc.iter(qn("w:t"))).strip() for tc in row.iter(qn("w:tc"))]
                if any(cells):
                    blocks.append(Block("paragraph", " | ".join(c for c in cells if c)))
    props = doc.core_properties
    date = props.created.date().isoformat() if props.created else None
    return Converted(blocks=blocks, media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     title=(props.title or "").strip() or None, date=date)


def _paragraph(p, doc, blocks: list[Block]) -> None:
    from docx.text.paragraph import Paragraph

    para = Paragraph(p, doc)
    text = "".join(
        "\n" if node.tag in (qn("w:br"), qn("w:cr")) else "\t" if node.tag == qn("w:tab") else (node.text or "")
        for node in p.iter(qn("w:t"), qn("w:br"), qn("w:cr"), qn("w:tab"))
    ).strip()
    if not text:
        return
    level = heading_level(para)
    if level:
        blocks.append(Block("heading", " ".join(text.split()), level))
    elif p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None or "list" in (para.style.name or "").lower():
        blocks.append(Block("item", text))
    else:
        blocks.append(Block("paragraph", text))


def heading_level(para) -> int:
    style = para.style
    for node in (para._p.pPr, style.element.pPr if style is not None else None):
        outline = node.find(qn("w:outlineLvl")) if node is not None else None
        if outline is not None and outline.get(qn("w:val"), "").isdigit() and int(outline.get(qn("w:val"))) < 9:
            return int(outline.get(qn("w:val"))) + 1
    name = (style.name or "") if style is not None else ""
    if name.lower() == "title":
        return 1
    m = HEADING_STYLE.search(name) or HEADING_STYLE.search(style.style_id or "") if style is not None else None
    return int(m.group(1)) if m else 0
