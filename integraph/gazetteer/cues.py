"""Cue lexicons for the extraction engine (data/lexicon/cues.json).

Lists: project_words, cooperation, field_labels.<field> (partners, lead, funder, period,
amount, grant_id, person_role, place, outputs, website), status_completed,
status_ongoing, status_planned. Every entry is a lower-case surface form as found in
text, not a lemma: verbs are listed in the tenses reports use, because lemmatising
would merge "zakończył się" (completed) with "zakończy się" (planned).
"""
from __future__ import annotations

from functools import lru_cache

from integraph.errors import UsageError
from integraph.extract.recognise import Match
from integraph.gazetteer import load_data
from integraph.gazetteer.phrases import Entry, PhraseIndex

STATUSES = ("completed", "ongoing", "planned")


def _table(name: str) -> dict[str, list[str]]:
    data = load_data("lexicon/cues.json")
    if name.startswith("field_labels."):
        table = data["field_labels"].get(name.split(".", 1)[1])
    elif name in data and name != "about" and name != "field_labels":
        table = data[name]
    else:
        table = data["field_labels"].get(name)  # a bare field name: "partners", "funder"…
    if table is None:
        raise UsageError(f"no cue list named {name!r}; known: {', '.join(names())}")
    return table


def names() -> list[str]:
    """Every cue list name accepted by cues()."""
    data = load_data("lexicon/cues.json")
    plain = [k for k in data if k not in ("about", "field_labels")]
    return plain + [f"field_labels.{f}" for f in data["field_labels"]]


def cues(name: str, lang: str | None) -> list[str]:
    """The cue list `name` for `lang` (empty when the language has none), or all languages' when None.

    `name` is a list name ("project_words", "status_ongoing"), "field_labels.<field>" or a bare
    field name ("partners")."""
    table = _table(name)
    if lang is not None:
        return list(table.get(lang, []))
    out: list[str] = []
    seen: set[str] = set()
    for items in table.values():
        for item in items:
            if item not in seen:
                seen.add(item)
                out.append(item)
    return out


def field_labels(lang: str | None) -> dict[str, list[str]]:
    """field → label cues for `lang` (all languages when None).  A fresh dict of fresh lists each
    call, so a caller may change it; the lexicon is read once per language."""
    return {f: list(words) for f, words in _field_labels(lang)}


@lru_cache(maxsize=64)
def _field_labels(lang: str | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((f, tuple(cues(f"field_labels.{f}", lang))) for f in load_data("lexicon/cues.json")["field_labels"])


@lru_cache(maxsize=None)
def phrase_index(name: str) -> PhraseIndex:
    """A surface-only PhraseIndex of one cue list; each entry is scoped to its language."""
    index = PhraseIndex(name, use_lemma=False)
    for lang, items in _table(name).items():
        for item in items:
            index.add_name(item, Entry(name, item, lang, scoped=True))
    return index


def find(name: str, text: str, lang: str | None) -> list[Match]:
    """Occurrences of the cue list `name` in `text` (whole words, case-insensitive)."""
    return phrase_index(name).find(text, lang)


@lru_cache(maxsize=1)
def _status_index() -> PhraseIndex:
    """The index as phrasecache keeps it (built once per machine, every language's tries ready)."""
    from integraph.gazetteer import phrasecache

    return phrasecache.indexes()["status"]


def build_status_index() -> PhraseIndex:
    index = PhraseIndex("status", use_lemma=False)
    for status in STATUSES:
        for lang, items in _table(f"status_{status}").items():
            for item in items:
                index.add_name(item, Entry(status, item, lang, scoped=True))
    return index


def match_status(text: str, lang: str | None) -> list[Match]:
    """Status cues in `text`; Match.value is "completed", "ongoing" or "planned", extra['name'] the cue.

    With `lang` only that language's cues are used; without, every language's."""
    return _status_index().find(text, lang)
