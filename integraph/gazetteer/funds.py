"""Funding programmes (EU funds, national operational programmes, grants) from data/gazetteer/funds.json.

Each entry: key, level (eu | national | regional | international | private), country (ISO
alpha-2 for national/regional ones), names {lang: [...]}, acronyms [...] (matched
case-sensitively as whole tokens in any language), acronyms_by_lang {lang: [...]}
(only valid in that language: Estonian "ERF" is the ERDF, English "ERF" the
Refugee Fund), parent (a national AMIF programme points to "eu-amif").
`level: international` is used for donor-state grants (EEA and Norway Grants, Swiss
contribution) that are neither EU nor national money of the recipient country.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from integraph.extract.recognise import Match
from integraph.gazetteer import load_data
from integraph.gazetteer.phrases import Entry, PhraseIndex

KIND = "fund"


@lru_cache(maxsize=1)
def entries() -> dict[str, dict[str, Any]]:
    """Every fund by key."""
    return {f["key"]: f for f in load_data("gazetteer/funds.json")["funds"]}


@lru_cache(maxsize=1)
def _index() -> PhraseIndex:
    """The index as phrasecache keeps it (built once per machine, every language's tries ready)."""
    from integraph.gazetteer import phrasecache

    return phrasecache.indexes()["funds"]


def build_index() -> PhraseIndex:
    index = PhraseIndex(KIND)
    for key, f in entries().items():
        for lang, names in f.get("names", {}).items():
            for name in names:
                index.add_name(name, Entry(key, name, lang))
        for acronym in f.get("acronyms", []):
            index.add_acronym(acronym, Entry(key, acronym, None))
        for lang, acronyms in f.get("acronyms_by_lang", {}).items():
            for acronym in acronyms:
                index.add_acronym(acronym, Entry(key, acronym, lang, scoped=True))
    return index


def find(text: str, lang: str | None) -> list[Match]:
    """Mentions of funds in `text`; Match.value is the fund key, extra has name/via/lang."""
    return _index().find(text, lang)


def get(key: str) -> dict[str, Any] | None:
    """The fund's record (key, level, country, names, acronyms, parent), or None."""
    return entries().get(key)


def name(key: str, lang: str | None = "en") -> str | None:
    """The fund's first name in `lang`, falling back to English, then any language."""
    f = entries().get(key)
    if not f:
        return None
    names = f.get("names", {})
    for candidate in (lang, "en", *names):
        if candidate in names and names[candidate]:
            return names[candidate][0]
    return (f.get("acronyms") or [key])[0]
