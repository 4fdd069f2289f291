"""Irish month names (two words, mutated, genitive) and periods whose start month borrows the end's year."""
from __future__ import annotations

from datetime import date

import pytest
from babel.dates import format_date
from hypothesis import given, settings
from hypothesis import strategies as st

from integraph.extract.recognise import dates
from integraph.extract.recognise.months import irish_mutations, month_number


@pytest.mark.parametrize(
    "word, number",
    [
        ("Meán Fómhair", 9), ("Mheán Fómhair", 9), ("Deireadh  Fómhair", 10), ("Dheireadh Fómhair", 10),
        ("Mhárta", 3), ("bhFeabhra", 2), ("hAibreán", 4), ("nEanáir", 1), ("tSamhain", 11),
        ("Samhna", 11), ("Nollag", 12), ("Meithimh", 6), ("Aibreáin", 4),  # genitives after "mí"
    ],
)
def test_irish_month_forms(word: str, number: int) -> None:
    assert month_number(word, "ga") == number


def test_mutations_follow_the_first_letter() -> None:
    assert irish_mutations("márta") == ["mhárta"]  # m lenites, has no eclipsis
    assert irish_mutations("feabhra") == ["fheabhra", "bhfeabhra"]
    assert irish_mutations("samhain") == ["shamhain", "tsamhain"]
    assert irish_mutations("eanáir") == ["heanáir", "neanáir", "teanáir"]
    assert irish_mutations("lúnasa") == []


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("Tá sé á mhaoiniú ó Mheán Fómhair 2024 go dtí Lúnasa 2027.", "ga", ("2024-09", "2027-08")),
        ("imeachtaí i gCathair na Gaillimhe ó Eanáir go Nollaig 2025, i gcomhar", "ga", ("2025-01", "2025-12")),
        ("from January to March 2025", "en", ("2025-01", "2025-03")),
        ("od 1 stycznia do 31 marca 2025 r.", "pl", ("2025-01-01", "2025-03-31")),
        ("de enero a marzo de 2025", "es", ("2025-01", "2025-03")),
    ],
)
def test_start_month_borrows_the_year_of_the_end(text: str, lang: str, value: tuple[str, str]) -> None:
    found = dates.find(text, lang)
    assert [(m.kind, m.value) for m in found] == [("period", value)]


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("Nuashonraithe: 2 Deireadh Fómhair 2026", "ga", "2026-10-02"),
        ("I mí an Mhárta 2022 d'athraigh", "ga", "2022-03"),
        ("the mean March 2024 temperature", "en", "2024-03"),  # "mean" is no Irish "meán"
    ],
)
def test_irish_dates(text: str, lang: str, value: str) -> None:
    assert [m.value for m in dates.find(text, lang)] == [value]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("from 1 May to March 2025", "en"),  # a day on one side only: not read as one period
        ("December to March 2025", "en"),  # the start would follow the end
        ("go Nollaig 2025", "ga"),  # no start month at all
    ],
)
def test_no_borrowed_start(text: str, lang: str) -> None:
    assert all(m.kind == "date" for m in dates.find(text, lang))


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2060, 12, 31)), st.sampled_from(["long", "d MMMM y"]))
def test_round_trip_irish(day: date, fmt: str) -> None:
    written = format_date(day, fmt, locale="ga")
    found = [m for m in dates.find(f"Téacs {written} téacs", "ga") if m.kind == "date"]
    assert [m.value for m in found] == [day.isoformat()], written
