"""Where a literal string (a title, an acronym, a name) occurs in a text.

The rules ask again and again "where else does this title / acronym stand in the document?".
A regular expression built from each such string would be compiled anew for every one, and a
long document's titles alone overflow `re`'s cache of compiled patterns, so every search paid a
compilation.  `str.find` needs none; the word-boundary tests are the ones `re` applies (`\\w` is
`str.isalnum()` or the underscore), so the spans are exactly those of the patterns they replace.
"""
from __future__ import annotations

from collections.abc import Iterator


def is_word_char(ch: str) -> bool:
    """What `\\w` matches in a `str` pattern."""
    return ch.isalnum() or ch == "_"


def occurrences(text: str, needle: str, *, whole_word: bool = False, left_only: bool = False,
                hyphen_joins: bool = False, boundaries: bool = False,
                start: int = 0) -> Iterator[tuple[int, int]]:
    """Non-overlapping spans of `needle` in `text` from `start`, left to right, as `re.finditer` gives them.

    whole_word: no word character just before or after (``(?<!\\w)needle(?!\\w)``);
    left_only: no word character just before (``(?<!\\w)needle``);
    hyphen_joins: a hyphen counts as a word character for those tests (``(?<![\\w-])…(?![\\w-])``);
    boundaries: ``\\bneedle\\b`` — a change between word and non-word character at both ends, which
    for a needle ending in "+" means a word character must follow it.
    """
    if not needle:
        return
    size = len(needle)

    def joined(ch: str) -> bool:
        return is_word_char(ch) or (hyphen_joins and ch == "-")

    pos = text.find(needle, start)
    while pos >= 0:
        after = pos + size
        ok = True
        if whole_word or left_only:
            ok = not (pos > 0 and joined(text[pos - 1]))
            if ok and whole_word:
                ok = not (after < len(text) and joined(text[after]))
        if ok and boundaries:
            ok = (pos > 0 and is_word_char(text[pos - 1])) != is_word_char(needle[0]) and \
                (after < len(text) and is_word_char(text[after])) != is_word_char(needle[-1])
        if ok:
            yield pos, after
            pos = text.find(needle, after)
        else:
            pos = text.find(needle, pos + 1)


def occurs(text: str, needle: str, **options: bool) -> bool:
    """Whether `needle` occurs in `text` at all (same options as `occurrences`)."""
    return next(occurrences(text, needle, **options), None) is not None  # type: ignore[arg-type]
