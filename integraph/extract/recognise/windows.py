"""Run a regex only near its anchors: the speed trick every recogniser shares.

Most of a document is prose without digits, "@" or domain endings; a pattern
that starts with a word alternation (month names, labels, currencies) would
otherwise be tried at every character.  `spans` merges the neighbourhoods of
an anchor (digit runs, "@", ".bg") and `finditer` searches those only.  The
string is never sliced, so look-behinds still see the text before a window;
windows are wide enough that no match is cut at an edge.

A pattern that can only *begin* where a digit run begins (its first item is a
digit after a look-behind that refuses a word character before it) need not
be searched for at all: `at_digits` tries it once at each digit run's start,
with the same window end `finditer` would give it, so it finds exactly what
`finditer` finds, at a fraction of the cost.
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
def digit_runs(text: str) -> tuple[tuple[int, int], ...]:
    """[start, end) of every run of digits; cached because every recogniser asks for the same text."""
    return tuple(m.span() for m in DIGITS.finditer(text))


@lru_cache(maxsize=8)
def digit_spans(text: str, before: int, after: int) -> tuple[tuple[int, int], ...]:
    """Neighbourhoods of digit runs; cached because several recognisers ask for the same text."""
    out: list[tuple[int, int]] = []
    n = len(text)
    for a, b in digit_runs(text):  # the same merging as spans(text, DIGITS, before, after)
        s, e = max(0, a - before), min(n, b + after)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return tuple(out)


def finditer(pattern: re.Pattern[str], text: str, windows) -> Iterator[re.Match[str]]:
    for s, e in windows:
        yield from pattern.finditer(text, s, e)


@lru_cache(maxsize=8)  # a few uses per document: the text being read, as digit_spans
def _digit_anchors(text: str, before: int, after: int, shift: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    """(position, end of its window) for every run start minus each `shift`, in text order."""
    windows = digit_spans(text, before, after)
    out: list[tuple[int, int]] = []
    w = 0
    for p in sorted({a - k for a, _ in digit_runs(text) for k in shift if a - k >= 0}):
        while windows[w][1] <= p:  # the window holding p: its end is where finditer's search stops
            w += 1
        out.append((p, windows[w][1]))
    return tuple(out)


def at_digits(pattern: re.Pattern[str], text: str, before: int, after: int, shift: tuple[int, ...] = (0,)
              ) -> Iterator[re.Match[str]]:
    """`finditer(pattern, text, digit_spans(text, before, after))` for a pattern whose matches can only
    start `shift` characters before the start of a digit run (0: on the run's first digit; 2: on the
    two letters of "PL63…"), with every shift ≤ `before`.  The caller vouches for that shape;
    tests/extract/recognise/test_windows.py checks each use against finditer."""
    done = 0  # finditer never starts a match inside the one before it
    for p, end in _digit_anchors(text, before, after, shift):
        if p >= done:
            m = pattern.match(text, p, end)
            if m is not None:
                done = m.end()
                yield m
