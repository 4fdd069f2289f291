"""Amounts: the bake-off's cases, currencies and scales in many languages, and round trips."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integraph.extract.recognise import amounts


@pytest.mark.parametrize(
    "text, lang, value, currency",
    [
        ("kwota: 616,794 euro", "pl", 616794, "EUR"),  # one separator + 3 digits = thousands
        ("999 750,00 PLN", "pl", 999750.00, "PLN"),
        ("60 mln zł", "pl", 60_000_000, "PLN"),
        ("1,2 млн. лв.", "bg", 1_200_000, "BGN"),
        ("€2.5 million", "en", 2_500_000, "EUR"),
        ("EUR 1 234 567", "en", 1_234_567, "EUR"),
        ("1.234.567,89 лв.", "bg", 1_234_567.89, "BGN"),
        ("1,2 mld Kč", "cs", 1_200_000_000, "CZK"),
        ("3 Mio. EUR", "de", 3_000_000, "EUR"),
        ("EUR 3,5 Mrd.", "de", 3_500_000_000, "EUR"),
        ("12.500,00 €", "de", 12_500, "EUR"),
        ("5 000 Ft", "hu", 5000, "HUF"),
        ("120 kr", "sv", 120, "SEK"),
        ("2 mil euros", "es", 2000, "EUR"),  # Spanish "mil" is a thousand
        ("2 mil. Kč", "cs", 2_000_000, "CZK"),  # Czech "mil." is a million
        ("1 000 000 eurų", "lt", 1_000_000, "EUR"),
        ("50 000 RON", "ro", 50_000, "RON"),
        ("€5m", "en", 5_000_000, "EUR"),
        ("£300k", "en", 300_000, "GBP"),
        ("15 000 лева", "bg", 15_000, "BGN"),
        ("2,5 miljoonaa euroa", "fi", 2_500_000, "EUR"),
    ],
)
def test_amounts(text: str, lang: str, value: float, currency: str) -> None:
    found = amounts.find(text, lang)
    assert len(found) == 1, found
    assert found[0].value == {"value": value, "currency": currency}
    assert text[found[0].start:found[0].end].strip() == text[found[0].start:found[0].end]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Przekaż 1% swojego podatku", "pl"),  # a percentage
        ("13 instytucji partnerskich", "pl"),  # no currency, no amount
        ("120 kr", None),  # "kr" names a crown only when the language says which
        ("5 ft tall", "en"),
        ("all 5 try", "en"),
    ],
)
def test_not_amounts(text: str, lang: str | None) -> None:
    assert amounts.find(text, lang) == []


def _group(n: int, sep: str) -> str:
    s = str(n)
    parts = []
    while s:
        parts.insert(0, s[-3:])
        s = s[:-3]
    return sep.join(parts)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**9), st.integers(min_value=0, max_value=99),
       st.sampled_from([(" ", ","), ("\u00a0", ","), (".", ","), (",", "."), ("", ",")]),
       st.sampled_from(["EUR", "€", "zł", "лв.", "Kč"]), st.booleans())
def test_round_trip_separator_styles(whole: int, cents: int, seps: tuple[str, str], symbol: str, before: bool) -> None:
    group, decimal = seps
    number = f"{_group(whole, group)}{decimal}{cents:02d}"
    text = f"kwota {symbol} {number} razem" if before else f"kwota {number} {symbol} razem"
    found = amounts.find(text, "pl")
    assert len(found) == 1, (text, found)
    expected = whole + cents / 100
    assert abs(found[0].value["value"] - expected) <= 0.005 * expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, "pl", "sv", "es"]))
def test_never_raises_and_offsets_hold(text: str, lang: str | None) -> None:
    for m in amounts.find(text, lang):
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end].strip()


def test_estonian_until_is_not_the_croatian_kuna():
    from integraph.extract.recognise import find_all

    text = "Kestus: 1. jaanuarist 2025 kuni 31. detsembrini 2026"
    assert [m for m in find_all(text, "et") if m.kind == "amount"] == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["1", "23", "456", "0", " ", "\u00a0", ".", ",", "'", "’", "-", "€", "x"]), max_size=12)
       .map("".join))
def test_cached_parse_number_reads_what_price_parser_reads(raw: str) -> None:
    from price_parser import Price

    assert amounts.parse_number(raw) == Price.fromstring(raw).amount
    assert amounts.parse_number(raw) == Price.fromstring(raw).amount  # the second time from the cache
