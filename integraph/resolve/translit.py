"""Transliteration to Latin so names written in two scripts can meet.

Bulgarian uses the official Streamlined System (the law on transliteration,
2009): щ→sht, ъ→a, ц→ts, and word-final -ия→ia ("София" → "Sofia").
Generic converters get Bulgarian wrong (anyascii: щ→shch, ъ→'), so it has
its own table; every other script (Russian, Ukrainian, Greek, Serbian…) goes
through anyascii.  Transliteration only: translation needs a lexicon.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

BG_STREAMLINED: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht",
    "ъ": "a", "ь": "y", "ю": "yu", "я": "ya",
}
_BG_FINAL_IA = re.compile(r"ия\b")
# Greek digraphs the ELOT 743 standard writes as one sound; anyascii goes letter by letter (ου → oy).
GREEK_DIGRAPHS = {"ου": "ou", "αυ": "av", "ευ": "ev", "ηυ": "iv", "γγ": "ng", "γκ": "gk"}
_GREEK_DIGRAPH = re.compile("|".join(GREEK_DIGRAPHS))
_NON_LATIN = re.compile(r"[^\x00-\u024f]")


def bulgarian_to_latin(text: str) -> str:
    """Lower-case Streamlined-System transliteration of Bulgarian text."""
    low = _BG_FINAL_IA.sub("ia", text.lower())
    return "".join(BG_STREAMLINED.get(ch, ch) for ch in low)


@lru_cache(maxsize=200_000)
def to_latin(text: str, lang: str | None) -> str:
    """`text` in Latin letters, lower-cased; Latin text comes back lower-cased unchanged."""
    if not _NON_LATIN.search(text):
        return text.lower()
    if lang == "bg" or (lang is None and _looks_bulgarian(text)):
        text = bulgarian_to_latin(text)
        if not _NON_LATIN.search(text):
            return text
    low = unicodedata.normalize("NFD", text.lower())
    low = unicodedata.normalize("NFC", "".join(ch for ch in low if not unicodedata.combining(ch)))
    return anyascii(_GREEK_DIGRAPH.sub(lambda m: GREEK_DIGRAPHS[m.group()], low)).lower()


def _looks_bulgarian(text: str) -> bool:
    # ъ inside a word and the absence of ы/э/ё/і/ї/є are the cheap tell of Bulgarian.
    low = text.lower()
    return "ъ" in low and not any(ch in low for ch in "ыэёіїє")
