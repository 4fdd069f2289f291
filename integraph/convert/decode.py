"""Bytes of a text file → str, for any encoding a European publisher plausibly used.

Order: a BOM decides (UTF-8/16/32); else strict UTF-8 (which almost never
decodes non-UTF-8 text by accident); else charset-normalizer, restricted to the
code pages of European languages so that it cannot wander into CJK guesses.
Binary junk is refused before anything is guessed.
"""
from __future__ import annotations

import codecs
import unicodedata

from integraph.errors import CorruptDocument, EmptyDocument

BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
# Cyrillic first (they are the ones most often confused with Latin-2), then Latin, Greek, Baltic.
EUROPEAN_CODEPAGES = [
    "cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp1250", "iso8859_2", "cp1252", "iso8859_15",
    "latin_1", "cp1253", "iso8859_7", "cp1257", "iso8859_13", "iso8859_4", "cp1254", "iso8859_9",
    "iso8859_16", "mac_cyrillic", "mac_latin2",
]
MAX_CONTROL_RATIO = 0.01  # tabs/newlines aside, real text has (almost) no control characters


def decode(data: bytes) -> str:
    """Decode text bytes; raise EmptyDocument or CorruptDocument with a one-line reason."""
    if not data.strip():
        raise EmptyDocument("the file is empty")
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec))
            except UnicodeDecodeError:
                raise CorruptDocument(f"starts with a {codec} byte-order mark but does not decode as {codec}") from None
    if _looks_utf16(data):
        try:
            return _checked(data.decode("utf-16-le" if data[1] == 0 else "utf-16-be"))
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        raise CorruptDocument("binary content (NUL bytes) in a text file")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _checked(_guess(data))


def _looks_utf16(data: bytes) -> bool:
    """BOM-less UTF-16 of European text: every other byte is NUL (Latin) or 0x04 (Cyrillic)."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return False
    odd, even = sample[1::2], sample[0::2]
    return odd.count(0) > 0.4 * len(odd) or even.count(0) > 0.4 * len(even)


def _guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=EUROPEAN_CODEPAGES).best()
    if best is None:
        raise CorruptDocument("not decodable as text in any European encoding")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise CorruptDocument(f"does not decode as {best.encoding}") from None


def _checked(text: str) -> str:
    """Refuse text that is mostly control characters: binary junk that happened to decode."""
    sample = text[:65536]
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    if controls > MAX_CONTROL_RATIO * max(len(sample), 1) or "\x00" in sample:
        raise CorruptDocument("binary content (control characters) in a text file")
    if not text.strip():
        raise EmptyDocument("the file holds only whitespace")
    return text
