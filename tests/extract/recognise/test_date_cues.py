"""The date cues, matched on the text before a date read backwards, say what a search for them
at the end of that text says."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from integraph.extract.recognise import dates
from integraph.extract.recognise.date_words import END_BEFORE, END_OF_BEFORE, START_BEFORE, YEAR_BEFORE, phrases

LANGS = [None, "en", "pl", "bg", "de", "fr", "cs", "hu", "lt", "el", "uk"]
TABLES = [YEAR_BEFORE, START_BEFORE, END_BEFORE, END_OF_BEFORE]


def _forward(words: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:^|[^\w'’-])(?:{alts})\s*$")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(LANGS), st.sampled_from(TABLES), st.data())
def test_backwards_match_equals_forward_search(lang, table, data) -> None:
    words = phrases(table, lang)
    pieces = list(words[:40]) + [" ", "\n", "-", "'", "’", "a", ",", "(", "1", "  "]
    text = data.draw(st.lists(st.sampled_from(pieces), max_size=6).map("".join))[-40:]
    assert dates._ends_with_cue(dates._cue_regex(words), text[::-1]) == bool(_forward(words).search(text))


def test_no_cues_at_all() -> None:
    for text in ("", " ", "abc", "abc ", "a-"):
        assert dates._ends_with_cue(dates._cue_regex(()), text[::-1]) == bool(_forward(()).search(text))
