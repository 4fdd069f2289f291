"""Latin spellings of names written in Cyrillic or Greek, so a Latin query finds them.

Bulgarian follows the official Streamlined System (the law on transliteration,
2009): ъ → a, щ → sht, -ия at a word's end → ia ("София" → "Sofia").  It is
the form Bulgarian organisations use for their own names abroad, which is why
it beats generic tables (bake-off §11).  Any other non-Latin script goes
through anyascii.
"""
from __future__ import annotations

import re

from anyascii import anyascii

BG = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "й": "y",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya",
}
_FINAL_IA = re.compile(r"ия\b", re.IGNORECASE)
_NON_LATIN = re.compile(r"[^\x00-\u024f]")


def _bulgarian(text: str) -> str:
    text = _FINAL_IA.sub(lambda m: "ia" if m.group().islower() else "Ia", text)
    out = []
    for ch in text:
        low = ch.lower()
        if low in BG:
            latin = BG[low]
            out.append(latin.capitalize() if ch != low else latin)
        else:
            out.append(ch)
    return "".join(out)


def to_latin(text: str, language: str | None = None) -> str:
    """`text` in Latin letters; Latin text comes back unchanged."""
    if not _NON_LATIN.search(text):
        return text
    if language in (None, "bg") and re.search("[а-ъюяь]", text, re.IGNORECASE) and not re.search("[ыэёії]", text, re.IGNORECASE):
        text = _bulgarian(text)
    # anyascii handles what remains (Greek, Russian or Ukrainian letters, symbols).
    return anyascii(text)
