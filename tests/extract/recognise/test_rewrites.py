"""Patterns rewritten for speed find exactly what the plain patterns they replace find."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pathlib import Path

from integraph.extract.recognise import contacts, dates, registry
from integraph.extract.recognise.windows import DIGITS, digit_runs, digit_spans, finditer, run_windows, spans

ROOT = Path(__file__).resolve().parents[3]

# as first written: the look-behind before the "Q", the stems one after the other
PLAIN_QUARTER = re.compile(dates.PATTERNS["quarter_range"].replace(r"Q(?<!\wQ)", r"(?<!\w)Q", 1))

PIECES = ["Q", "Q1", "Q3 ", "q2", "xQ", "_Q", "2024", "2027", " ", "–", "-", "\n", "a", "1"]


def test_the_plain_quarter_pattern_is_the_one_first_written() -> None:
    assert PLAIN_QUARTER.pattern.startswith(r"(?<!\w)Q(?P<q1>")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.integers(0, 10))
def test_quarters_are_found_where_the_plain_pattern_finds_them(text: str, pos: int) -> None:
    quarter = dates.COMPILED["quarter_range"]
    assert [m.span() for m in quarter.finditer(text, pos)] == [m.span() for m in PLAIN_QUARTER.finditer(text, pos)]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("0123456789 ab.\n٣"), max_size=300), st.integers(0, 90), st.integers(0, 90))
def test_each_run_has_the_window_that_holds_it(text: str, before: int, after: int) -> None:
    runs = digit_runs(text)
    assert list(runs) == [m.span() for m in re.finditer(r"\d+", text)]
    windows = spans(text, DIGITS, before, after)
    held = run_windows(text, before, after)
    assert len(held) == len(runs)
    for (a, b), window in zip(runs, held):
        assert window in windows and window[0] <= a and b <= window[1]


# Patterns that open on a class, with the character before it vetted after it, against the same patterns
# as first written (a look-behind first), searched in the same windows: (new, plain, before, after).
OPENING_ON_A_CLASS = [
    (contacts.PHONE_INTL, re.compile(r"(?<![\w+])(?P<num>(?:\+|00)\s?\d{1,3}[\d\s()./–-]{5,20}\d)(?!\d)"), 40, 40),
    (registry.VAT_BARE, re.compile(r"(?<![\w/.-])(?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|"
                                   r"PL|PT|RO|SE|SI|SK)U?\d{8,12}(?![\w-])"), 50, 40),
    (registry.IBAN, re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]{4}){2,7}(?:[ \u00a0]?[A-Z0-9]{1,3})?(?![\w])"), 50, 40),
]

CLASS_PIECES = ["2020", "12", "3", "1999", "2100", "1800", "01", "10", "13", "31", "4.", "2024.", "r.", "г.", "gada",
                "maja", "March", "IX", "XII", "de", "of", "od", "do", "1st", "Juni", "/2025", "2014–2020", "05/2024",
                "12.05.2024", "1.2.2020", "2024-05-12", "2150-05-12", "1799", "-05-12", "4", "41", "9", "1", " March 2020", "4 March", "3 IX 2020",
                "0", "00", "0048", "+", "+ ", "+359", "(0)", "–", "-", "/", ".", ",", " ",
                "\u00a0", "\u202f", "'", "’", "\n", "€", "zł", "mln", "EUR", "kr", "$", "£", "Ft", "PL", "DE", "ATU",
                "PL61", "1090", "1010", "0000", "a", "x", "_", "²", "٣", "U", "IT", "SE", "m", "k", "PL61 1090 1010 0000 ",
                "DE123456789", "ATU12345678", "+48 123 456 789", "0048123456789", "1 000 000", "12345678901234567"]


def _same_in_windows(text: str) -> None:
    for new, plain, before, after in OPENING_ON_A_CLASS:
        windows = digit_spans(text, before, after)
        want = [m.span() for m in finditer(plain, text, windows)]
        assert [m.span() for m in finditer(new, text, windows)] == want, (plain.pattern[:50], text)
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in plain.finditer(text)], text


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(CLASS_PIECES), max_size=40).map("".join))
def test_patterns_opening_on_a_class_find_what_the_plain_ones_find(text: str) -> None:
    _same_in_windows(text)


def test_patterns_opening_on_a_class_find_what_the_plain_ones_find_on_the_examples() -> None:
    for path in sorted((ROOT / "examples").rglob("*")):
        if path.suffix in (".txt", ".md") and path.is_file():
            _same_in_windows(path.read_text(encoding="utf-8", errors="replace"))


def test_patterns_opening_on_a_class_find_what_the_plain_ones_find_on_every_pair_of_pieces() -> None:
    for a in CLASS_PIECES:
        for b in CLASS_PIECES:
            _same_in_windows(a + b)
            _same_in_windows(f"x{a}{b} ")
