"""Find where a query matched inside a paragraph and cut a passage around it.

Highlights are offsets, never markup: the portal escapes the text and wraps
the ranges itself, so document text can never become HTML.
"""
from __future__ import annotations

from typing import Any, Sequence

from integraph.textutil import fold, lemma, tokens

WINDOW = 320  # characters of context in a passage


def match_ranges(text: str, keys: Sequence[tuple[str, ...]], language: str | None) -> list[tuple[int, int]]:
    """[start, end) ranges of `text` where a key's words occur in a row, as written or as lemmas."""
    toks = tokens(text)
    forms = [{fold(w), fold(lemma(w, language))} for _, _, w in toks]
    wanted = {tuple(fold(w) for w in key) for key in keys if key}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for key in wanted:
        by_first.setdefault(key[0], []).append(key)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        best = 0
        for form in forms[i]:
            for key in by_first.get(form, ()):
                n = len(key)
                if n > best and i + n <= len(toks) and all(key[j] in forms[i + j] for j in range(n)):
                    best = n
        if best:
            out.append((toks[i][0], toks[i + best - 1][1]))
            i += best
        else:
            i += 1
    return out


def passage(text: str, offset: int, keys: Sequence[tuple[str, ...]], language: str | None) -> dict[str, Any]:
    """A window of `text` (a paragraph starting at document offset `offset`) around its first match.

    Returns `text`, its document offsets `start`/`end`, `highlights` as
    [start, end] pairs relative to the passage, and `match`, the first
    highlight in document offsets (null when only a lemma elsewhere matched).
    """
    ranges = match_ranges(text, keys, language)
    if len(text) <= WINDOW:
        a, b = 0, len(text)
    else:
        centre = ranges[0][0] if ranges else 0
        a = max(0, centre - WINDOW // 3)
        b = min(len(text), a + WINDOW)
        a = max(0, b - WINDOW)
        # Cut at word boundaries so the passage does not start or end mid-word.
        if a > 0:
            space = text.find(" ", a)
            a = space + 1 if 0 <= space < (ranges[0][0] if ranges else b) else a
        if b < len(text):
            space = text.rfind(" ", a, b)
            b = space if space > (ranges[0][1] if ranges else a) else b
    inside = [(s - a, e - a) for s, e in ranges if s >= a and e <= b]
    first = ranges[0] if ranges else None
    return {
        "text": text[a:b],
        "start": offset + a,
        "end": offset + b,
        "truncated_before": a > 0,
        "truncated_after": b < len(text),
        "highlights": [list(r) for r in inside],
        "match": [offset + first[0], offset + first[1]] if first else None,
    }
