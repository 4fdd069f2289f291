"""Run a regex only near its anchors: the speed trick every recogniser shares.

Most of a document is prose without digits, "@" or domain endings; a pattern
that starts with a word alternation (month names, labels, currencies) would
otherwise be tried at every character.  `spans` merges the neighbourhoods of
an anchor (digit runs, "@", ".bg") and `finditer` searches those only.  The
string is never sliced, so look-behinds still see the text before a window;
windows are wide enough that no match is cut at an edge.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

DIGITS = re.compile(r"\d+")


def spans(text: str, anchor: re.Pattern[str], before: int, after: int) -> list[tuple[int, int]]:
    """Merged [start, end) neighbourhoods of every `anchor` match."""
    out: list[tuple[int, int]] = []
    n = len(text)
    for m in anchor.finditer(text):
        s, e = max(0, m.start() - before), min(n, m.end() + after)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


@lru_cache(maxsize=8)
def digit_spans(text: str, before: int, after: int) -> tuple[tuple[int, int], ...]:
    """Neighbourhoods of digit runs; cached because several recognisers ask for the same text."""
    return tuple(spans(text, DIGITS, before, after))


def finditer(pattern: re.Pattern[str], text: str, windows) -> Iterator[re.Match[str]]:
    for s, e in windows:
        yield from pattern.finditer(text, s, e)
