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
# Irish: CLDR gives the nominative; after "mí" (month) the name stands in the genitive ("mí Aibreáin",
# "mí an Mheithimh", "mí na Samhna", "mí na Nollag").
EXTRA = {"en": {"sept": 9}, "ga": {"aibreáin": 4, "meithimh": 6, "samhna": 11, "nollag": 12}}

# Abbreviations shorter than this are too easily ordinary words ("mar", "maj" are fine; "ma" is not).
MIN_LEN = 3


def _strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


# Irish initial mutations, a rule of the language: after some words the first consonant is lenited
# ("ó Mheán Fómhair", "i mí an Mhárta": an "h" after it) or eclipsed ("i bhFeabhra", "ár dTionscadail": a
# consonant before it), and a vowel takes an "h" or "n" ("go hAibreán", "i nEanáir"), an "s" a "t" ("an
# tSamhain").  Only the first word of a name mutates.
LENITES = frozenset("bcdfgmpst")
ECLIPSES = {"b": "m", "c": "g", "d": "n", "f": "bh", "g": "n", "p": "b", "t": "d"}
VOWELS = frozenset("aeiouáéíóú")


def irish_mutations(name: str) -> list[str]:
    """The mutated forms of a lower-case Irish word or name (its first word mutates)."""
    first = name[:1]
    if first in VOWELS:
        return ["h" + name, "n" + name, "t" + name]
    forms = []
    if first in LENITES and name[1:2] != "h":
        forms.append(first + "h" + name[1:])
    if first in ECLIPSES:
        forms.append(ECLIPSES[first] + name)
    if first == "s":
        forms.append("t" + name)
    return forms


MUTATIONS = {"ga": irish_mutations}


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
    mutate = MUTATIONS.get(lang)
    if mutate:
        for key, number in list(table.items()):
            for form in mutate(key):
                table.setdefault(form, number)
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


@lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """Lower-case first words of the month names of two words in any language (Irish "Meán Fómhair",
    "Deireadh Fómhair", and their mutated and unaccented forms)."""
    words = {key.split()[0] for code in LANGS for key in _one_language(code) if " " in key}
    # not the forms typed without accents when they differ ("mean" is an English word)
    return frozenset(words - {_strip_accents(w) for w in words if _strip_accents(w) != w})


@lru_cache(maxsize=1)
def last_words() -> frozenset[str]:
    """Lower-case last words of the month names of two words ("fómhair", "fomhair")."""
    return frozenset(key.split()[-1] for code in LANGS for key in _one_language(code) if " " in key)


def month_number(word: str, lang: str | None) -> int | None:
    """The month `word` names in `lang` (any inflected form simplemma knows), or None.  `word` may be
    a name of two words ("Meán Fómhair") with any white space between them."""
    key = " ".join(word.lower().split()).rstrip(".")
    if len(key) < MIN_LEN:
        return None
    table = month_table(lang)
    number = table.get(key)
    # Only words that begin like a month are lemmatised ("styczniu" → "styczeń"): cheaper, and it
    # keeps the lemmatiser from turning an ordinary word into a month.
    if number is None and lang in LEMMA_LANGS and key[:MIN_LEN] in _stems(lang):
        number = table.get(lemma(key, lang))
    return number
