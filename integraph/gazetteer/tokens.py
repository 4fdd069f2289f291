"""Tokens of a text as every gazetteer reads them: split and folded once per text.

`tokenise(text)` returns a `Tokens` tuple of `Tok(start, end, raw, folded)`; the same
object goes to funds, countries, cities, international bodies and status cues, and
carries what they all derive from it (columns of raw forms, folded keys, offsets, first
letters and capitals, which the indexes test in C-level maps).  `_gap_ok` says whether two tokens may be words of one name.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import is_, itemgetter
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
    status cues, so a text is split and folded once; the columns every index reads (raw
    forms, keys, first letters, capitals) are built once here too."""

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

    def starts(self) -> list[int]:
        """The start offset of every token, in order (for bisect)."""
        return self._memo("_starts", lambda: [t.start for t in self])

    def ends(self) -> list[int]:
        """The end offset of every token, in order."""
        return self._memo("_ends", lambda: [t.end for t in self])

    def prefixes(self) -> list[str]:
        """The first PREFIX letters of every folded key, in order."""
        return self._memo("_prefixes", lambda: list(map(itemgetter(slice(None, PREFIX)), self.keys())))

    @property
    def keyed(self) -> bool:
        """Whether every key is token_key() of its raw form (tokenise's tokens, not hand-made ones)."""
        return self.__dict__.get("_keyed", False)

    def key_positions(self) -> dict[str, list[int]]:
        """Each distinct folded key → the indexes of its tokens, in order: the indexes ask it of a
        text's few hundred distinct words instead of testing each of its tokens."""
        return self._memo("_key_positions", self._positions_by_key)

    def _positions_by_key(self) -> dict[str, list[int]]:
        where: dict[str, list[int]] = {}
        for k, key in enumerate(self.keys()):
            at = where.get(key)
            if at is None:
                where[key] = [k]
            else:
                at.append(k)
        return where

    def distinct_keys(self) -> tuple[list[str], list[str]]:
        """The distinct keys (in key_positions()' order) and the first PREFIX letters of each."""
        def build() -> tuple[list[str], list[str]]:
            words = list(dict.fromkeys(self.keys()))  # in C; the same order as key_positions()
            return words, list(map(itemgetter(slice(None, PREFIX)), words))
        return self._memo("_distinct_keys", build)

    def upper_first(self) -> list[bool]:
        """Whether every token begins with a capital, in order."""
        return self._memo("_upper_first", lambda: list(map(str.isupper, map(itemgetter(0), self.raws()))))


# TOKEN as the one group of a split pattern: re.split then hands back gap, token, gap, token, …, gap,
# and every offset follows from the lengths alone, so no Python code runs per token to find them
# Written with possessive repeats (TOKEN never gives back what a repeat took: whatever follows can
# match empty), which spares re its backtracking bookkeeping: the same tokens, ~10 % less time.
_SPLIT = re.compile(r"(\w++(?:[-'’]\w++)*+\+?)", re.UNICODE)
_new_tok = tuple.__new__  # Tok._make without its Python frame: tuple.__new__(Tok, fields) builds the same Tok


def _split(text: str) -> Tokens:
    # column by column: a long report has tens of thousands of tokens, and building the columns
    # with C-level calls first (split, accumulate, slices), then the tuples in one map, keeps this cheap
    parts = _SPLIT.split(text)
    offsets = list(accumulate(map(len, parts), initial=0))  # offsets[k]: where parts[k] starts
    raws = parts[1::2]
    starts = offsets[1:-1:2]  # the last offset is the end of the text
    ends = offsets[2::2]
    if "'" in text or "’" in text:  # the elision regex only for tokens that can hold one
        _split_elisions(raws, starts, ends)
    keys = _keys_of(raws)
    toks = Tokens(map(_new_tok, repeat(Tok), zip(starts, ends, raws, keys)))
    toks.__dict__.update(_raws=raws, _keys=keys, _keyed=True)  # columns Tokens would build
    if len(text) > SHORT_TEXT:  # a document's text (the thousands of cached names need no offsets)
        toks.__dict__.update(_starts=starts, _ends=ends)
    return toks


_KEY_OF: dict[str, str] = {}  # raw token → token_key(raw): a plain dict is read in C by map, no call per token
KEY_MEMO = 200_000  # distinct tokens remembered before the table starts afresh


def _keys_of(raws: list[str]) -> list[str]:
    """token_key() of every raw token, in order; only the tokens not seen before are folded."""
    keys = list(map(_KEY_OF.get, raws))
    if None in keys:  # words new to this process (a str never equals None, so this only finds misses)
        if len(_KEY_OF) > KEY_MEMO:
            _KEY_OF.clear()
        for k in compress(range(len(keys)), map(is_, keys, repeat(None))):
            keys[k] = _KEY_OF[raws[k]] = token_key(raws[k])
    return keys


def _split_elisions(raws: list[str], starts: list[int], ends: list[int]) -> None:
    """Split "l'OCDE" into "l" and "OCDE", in the three columns in place."""
    found = [k for k, raw in enumerate(raws) if ("'" in raw or "’" in raw) and ELISION.match(raw)]
    if not found:
        return
    new_raws: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    done = 0
    for k in found:  # one pass over the columns, copying the runs between elisions as slices
        new_raws += raws[done:k]
        new_starts += starts[done:k]
        new_ends += ends[done:k]
        raw, start = raws[k], starts[k]
        e = ELISION.match(raw)
        assert e is not None
        head = e.group(1)
        new_raws += (head, raw[e.end():])
        new_starts += (start, start + e.end())
        new_ends += (start + len(head), ends[k])
        done = k + 1
    raws[:] = new_raws + raws[done:]
    starts[:] = new_starts + starts[done:]
    ends[:] = new_ends + ends[done:]


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
