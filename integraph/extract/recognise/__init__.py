"""Recognisers of typed values: each finds values in running text and returns spans.

A recogniser is a function `find(text: str, lang: str | None) -> list[Match]`.
The registry below is a plain dict; `find_all` runs them all.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass(slots=True, frozen=True)
class Match:
    """A value found at text[start:end]. `value` is normalised (ISO date, number, code…)."""

    kind: str  # "date", "period", "amount", "grant_id", "url", "email", "phone", "registry_id"
    start: int
    end: int
    value: Any
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


Recogniser = Callable[[str, "str | None"], list[Match]]


# The registry.  Imported after `Match` because every recogniser module imports it from here.
from integraph.extract.recognise import amounts, contacts, dates, identifiers, registry  # noqa: E402
from integraph.spans import DisjointSpans  # noqa: E402

RECOGNISERS: dict[str, Recogniser] = {
    "date": dates.find,  # kinds "date" and "period"
    "amount": amounts.find,
    "grant_id": identifiers.find,
    "contact": contacts.find,  # kinds "url", "email", "phone"
    "registry": registry.find,  # kinds "registry_id" and "iban"
}

# When two recognisers claim overlapping text, the earlier kind wins: an IBAN's digits are not a phone
# or a year, an e-mail's domain is not a URL, a currency-attached number is not a year.
PRIORITY = ("iban", "registry_id", "email", "url", "grant_id", "phone", "amount", "period", "date")


def find_all(text: str, lang: str | None = None) -> list[Match]:
    """Every recogniser over `text`; overlaps settled by PRIORITY, then by length. Sorted by offset."""
    found = [m for find in RECOGNISERS.values() for m in find(text, lang)]
    rank = {kind: i for i, kind in enumerate(PRIORITY)}
    found.sort(key=lambda m: (rank.get(m.kind, len(PRIORITY)), m.start - m.end, m.start))
    chosen: list[Match] = []
    taken = DisjointSpans()
    for m in found:
        if not taken.overlaps(m.start, m.end):
            chosen.append(m)
            taken.add(m.start, m.end)
    return sorted(chosen, key=lambda m: (m.start, m.end))
