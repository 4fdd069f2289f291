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
from itertools import compress, repeat
from typing import Iterable, Iterator

DIGITS = re.compile(r"\d\d*")  # \d+, opening on a class so that `re` skips straight to a digit instead of trying every position


def spans(text: str, anchor: re.Pattern[str], before: int, after: int, lead: int = 0) -> list[tuple[int, int]]:
    """Merged [start, end) neighbourhoods of every `anchor` match.

    `lead`: the anchor's matches begin that many characters after the anchor as the caller means it
    (a pattern that opens on the "." of "x.eu" and checks the "x" behind it, so that `re` skips to
    dots): a neighbourhood reaches `before` characters before that earlier start, and a match whose
    earlier start falls inside the one before it is passed over, as a search for the anchor as meant
    would never have begun there."""
    out: list[tuple[int, int]] = []
    n = len(text)
    done = 0
    for m in anchor.finditer(text):
        start = m.start() - lead
        if start < done:
            continue
        done = m.end()
        s, e = max(0, start - before), min(n, m.end() + after)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


@lru_cache(maxsize=8)
def digit_runs(text: str) -> tuple[tuple[int, int], ...]:
    """[start, end) of every run of digits; cached because every recogniser asks for the same text."""
    return tuple(map(re.Match.span, DIGITS.finditer(text)))


@lru_cache(maxsize=8)
def run_windows(text: str, before: int, after: int) -> tuple[tuple[int, int], ...]:
    """For each digit run (digit_runs, same order), the neighbourhood that holds it (digit_spans): the
    window a search near that run stops at.  Cached because several recognisers ask for the same text."""
    # the same windows as spans(text, DIGITS, before, after): runs are ordered and disjoint, so a window
    # only ever grows at its end, and clipping to the text concerns only the first and the last window
    runs = digit_runs(text)
    if not runs:
        return ()
    reach = before + after
    opens = [k for k in range(1, len(runs)) if runs[k][0] - runs[k - 1][1] > reach]  # runs that open a window
    bounds = list(zip([0] + opens, opens + [len(runs)]))  # [first, last + 1) runs of each window
    windows = [[runs[i][0] - before, runs[j - 1][1] + after] for i, j in bounds]
    windows[0][0] = max(0, windows[0][0])
    windows[-1][1] = min(len(text), windows[-1][1])
    out: list[tuple[int, int]] = []
    for (i, j), (s, e) in zip(bounds, windows):
        out += [(s, e)] * (j - i)
    return tuple(out)


@lru_cache(maxsize=8)
def digit_spans(text: str, before: int, after: int) -> tuple[tuple[int, int], ...]:
    """Neighbourhoods of digit runs, merged where they touch: spans(text, DIGITS, before, after)."""
    return tuple(dict.fromkeys(run_windows(text, before, after)))


def finditer(pattern: re.Pattern[str], text: str, windows) -> Iterator[re.Match[str]]:
    for s, e in windows:
        yield from pattern.finditer(text, s, e)


@lru_cache(maxsize=16)  # a few uses per document: the text being read, as digit_spans
def _digit_anchors(text: str, before: int, after: int, shift: tuple[int, ...], runs: re.Pattern[str] | None
                   ) -> tuple[tuple[int, int], ...]:
    """(position, end of its window) for every run start minus each `shift`, in text order."""
    # a position at most `before` characters before a run lies in that run's window
    starts = [a for a, _ in digit_runs(text)]
    pairs: Iterable[tuple[int, tuple[int, int]]] = zip(starts, run_windows(text, before, after))
    if runs is not None:
        pairs = compress(pairs, map(runs.fullmatch, repeat(text), starts, [b for _, b in digit_runs(text)]))
    if shift == (0,):
        return tuple([(a, window[1]) for a, window in pairs])
    ends = {a - k: window[1] for a, window in pairs for k in shift if a - k >= 0}
    return tuple(sorted(ends.items()))


def at_digits(pattern: re.Pattern[str], text: str, before: int, after: int, shift: tuple[int, ...] = (0,),
              runs: re.Pattern[str] | None = None) -> Iterator[re.Match[str]]:
    """`finditer(pattern, text, digit_spans(text, before, after))` for a pattern whose matches can only
    start `shift` characters before the start of a digit run (0: on the run's first digit; 2: on the
    two letters of "PL63…"), with every shift ≤ `before`, and, given `runs`, only before a whole run
    that `runs` matches.  The caller vouches for that shape; tests/extract/recognise/test_windows.py
    checks each use against finditer."""
    return at(pattern, text, _digit_anchors(text, before, after, shift, runs))


def at(pattern: re.Pattern[str], text: str, anchors: Iterable[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """What a windowed finditer finds, for a pattern that can only start at one of `anchors`:
    (position, end of the window holding it), in text order."""
    done = 0  # finditer never starts a match inside the one before it
    for p, end in anchors:
        if p >= done:
            m = pattern.match(text, p, end)
            if m is not None:
                done = m.end()
                yield m


def first_chars(source: str, flags: int = 0) -> str:
    """A look-ahead `(?=[…])` of every character a match of `source` can begin with, or "" when that is
    no short list (a start that may be empty, a class such as \\w, a negated class).

    Put before a long alternation of words ("grant agreement|umowa|договор|…") it lets the engine
    pass over a position with one class test instead of trying every word there; it never changes
    what matches, as it only states what the alternation itself requires."""
    from re import _constants as c, _parser  # the parser `re` compiles with (private, but the only one)

    chars: set[str] = set()
    caseless = bool(flags & re.IGNORECASE)

    def starts(items: list) -> bool:  # True when every way through `items` begins with a char of `chars`
        nonlocal caseless
        if not items:
            return False
        op, av = items[0]
        if op is c.LITERAL:
            chars.add(chr(av))
            return True
        if op is c.IN:
            for o, a in av:
                if o is c.LITERAL:
                    chars.add(chr(a))
                elif o is c.RANGE and a[1] - a[0] < 256:
                    chars.update(map(chr, range(a[0], a[1] + 1)))
                else:
                    return False
            return True
        if op is c.BRANCH:
            return all(starts(alt.data) for alt in av[1])
        if op is c.SUBPATTERN:
            caseless = caseless or bool(av[1] & re.IGNORECASE)
            return starts(av[3].data)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] > 0:
            return starts(av[2].data)
        return False

    if not starts(_parser.parse(source, flags).data):
        return ""
    cls = "".join(re.escape(ch) for ch in sorted(chars))
    return f"(?=(?i:[{cls}]))" if caseless else f"(?=[{cls}])"
