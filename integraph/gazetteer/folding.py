"""A fast textutil.fold() for names and single words.

textutil.fold() walks the string a character at a time; the gazetteers fold every word
of every text and ~330,000 city aliases, so they use this regex version instead.
tests/gazetteer/test_phrases.py checks with hypothesis that both agree on Latin, Greek
and Cyrillic text; each table uses the same function on its build and lookup side.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from integraph.textutil import DASHES, QUOTES

_SPACE = re.compile(r"[^\w\s\u0300-\u036f-]|_")  # keep combining marks for NFD below
_BAD_HYPHEN = re.compile(r"(?<!\w)-|-(?!\w)")
_MARKS = re.compile(r"[\u0300-\u036f]")


def quick_fold(text: str) -> str:
    """textutil.fold() for names, ~10x faster (regexes instead of a loop per character).

    Agrees with fold() on Latin, Greek and Cyrillic names (tests/gazetteer check it
    with hypothesis); the city table uses it on both sides, build and lookup."""
    if text.isascii():  # most aliases: NFKC and accent stripping change nothing
        return " ".join(_BAD_HYPHEN.sub(" ", _SPACE.sub(" ", text.lower())).split())
    t = unicodedata.normalize("NFKC", text).casefold().translate(QUOTES).translate(DASHES)
    t = _BAD_HYPHEN.sub(" ", _SPACE.sub(" ", t))
    t = _MARKS.sub("", unicodedata.normalize("NFD", t))
    return " ".join(unicodedata.normalize("NFC", t).split())


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """quick_fold() of one word, cached: words repeat a lot in running text."""
    return quick_fold(word)
