"""windows.at_digits finds exactly what a windowed search finds, for every pattern that uses it."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from integraph.extract.recognise import amounts, dates, registry
from integraph.extract.recognise.windows import at_digits, digit_spans, finditer

ROOT = Path(__file__).resolve().parents[3]

# (pattern, before, after, shift) exactly as the recognisers call at_digits
USES = [(dates.COMPILED[name], 50, 40, (0,)) for name in sorted(dates.DIGIT_FIRST)]
USES += [(amounts.number_first(lang), 30, 40, (0,)) for lang in (None, "pl", "sv", "es")]
USES += [(registry.ACCOUNT, 50, 40, (0,)), (registry.IBAN, 50, 40, (2,)), (registry.VAT_BARE, 50, 40, (2, 3))]

PIECES = ["2020", "12", "3", "1999", "2024.", "07", "0", "–", "-", "/", ".", ",", " ", " ", "\n", "\u00a0", "€", "zł",
          "mln", "maja", "March", "IX", "r.", "г.", "od", "do", "de", "of", "gada", "PL", "DE", "U", "61", "1090", "a",
          "x", "XII", "10", "kr", "$"]


def _same(text: str) -> None:
    for pattern, before, after, shift in USES:
        want = [(m.start(), m.end()) for m in finditer(pattern, text, digit_spans(text, before, after))]
        got = [(m.start(), m.end()) for m in at_digits(pattern, text, before, after, shift)]
        assert got == want, (pattern.pattern[:60], text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_at_digits_equals_the_windowed_search(text: str) -> None:
    _same(text)


def test_at_digits_equals_the_windowed_search_on_the_examples() -> None:
    for path in sorted((ROOT / "examples").rglob("*")):
        if path.suffix in (".txt", ".md") and path.is_file():
            _same(path.read_text(encoding="utf-8", errors="replace"))
