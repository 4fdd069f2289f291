"""Entity resolution: which document-local entities are one thing in the world.

Rules (`engine.PHASE_ONE`, `engine.PHASE_TWO`) propose judgements with
evidence; canonical ids are the connected components of 'same' judgements
minus 'different' ones, user judgements overriding rules (`clusters`).
`resolve` runs it all over a store; `merge`, `split` and `explain` are the
curator's tools; `canonical_map` is what exporters read.
"""
from __future__ import annotations

from integraph.resolve.curate import explain, merge, split
from integraph.resolve.resolver import resolve
from integraph.resolve.storage import read_canonical
from integraph.store import Store


class CanonicalMap(dict[str, str]):
    """entity → canonical id; an entity the resolver has not seen maps to itself."""

    def __missing__(self, key: str) -> str:
        return key


def canonical_map(store: Store) -> dict[str, str]:
    """The canonical id of every resolved entity (unknown entities map to themselves)."""
    return CanonicalMap(read_canonical(store))


__all__ = ["canonical_map", "explain", "merge", "resolve", "split"]
