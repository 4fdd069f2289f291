"""acronyms._brackets_and_dashes finds what one alternation of its two patterns finds."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from integraph.extract import acronyms

# the single search it replaces: a dash match began on the space before the dash
ALTERNATION = re.compile(r"\(\s*([^()\n]{2,60}?)\s*\)|\s[-–—]\s([A-ZА-ЯΑ-Ω][A-ZА-ЯΑ-Ω0-9]{1,7})\b")
PIECES = ["(", ")", " ", "\n", "-", "–", "—", "AB", "ACR", "Long", "x", "ÉU", "(IOM)", " - ", "\u00a0", "1", "Ж",
          "hereinafter:", "ABCDEFGHIJ", "ΑΒΓ"]


def _spans(text: str) -> tuple[list, list]:
    want = [(m.start() + (0 if m.group(1) else 1), m.end(), m.group(1) or m.group(2), m.start(1 if m.group(1) else 2))
            for m in ALTERNATION.finditer(text)]
    got = [(m.start(), m.end(), m.group(1), m.start(1)) for m in acronyms._brackets_and_dashes(text)]
    return want, got


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_two_searches_find_what_the_alternation_finds(text: str) -> None:
    want, got = _spans(text)
    assert got == want


def test_nested_and_adjacent_definitions() -> None:
    text = "Urad za oskrbo (UOIM) – UOIM (Long (X) name) - ABC (AB - CD) –EF"
    want, got = _spans(text)
    assert got == want and [g[2] for g in got] == ["UOIM", "UOIM", "ABC", "AB - CD"]


# the acronym pattern as first written: the look-behind before the capital
PLAIN_ACRONYM = re.compile(r"(?<![\w-])([A-ZА-ЯЁІЇЄҐΑ-Ω][A-ZА-ЯЁІЇЄҐΑ-Ω0-9&]{1,7}\+?)(?![\w-])")
ACRONYM_PIECES = ["AB", "A", "C", "ЖК", "ΑΒ", "1", "&", "+", "-", " ", "\n", "x", "é", "É", "_", "(", "ABCDEFGH", "ab"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ACRONYM_PIECES), max_size=30).map("".join), st.integers(0, 40))
def test_acronym_opening_on_its_capital_finds_the_same(text: str, start: int) -> None:
    start = min(start, len(text))
    assert ([m.span(1) for m in acronyms.ACRONYM.finditer(text, start)] ==
            [m.span(1) for m in PLAIN_ACRONYM.finditer(text, start)])
    assert bool(acronyms.ACRONYM.fullmatch(text)) == bool(PLAIN_ACRONYM.fullmatch(text))
