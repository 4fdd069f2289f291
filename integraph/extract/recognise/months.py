"""Month names per language, read from CLDR through babel, with a lemma fallback.

CLDR gives each month in a "format" form (the genitive in Slavic and Baltic
languages: "lutego", "února") and a "stand-alone" form (nominative: "luty",
"únor"), each wide and abbreviated.  Case forms CLDR lacks (Polish locative
"w styczniu", Czech "v lednu") are mapped back to the stand-alone name with
simplemma.  Tables are built lazily, once per language.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from babel.dates import get_month_names

from integraph.textutil import LEMMA_LANGS, lemma

# The 24 official EU languages plus Ukrainian and Russian.
LANGS = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv",
    "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv", "uk", "ru",
)

# Common spellings CLDR does not list (English "Sept", Greek genitives without accents are folded).
EXTRA = {"en": {"sept": 9}}

# Abbreviations shorter than this are too easily ordinary words ("mar", "maj" are fine; "ma" is not).
MIN_LEN = 3


def _strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@lru_cache(maxsize=64)
def _one_language(lang: str) -> dict[str, int]:
    table: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for number, name in get_month_names(width, context=context, locale=lang).items():
                key = name.lower().rstrip(".")
                if len(key) >= MIN_LEN:
                    table.setdefault(key, number)
    table.update(EXTRA.get(lang, {}))
    # Text typed without diacritics ("wrzesnia", "unora") still names the month.
    for key, number in list(table.items()):
        table.setdefault(_strip_accents(key), number)
    return table


@lru_cache(maxsize=64)
def month_table(lang: str | None) -> dict[str, int]:
    """Lower-cased month name → 1..12 for `lang` plus English (which documents mix in).

    Without a language, the union of all languages, minus names that mean
    different months in different languages (Croatian "listopad" is October,
    Polish and Czech "listopad" is November).
    """
    if lang in LANGS:
        table = dict(_one_language("en"))
        table.update(_one_language(lang))
        return table
    table, clash = {}, set()
    for code in LANGS:
        for key, number in _one_language(code).items():
            if table.setdefault(key, number) != number:
                clash.add(key)
    for key in clash:
        del table[key]
    return table


@lru_cache(maxsize=64)
def _stems(lang: str | None) -> frozenset[str]:
    return frozenset(key[:MIN_LEN] for key in month_table(lang))


def month_number(word: str, lang: str | None) -> int | None:
    """The month `word` names in `lang` (any inflected form simplemma knows), or None."""
    key = word.lower().rstrip(".")
    if len(key) < MIN_LEN:
        return None
    table = month_table(lang)
    number = table.get(key)
    # Only words that begin like a month are lemmatised ("styczniu" → "styczeń"): cheaper, and it
    # keeps the lemmatiser from turning an ordinary word into a month.
    if number is None and lang in LEMMA_LANGS and key[:MIN_LEN] in _stems(lang):
        number = table.get(lemma(key, lang))
    return number
