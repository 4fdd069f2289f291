"""Interval look-ups in logarithmic time, so extraction stays linear in document length.

A long report holds thousands of mentions, places and projects; asking "does any of them
overlap (or contain) this span?" by scanning them all made extraction quadratic
(`bench/long_document.py` measures it).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from itertools import accumulate
from typing import Iterable


class Spans:
    """A fixed set of spans (they may nest or overlap): overlap and containment queries."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        # the furthest end among the first k spans: with it one bisection answers "any?"
        self._reach = list(accumulate((b for _, b in ordered), max))

    def overlaps(self, a: int, b: int) -> bool:
        """Some span shares a character with [a, b)."""
        k = bisect_left(self._starts, b)
        return k > 0 and self._reach[k - 1] > a

    def contains(self, a: int, b: int) -> bool:
        """Some span holds all of [a, b)."""
        k = bisect_right(self._starts, a)
        return k > 0 and self._reach[k - 1] >= b


class DisjointSpans:
    """Spans that never overlap, added one by one (greedy selection of non-overlapping matches)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: dict[int, int] = {}

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect_left(self._starts, b)  # the spans starting before b: only the last can reach a
        return k > 0 and self._ends[self._starts[k - 1]] > a

    def add(self, a: int, b: int) -> None:
        insort(self._starts, a)
        self._ends[a] = b

    def remove(self, a: int) -> None:
        """Drop the span that starts at a."""
        del self._starts[bisect_left(self._starts, a)]
        del self._ends[a]


def starting_in(starts: list[int], a: int, b: int) -> range:
    """Indexes of the sorted `starts` that lie in [a, b)."""
    return range(bisect_left(starts, a), bisect_left(starts, b))
