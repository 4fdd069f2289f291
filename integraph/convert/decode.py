"""Bytes of a text file → str, for any encoding a European publisher plausibly used.

Order: a BOM decides (UTF-8/16/32); else strict UTF-8 (which almost never
decodes non-UTF-8 text by accident); else charset-normalizer, restricted to the
code pages of European languages so that it cannot wander into CJK guesses.
Binary junk is refused before anything is guessed.
"""
from __future__ import annotations

import codecs
from collections import Counter
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
# The non-ASCII letters of each language we read.  A wrong code page shows up as letters no language
# uses (ŗ, ŧ, ђ…), symbols where letters belong (±, ¶, ¤), letters no *single* language uses together
# (Czech ů next to Polish ą) or case flipping inside words (KOI8-R read as cp1251).
CYRILLIC = "абвгдежзийклмнопрстуфхцчшщьюя"
ALPHABETS = {
    "bg": CYRILLIC + "ъ", "ru": CYRILLIC + "ъыэё", "uk": CYRILLIC + "іїєґ",
    "el": "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
    "pl": "ąćęłńóśźż", "cs": "áčďéěíňóřšťúůýž", "sk": "áäčďéíĺľňóôŕšťúýž", "hu": "áéíóöőúüű",
    "ro": "ăâîșțşţ", "de": "äöüß", "fr": "àâæçéèêëîïôœùûüÿ", "it": "àèéìíîòóùú", "es": "áéíñóúü",
    "pt": "àáâãçéêíóôõú", "nl": "éëïöüèáó", "da": "æøåé", "sv": "åäöé", "fi": "äöåšž", "et": "äöõüšž",
    "lv": "āčēģīķļņšūž", "lt": "ąčęėįšųūž", "sl": "čšžćđ", "hr": "čćđšž", "mt": "ċġħżàèìòù", "ga": "áéíóú",
}
EUROPEAN_LETTERS = set("".join(ALPHABETS.values()))
EUROPEAN_LETTERS |= {c.upper() for c in EUROPEAN_LETTERS}
COMMON_SYMBOLS = set("«»°§©®–—„“”‚‘’€•…·№×")
SAMPLE = 100_000  # bytes charset-normalizer sees
SCORE_CHARS = 20_000  # characters each candidate decoding is scored on


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
    utf16 = _utf16_order(data)
    if utf16:
        try:
            return _checked(data.decode(utf16))
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        raise CorruptDocument("binary content (NUL bytes) in a text file")
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _checked(_guess(data))


def _utf16_order(data: bytes) -> str | None:
    """BOM-less UTF-16 of European text: every other byte is a high byte ≤ 0x05 (Latin, Greek, Cyrillic)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    high_odd = sum(b <= 5 for b in sample[1::2])  # little-endian: high bytes at odd offsets
    high_even = sum(b <= 5 for b in sample[0::2])
    half = len(sample) // 2
    if high_odd > 0.9 * half and high_even < 0.5 * half:
        return "utf-16-le"
    if high_even > 0.9 * half and high_odd < 0.5 * half:
        return "utf-16-be"
    return None


def _guess(data: bytes) -> str:
    """The European code page under which `data` reads most like text; charset-normalizer breaks ties."""
    from charset_normalizer import from_bytes

    sample = data[:SAMPLE]
    ranked = [m.encoding for m in from_bytes(sample, cp_isolation=EUROPEAN_CODEPAGES)]
    order = ranked + [c for c in EUROPEAN_CODEPAGES if c not in ranked]
    best: tuple[int, int, str] | None = None
    for rank, codec in enumerate(order):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            try:  # the sample may end inside a character
                text = sample[:-4].decode(codec)
            except UnicodeDecodeError:
                continue
        candidate = (implausibility(text[:SCORE_CHARS]), rank, codec)
        best = min(best, candidate) if best else candidate
    if best is None:
        raise CorruptDocument("not decodable as text in any European encoding")
    try:
        return data.decode(best[2])
    except UnicodeDecodeError:
        raise CorruptDocument(f"does not decode as {best[2]}") from None


def implausibility(text: str) -> int:
    """How unlike European text a decoding looks (lower is better)."""
    score = 0
    prev = ""
    letters: Counter[str] = Counter()
    for c in text:
        if ord(c) > 127 and not c.isspace():
            if c in EUROPEAN_LETTERS:
                letters[c.lower()] += 1
            elif c not in COMMON_SYMBOLS:
                score += 3
        if c.isupper() and prev.islower():
            score += 1
        prev = c
    # letters that the best-fitting single language does not have
    score += 2 * min(sum(n for c, n in letters.items() if c not in alphabet) for alphabet in ALPHABETS.values())
    return score


def _checked(text: str) -> str:
    """Refuse text that is mostly control characters: binary junk that happened to decode."""
    sample = text[:65536]
    controls = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\t\n\r\f")
    if controls > MAX_CONTROL_RATIO * max(len(sample), 1) or "\x00" in sample:
        raise CorruptDocument("binary content (control characters) in a text file")
    if not text.strip():
        raise EmptyDocument("the file holds only whitespace")
    return text
