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
