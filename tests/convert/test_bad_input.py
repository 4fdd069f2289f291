"""Bad input fails with the right error and a one-line reason, before any parser is exposed to it."""
from __future__ import annotations

import io
import zipfile

import pytest

from integraph.convert import MAX_BYTES, to_document
from integraph.errors import (
    ConversionError, CorruptDocument, EmptyDocument, EncryptedDocument, LimitExceeded, UnsupportedFormat,
)

TEXT = "Fundacja prowadzi w Lublinie zajęcia językowe dla cudzoziemców oraz dyżury doradcze w każdy wtorek."


def one_line(error: ConversionError) -> None:
    assert error.reason and "\n" not in error.reason


def test_empty_file():
    with pytest.raises(EmptyDocument) as e:
        to_document(b"", "empty.txt")
    one_line(e.value)


def test_binary_junk_named_txt():
    junk = bytes(range(256)) * 100
    with pytest.raises(CorruptDocument) as e:
        to_document(junk, "notes.txt")
    one_line(e.value)


def test_oversized_text_is_refused_before_decoding():
    with pytest.raises(LimitExceeded) as e:
        to_document(b"a" * (MAX_BYTES + 1), "huge.txt")
    one_line(e.value)


def test_truncated_pdf(make_pdf):
    data = make_pdf([[TEXT]])
    with pytest.raises(CorruptDocument) as e:
        to_document(data[: len(data) // 3], "cut.pdf")
    one_line(e.value)


def test_garbage_after_pdf_magic():
    with pytest.raises(CorruptDocument):
        to_document(b"%PDF-1.7\n" + bytes(range(256)) * 20, "bad.pdf")


def test_encrypted_pdf(make_pdf):
    with pytest.raises(EncryptedDocument) as e:
        to_document(make_pdf([[TEXT]], password="secret"), "locked.pdf")
    one_line(e.value)


def test_pdf_without_text_layer_is_empty(make_pdf):
    with pytest.raises(EmptyDocument):
        to_document(make_pdf([[]]), "scan.pdf")


def test_docx_zip_bomb_is_refused_before_parsing(zip_bomb):
    bomb = zip_bomb(("[Content_Types].xml", b"<Types/>"), "word/document.xml", 20 << 20)
    assert len(bomb) < 2_000_000
    with pytest.raises(LimitExceeded) as e:
        to_document(bomb, "bomb.docx")
    one_line(e.value)


def test_odt_zip_bomb_is_refused_before_parsing(zip_bomb):
    bomb = zip_bomb(("mimetype", b"application/vnd.oasis.opendocument.text"), "content.xml", 20 << 20)
    with pytest.raises(LimitExceeded):
        to_document(bomb, "bomb.odt")


def test_broken_docx_is_corrupt():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<not-closed")
    with pytest.raises(CorruptDocument):
        to_document(out.getvalue(), "broken.docx")


def test_html_with_only_scripts_is_empty():
    page = b"<html><head><script>var a = 'x'.repeat(100);</script></head><body><script>alert('hi there')</script>" \
           b"<style>p { color: red }</style><noscript></noscript></body></html>"
    with pytest.raises(EmptyDocument) as e:
        to_document(page, "app.html")
    one_line(e.value)


def test_unsupported_formats_are_named():
    with pytest.raises(UnsupportedFormat, match="image/png"):
        to_document(b"\x89PNG\r\n\x1a\n" + bytes(100), "logo.png")
    with pytest.raises(UnsupportedFormat, match="msword"):
        to_document(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old.doc")


def test_magic_beats_the_name(make_pdf):
    doc = to_document(make_pdf([[TEXT]]), "misnamed.txt")
    assert doc.media_type == "application/pdf" and TEXT in doc.text
