"""windows.at_digits and windows.at find exactly what a windowed search finds, for every pattern that uses them."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import re

from integraph.extract.recognise import amounts, contacts, dates, identifiers, registry
from integraph.extract.recognise.windows import at, at_digits, digit_spans, finditer, first_chars, spans

ROOT = Path(__file__).resolve().parents[3]

# (pattern, before, after, shift, runs) exactly as the recognisers call at_digits
USES = [(dates.COMPILED[name], 50, 40, (0,), runs) for name, runs in sorted(dates.DIGIT_FIRST.items())]
USES += [(amounts.number_first(lang), 30, 40, (0,), None) for lang in (None, "pl", "sv", "es")]
USES += [(registry.ACCOUNT, 50, 40, (0,), None)]

# patterns with a first_chars look-ahead before their word alternation
GUARDED = [identifiers.LABELLED, registry.LABEL, contacts.PHONE_CUED] + [
    amounts._patterns(lang)[1] for lang in (None, "pl", "sv", "es")]
GUARD = re.compile(r"\(\?=\(\?i:\[[^\]]*\]\)\)|\(\?=\[[^\]]*\]\)")


def _unguarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    source, n = GUARD.subn("", pattern.pattern, count=1)
    assert n == 1, pattern.pattern[:80]
    return re.compile(source, pattern.flags)


PIECES = ["2020", "12", "3", "1999", "2024.", "07", "0", "–", "-", "/", ".", ",", " ", " ", "\n", "\u00a0", "€", "zł",
          "mln", "maja", "March", "IX", "r.", "г.", "od", "do", "de", "of", "gada", "PL", "DE", "U", "61", "1090", "a",
          "x", "XII", "10", "kr", "$", "styczeń", "ta’", "del", "_", "²", "May", "4th", "Juni", "Sept.", "KRS", "NIP",
          "nr", "umowy", "grant agreement no.", "Tel.", "тел.", "+359", "EUR", "£", "Ft", "kn", "ΑΦΜ", "ſ", "K", "İ", "+", "+ ", "0048", "(0)"]


def _same(text: str) -> None:
    for pattern, before, after, shift, runs in USES:
        want = [(m.start(), m.end()) for m in finditer(pattern, text, digit_spans(text, before, after))]
        got = [(m.start(), m.end()) for m in at_digits(pattern, text, before, after, shift, runs)]
        assert got == want, (pattern.pattern[:60], text)
    for name in sorted(dates.WORD_FIRST):
        pattern = dates.COMPILED[name]
        want = [(m.start(), m.end()) for m in finditer(pattern, text, digit_spans(text, 50, 40))]
        got = [(m.start(), m.end()) for m in at(pattern, text, dates._month_word_anchors(text))]
        assert got == want, (name, text)
    for pattern in GUARDED:
        plain = _unguarded(pattern)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_first_chars_names_every_first_character_or_nothing() -> None:
    assert first_chars("abc|de|[xy]z") == "(?=[adxy])"
    assert first_chars("tel|фон", re.IGNORECASE) == "(?=(?i:[tф]))"
    assert first_chars("(?i:a)|B") == "(?=(?i:[Ba]))"
    for open_start in (r"\w+", "a?b", "[^a]", "(?:)", "a|", r"\bx", "."):
        assert first_chars(open_start) == ""


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_at_digits_equals_the_windowed_search(text: str) -> None:
    _same(text)


def test_at_digits_equals_the_windowed_search_on_the_examples() -> None:
    for path in sorted((ROOT / "examples").rglob("*")):
        if path.suffix in (".txt", ".md") and path.is_file():
            _same(path.read_text(encoding="utf-8", errors="replace"))


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("0123456789 ab.\n"), max_size=300), st.integers(0, 90), st.integers(0, 90))
def test_digit_windows_are_the_anchor_windows(text: str, before: int, after: int) -> None:
    from integraph.extract.recognise.windows import DIGITS, spans

    assert list(digit_spans(text, before, after)) == spans(text, DIGITS, before, after)


# contacts' anchors as first written (alternations under IGNORECASE, a TLD anchor opening on the letter before
# the dot), against which the anchors that open on a character class must give the same neighbourhoods
PLAIN_ANCHORS = [
    (re.compile(r"@|[\[(]\s?at\s?[\])]", re.IGNORECASE), contacts.AT, 0),
    (re.compile(r"://|www\.", re.IGNORECASE), contacts.SCHEME_OR_WWW, 0),
    (re.compile(rf"[a-z0-9]\.(?:{contacts._TLD})(?![\w-])"), contacts.TLD_DOT, 1),
]
ANCHOR_PIECES = ["@", "[at]", "( AT )", "[", "(", " at ", "://", "www.", "WwW.", "ww", "w", "http", ".", "x.eu",
                 "a.com", ".pl", "com", ".com.pl", "-", "_", "é", "x", " ", "\n", "1.de", "..", "A.EU"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ANCHOR_PIECES), max_size=30).map("".join), st.integers(0, 5), st.integers(0, 5))
def test_contact_anchors_give_the_same_neighbourhoods(text: str, before: int, after: int) -> None:
    for plain, anchor, lead in PLAIN_ANCHORS:
        assert spans(text, anchor, before, after, lead) == spans(text, plain, before, after), anchor.pattern[:40]
