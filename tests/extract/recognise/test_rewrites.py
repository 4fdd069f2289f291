"""Patterns rewritten for speed find exactly what the plain patterns they replace find."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from integraph.extract.recognise import dates
from integraph.extract.recognise.date_words import END_VERBS, START_VERBS
from integraph.extract.recognise.windows import DIGITS, digit_runs, run_windows, spans

# as first written: the look-behind before the "Q", the stems one after the other
PLAIN_QUARTER = re.compile(dates.PATTERNS["quarter_range"].replace(r"Q(?<!\wQ)", r"(?<!\w)Q", 1))
PLAIN_START_VERB = re.compile("|".join(map(re.escape, START_VERBS)))
PLAIN_END_VERB = re.compile("|".join(map(re.escape, END_VERBS)))

PIECES = ["Q", "Q1", "Q3 ", "q2", "xQ", "_Q", "2024", "2027", " ", "–", "-", "\n", "a", "1"]
WORDS = list(START_VERBS[:12]) + list(END_VERBS[:12]) + ["zacz", "be", "gan", "s'", " ", "x", "é", "|", "-", "ende"]


def test_the_plain_quarter_pattern_is_the_one_first_written() -> None:
    assert PLAIN_QUARTER.pattern.startswith(r"(?<!\w)Q(?P<q1>")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.integers(0, 10))
def test_quarters_are_found_where_the_plain_pattern_finds_them(text: str, pos: int) -> None:
    quarter = dates.COMPILED["quarter_range"]
    assert [m.span() for m in quarter.finditer(text, pos)] == [m.span() for m in PLAIN_QUARTER.finditer(text, pos)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=20).map("".join))
def test_verb_stems_grouped_by_first_character_find_the_same(text: str) -> None:
    for grouped, plain in ((dates.START_VERB, PLAIN_START_VERB), (dates.END_VERB, PLAIN_END_VERB)):
        got, want = grouped.search(text), plain.search(text)
        assert (got and got.span()) == (want and want.span()), text


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
