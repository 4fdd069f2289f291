"""Text helpers every stage shares: normalisation, folding, tokens, lemmas.

`normalise` follows the gold format's rule (../shared/gold/FORMAT.md §1) so
that what we compare internally is what the evaluation compares.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

QUOTES = dict.fromkeys(map(ord, "\"'«»„“”‚‘’‹›`´"), "'")
DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")
WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)

# simplemma knows these of our target languages; a language it lacks is left as is.
LEMMA_LANGS = {
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv",
    "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv", "ru", "uk",
}


# Punctuation and symbols (Unicode P* and S*) become spaces, except a hyphen between two
# letters or digits; combining marks stay, as the format's rule keeps them.
_PUNCT = {i: " " for i in range(0x10000) if unicodedata.category(chr(i))[0] in "PS" and chr(i) != "-"}
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_DROP = re.compile(r"(?<![^\W_])-|-(?![^\W_])")


@lru_cache(maxsize=200_000)
def normalise(text: str) -> str:
    """NFKC, case-folded, quotes and dashes unified, other punctuation dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(QUOTES).translate(DASHES)
    text = text.translate(_PUNCT)
    if _ASTRAL.search(text):  # emoji and other symbols beyond the Basic Multilingual Plane
        text = "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in text)
    return " ".join(_DROP.sub(" ", text).split())


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """normalise() and strip diacritics: 'Linköping' → 'linkoping'. Cyrillic letters survive."""
    decomposed = unicodedata.normalize("NFD", normalise(text))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens with their offsets."""
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str | None) -> str:
    """The dictionary form of one word in `lang`, lower-cased; the word itself if unknown."""
    low = word.lower()
    if not lang or lang not in LEMMA_LANGS:
        return low
    import simplemma  # imported late: its dictionaries load per language on first use

    try:
        return simplemma.lemmatize(low, lang=lang).lower()
    except ValueError:
        return low


def lemmatise(text: str, lang: str | None) -> str:
    """Every word of `text` in dictionary form, joined by spaces."""
    return " ".join(lemma(w, lang) for _, _, w in tokens(text))
