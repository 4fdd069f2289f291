"""Which media type a file really is: magic bytes first, then the name.

The name is only trusted when the bytes say nothing (text formats have no
magic); a PDF called `report.txt` is still a PDF.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath
from urllib.parse import urlsplit

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
HTML = "text/html"
MARKDOWN = "text/markdown"
TEXT = "text/plain"

EXTENSIONS = {
    ".pdf": PDF, ".docx": DOCX, ".odt": ODT, ".html": HTML, ".htm": HTML, ".xhtml": HTML,
    ".md": MARKDOWN, ".markdown": MARKDOWN, ".txt": TEXT, ".text": TEXT, "": TEXT,
}
# Formats we recognise but cannot convert: naming them makes the error message useful.
FOREIGN_MAGIC = {
    b"\xd0\xcf\x11\xe0": "application/msword", b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg",
    b"GIF8": "image/gif", b"\x1f\x8b": "application/gzip", b"7z\xbc\xaf": "application/x-7z-compressed",
    b"Rar!": "application/vnd.rar", b"{\\rtf": "application/rtf", b"%!PS": "application/postscript",
}
HTML_OPENERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")
ALIASES = {"application/xhtml+xml": HTML, "text/x-markdown": MARKDOWN}


def extension(locator: str) -> str:
    path = urlsplit(locator).path if "://" in locator else locator
    return PurePosixPath(path.replace("\\", "/")).suffix.lower()


def sniff(data: bytes, locator: str = "", media_type: str | None = None) -> str:
    """The media type of `data`: its magic bytes decide, then `media_type`, then the extension."""
    head = data[:1024]
    if b"%PDF-" in head:
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    for magic, kind in FOREIGN_MAGIC.items():
        if head.startswith(magic):
            return kind
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith(HTML_OPENERS) and (b"<html" in lowered or b"<body" in lowered or b"<!doctype" in lowered):
        return HTML
    if media_type:
        base = media_type.split(";")[0].strip().lower()
        return ALIASES.get(base, base)
    return EXTENSIONS.get(extension(locator), "application/octet-stream")


def _zip_kind(data: bytes) -> str:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
        if "mimetype" in names:
            with zf.open("mimetype") as f:  # read a few bytes only: the member may be a bomb
                return f.read(100).decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return "application/zip"
    if "word/document.xml" in names:
        return DOCX
    return "application/zip"
