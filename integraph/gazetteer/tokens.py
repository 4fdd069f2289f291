"""Tokens of a text as every gazetteer reads them: split and folded once per text.

`tokenise(text)` returns a `Tokens` tuple of `Tok(start, end, raw, folded)`; the same
object goes to funds, countries, cities, international bodies and status cues, and
carries what they all derive from it (raw and folded columns, positions by word,
words by first letters).  `_gap_ok` says whether two tokens may be words of one name.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, NamedTuple

from integraph.gazetteer.folding import fold_word

# Like textutil.WORD but keeps a trailing "+" ("ESF+", "Erasmus+", "OP Z+") and dotted
# initialisms stay separate tokens (the gap rule lets "ds." through).
TOKEN = re.compile(r"\w+(?:[-'’]\w+)*\+?", re.UNICODE)
GAP = re.compile(r"[ \t\r\n\u00a0,;:.\-–—/&()\[\]\"'«»„“”‚‘’‹›]{0,6}")
GAP_CHARS = frozenset(" \t\r\n\u00a0,;:.-–—/&()[]\"'«»„“”‚‘’‹›")  # GAP's class (tests/gazetteer check it)
PREFIX = 3  # letters of a token that must match an indexed token before we lemmatise it


class Tok(NamedTuple):
    # a NamedTuple, not a dataclass: a long report has tens of thousands of tokens and a
    # tuple is built several times faster than a frozen dataclass instance
    start: int
    end: int
    raw: str
    folded: str


@lru_cache(maxsize=100_000)
def token_key(raw: str) -> str:
    """The folded form of one token, keeping a trailing '+' that fold() would drop."""
    plus = raw.endswith("+")
    return fold_word(raw.rstrip("+")) + ("+" if plus else "")


# French/Italian/Catalan elided articles and prepositions become tokens of their own, so that
# "l'OCDE" shows the acronym and "dell'Unione" the name; both sides are split alike.
ELISION = re.compile(r"(?i)^(l|d|j|m|n|s|t|c|qu|dell|nell|all|dall|sull|coll|un|quell|quest)['’](?=\w)")


class Tokens(tuple):
    """The tokens of one text, shared by every gazetteer that reads it.

    `tokenise` hands the same object to funds, countries, cities, international bodies and
    status cues, so a text is split and folded once; facts every index asks about the
    whole text (which first letters occur) are computed once here too."""

    def _memo(self, key: str, build: Callable[[], Any]) -> Any:
        memo = self.__dict__  # a tuple subclass keeps a __dict__: room for what is derived once
        found = memo.get(key)
        if found is None:
            found = memo[key] = build()
        return found

    def raws(self) -> list[str]:
        return self._memo("_raws", lambda: [t.raw for t in self])

    def keys(self) -> list[str]:
        """The folded key of every token, in order."""
        return self._memo("_keys", lambda: [t.folded for t in self])

    def positions(self, folded: bool) -> dict[str, list[int]]:
        """Token positions by folded key (or by raw form): an index asks which of its first words
        occur by intersecting its trie's keys with these, not by looking up every token."""

        def build() -> dict[str, list[int]]:
            out: dict[str, list[int]] = {}
            for k, key in enumerate(self.keys() if folded else self.raws()):
                out.setdefault(key, []).append(k)
            return out

        return self._memo("_by_key" if folded else "_by_raw", build)

    def heads(self) -> dict[str, list[str]]:
        """The distinct folded keys by their first PREFIX letters."""

        def build() -> dict[str, list[str]]:
            out: dict[str, list[str]] = {}
            for key in self.positions(True):
                out.setdefault(key[:PREFIX], []).append(key)
            return out

        return self._memo("_heads", build)


def _split(text: str) -> Tokens:
    # column by column: a long report has tens of thousands of tokens, and building the columns
    # first, then the tuples in one map, is what keeps this cheap
    starts: list[int] = []
    ends: list[int] = []
    raws: list[str] = []
    for m in TOKEN.finditer(text):
        raw, start = m.group(), m.start()
        if "'" in raw or "’" in raw:  # the elision regex only for tokens that can hold one
            e = ELISION.match(raw)
            if e:
                head = e.group(1)
                starts.append(start)
                ends.append(start + len(head))
                raws.append(head)
                raw, start = raw[e.end():], start + e.end()
        starts.append(start)
        ends.append(start + len(raw))
        raws.append(raw)
    keys = list(map(token_key, raws))
    toks = Tokens(map(Tok._make, zip(starts, ends, raws, keys)))
    toks.__dict__.update(_raws=raws, _keys=keys)  # the columns Tokens.raws() and keys() would build
    return toks


SHORT_TEXT = 256  # names and lines: cached by value; longer texts by the last few seen
_split_short = lru_cache(maxsize=4096)(_split)  # mostly names while indexes are built
_recent: list[tuple[str, Tokens]] = []  # a document's text, asked for by one gazetteer after another
RECENT = 2  # a long document's tokens can weigh tens of MB: keep only the text being read


def tokenise(text: str) -> Tokens:
    """The tokens of `text` (an immutable sequence of Tok); the same text is split only once."""
    if len(text) <= SHORT_TEXT:
        return _split_short(text)
    for seen, toks in _recent:
        if seen is text or seen == text:
            return toks
    toks = _split(text)
    _recent.insert(0, (text, toks))
    del _recent[RECENT:]
    return toks


def _gap_ok(text: str, a: int, b: int) -> bool:
    if b - a <= 1:  # most gaps: nothing or one space (one character never holds a paragraph break)
        return b <= a or text[a] in GAP_CHARS
    gap = text[a:b]
    return GAP.fullmatch(gap) is not None and "\n\n" not in gap.replace("\r", "")
