"""ODT → blocks with odfpy: <text:h outline-level> headings, list items, paragraphs, table rows.

The zip directory is checked for bombs before odfpy opens it.
"""
from __future__ import annotations

import io

from odf import teletype
from odf.opendocument import load
from odf.namespaces import DCNS, METANS, TABLENS, TEXTNS

from integraph.convert.limits import check_zip
from integraph.errors import CorruptDocument, EncryptedDocument
from integraph.model import Block, Converted


def convert(data: bytes) -> Converted:
    zf = check_zip(data)
    try:
        manifest = zf.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in zf.namelist() else b""
    except Exception:
        manifest = b""
    if b"encryption-data" in manifest:
        raise EncryptedDocument("ODT is password protected")
    try:
        doc = load(io.BytesIO(data))
    except Exception as e:  # odfpy raises KeyError, xml errors… on broken packages
        raise CorruptDocument(f"ODT could not be read ({type(e).__name__})") from None
    blocks: list[Block] = []
    _walk(doc.text, blocks, in_list=False)
    title = date = None
    for node in doc.meta.childNodes:
        if node.qname == (DCNS, "title"):
            title = teletype.extractText(node).strip() or None
        elif node.qname in ((DCNS, "date"), (METANS, "creation-date")) and date is None:
            date = teletype.extractText(node).strip()[:10] or None
    return Converted(blocks=blocks, media_type="application/vnd.oasis.opendocument.text", title=title, date=date)


def _walk(node, blocks: list[Block], in_list: bool) -> None:
    for child in node.childNodes:
        qname = getattr(child, "qname", None)
        if qname == (TEXTNS, "h"):
            level = child.getAttrNS(TEXTNS, "outline-level")
            text = " ".join(teletype.extractText(child).split())
            if text:
                blocks.append(Block("heading", text, int(level) if level and str(level).isdigit() else 1))
        elif qname == (TEXTNS, "p"):
            text = teletype.extractText(child).strip()
            if text:
                blocks.append(Block("item" if in_list else "paragraph", text))
        elif qname == (TEXTNS, "list"):
            _walk(child, blocks, in_list=True)
        elif qname == (TABLENS, "table-row"):
            cells = [" ".join(teletype.extractText(c).split()) for c in child.childNodes
                     if getattr(c, "qname", None) == (TABLENS, "table-cell")]
            if any(cells):
                blocks.append(Block("paragraph", " | ".join(c for c in cells if c)))
        elif qname is not None and getattr(child, "childNodes", None):
            _walk(child, blocks, in_list)
