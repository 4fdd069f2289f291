"""Blocking: which pairs of names are worth a fuzzy comparison at all.

Each name is filed under its rarest words (document frequency over all names
of the run), so two variants of one name meet as long as they share one
uncommon word, while words that half the names carry ("centre", "fundacja")
never make a block.  Pairs per name stay bounded, so 100 000 names compare in
seconds instead of the 5·10⁹ pairs of a full cross product.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable, Iterator, Sequence

KEYS_PER_NAME = 3
MAX_BLOCK = 400
MIN_KEY_LEN = 3


def block_keys(words: Sequence[str], df: Counter[str], n: int = KEYS_PER_NAME) -> list[str]:
    """The `n` rarest distinct words of a name (ties broken alphabetically for determinism)."""
    uniq = sorted({w for w in words if len(w) >= MIN_KEY_LEN} or set(words), key=lambda w: (df[w], w))
    return uniq[:n]


def candidate_pairs(names: Sequence[Sequence[str]], max_block: int = MAX_BLOCK) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of `names` (each a list of words) that share a rare word; each pair once."""
    df: Counter[str] = Counter()
    for words in names:
        df.update(set(words))
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, words in enumerate(names):
        for key in block_keys(words, df):
            blocks[key].append(i)
    seen: set[tuple[int, int]] = set()
    for key in sorted(blocks):
        members = blocks[key]
        if len(members) < 2 or len(members) > max_block:
            continue
        for x in range(len(members)):
            a = members[x]
            for b in members[x + 1:]:
                pair = (a, b) if a < b else (b, a)
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def group_by(items: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """key → values, keeping first-seen order and dropping duplicates."""
    out: dict[str, list[str]] = {}
    for key, value in items:
        bucket = out.setdefault(key, [])
        if value not in bucket:
            bucket.append(value)
    return out
