"""Verbs that make a date a start or an end: present and future forms, and the nearest verb deciding."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integraph.extract.recognise import dates
from integraph.extract.recognise.date_words import END_VERBS, START_VERBS


@pytest.mark.parametrize(
    "text, lang, role, value",
    [
        ("Op 1 juli 2025 start ons nieuwe project", "nl", "start", "2025-07-01"),
        ("che Filo Comune avvierà insieme alla Città di Torino il 1° ottobre 2026.", "it", "start", "2026-10-01"),
        ("Tosóidh an tionscadal i mí Eanáir 2027 agus", "ga", "start", "2027-01"),
        ("Αν εγκριθεί, θα ξεκινήσει τον Σεπτέμβριο του 2025.", "el", "start", "2025-09"),  # "του": of
        ("Le projet se terminera le 30 juin 2027.", "fr", "end", "2027-06-30"),
        ("Das Projekt endet am 30. Juni 2027.", "de", "end", "2027-06-30"),
        ("Das Tool wird seit Jahren verwendet, am 30. Juni 2027 ist Schluss.", "de", None, "2027-06-30"),
    ],
)
def test_present_and_future_verbs(text: str, lang: str, role: str | None, value: str) -> None:
    (m,) = dates.find(text, lang)
    assert m.value == value and m.extra.get("role") == role


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("Hanke alkaa 1.10.2025 ja päättyy 31.3.2027, ja se", "fi", ("2025-10-01", "2027-03-31")),
        ("Il-proġett jibda fl-1 ta' April 2025 u jintemm fit-30 ta' Settembru 2027.", "mt", ("2025-04-01", "2027-09-30")),
        ("The project started in March 2020 and ended in June 2023.", "en", ("2020-03", "2023-06")),
    ],
)
def test_the_nearest_verb_decides(text: str, lang: str, value: tuple[str, str]) -> None:
    (m,) = dates.find(text, lang)
    assert m.kind == "period" and m.value == value


def test_verb_role_prefers_the_last_verb_before_then_the_first_after() -> None:
    assert dates._verb_role("began in 2020 and ended in ", "") == "end"
    assert dates._verb_role("ended and then began ", "") == "start"
    assert dates._verb_role("", "ends in, then starts") == "end"
    assert dates._verb_role("", "") is None


PLAIN_ANY_VERB = re.compile("|".join(map(re.escape, dict.fromkeys(START_VERBS + END_VERBS))))
# the first and last stems of each list and pieces of them: prefixes of one another, shared first letters
WORDS = list(START_VERBS[:12]) + list(END_VERBS[:12]) + list(START_VERBS[-20:]) + list(END_VERBS[-20:]) + \
    ["start", "end", "x", " ", "é", "-", "|", "zacz", "be", "gan", "s'", "ende", "ξ"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=20).map("".join))
def test_one_search_for_both_finds_what_the_plain_alternation_finds(text: str) -> None:
    assert [m.span() for m in dates.ANY_VERB.finditer(text)] == [m.span() for m in PLAIN_ANY_VERB.finditer(text)]
