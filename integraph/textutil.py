"""Text helpers every stage shares: normalisation, folding, tokens, lemmas.

`normalise` follows the gold format's rule (../shared/gold/FORMAT.md §1) so
that what we compare internally is what the evaluation compares.
"""
from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

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
    try:
        return _lemmatizer().lemmatize(low, lang=lang).lower()
    except ValueError:
        return low


@lru_cache(maxsize=1)
def _lemmatizer() -> Any:
    """simplemma over MARISA tries cached on disk: a language costs a few MB and milliseconds
    instead of hundreds of MB and seconds (Polish: 594 MB and 22 s as dicts, 49 MB and 0.02 s as
    a cached trie, measured by bench/lemmas.py). The tries are built once per machine
    (`integraph prepare`, or on first use); without marisa-trie the plain dicts are used."""
    import simplemma
    from simplemma.strategies import DefaultStrategy

    try:
        from simplemma.strategies.dictionaries.trie_dictionary_factory import TrieDictionaryFactory

        factory = TrieDictionaryFactory(cache_max_size=len(LEMMA_LANGS), disk_cache_dir=str(lemma_cache_dir()))
    except ImportError:
        from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

        factory = DefaultDictionaryFactory(cache_max_size=4)
    return simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))


def lemma_cache_dir() -> Path:
    """Where the lemma tries live: beside the gazetteer tables ($INTEGRAPH_CACHE or ~/.cache/integraph)."""
    base = Path(os.environ.get("INTEGRAPH_CACHE") or Path.home() / ".cache" / "integraph")
    path = base / "simplemma-tries"
    path.mkdir(parents=True, exist_ok=True)
    return path


def prepare_lemmas(lang: str) -> None:
    """Build (or load) the cached trie of one language; run in a child process to bound memory."""
    lemma.cache_clear()
    lemma("test", lang)


def lemmatise(text: str, lang: str | None) -> str:
    """Every word of `text` in dictionary form, joined by spaces."""
    return " ".join(lemma(w, lang) for _, _, w in tokens(text))
