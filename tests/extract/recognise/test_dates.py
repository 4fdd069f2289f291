"""Dates and periods: case tables over many languages, the traps the bake-off found, and round trips."""
from __future__ import annotations

from datetime import date

import pytest
from babel.dates import format_date
from hypothesis import given, settings
from hypothesis import strategies as st

from integraph.extract.recognise import dates


def one(text: str, lang: str | None):
    found = dates.find(text, lang)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, lang, value, precision",
    [
        ("4 lutego 2020 r.", "pl", "2020-02-04", "day"),
        ("w styczniu 2020 r.", "pl", "2020-01", "month"),  # locative, through simplemma
        ("30/05/2020", "pl", "2020-05-30", "day"),
        ("от 1 септември 2022 г.", "bg", "2022-09-01", "day"),
        ("през 2022 г.", "bg", "2022", "year"),
        ("od roku 2003", "cs", "2003", "year"),
        ("v roce 2013", "cs", "2013", "year"),
        ("v lednu 2021", "cs", "2021-01", "month"),
        ("4. Februar 2021", "de", "2021-02-04", "day"),
        ("4 février 2021", "fr", "2021-02-04", "day"),
        ("4 de febrero de 2021", "es", "2021-02-04", "day"),
        ("4 febbraio 2021", "it", "2021-02-04", "day"),
        ("4 de fevereiro de 2021", "pt", "2021-02-04", "day"),
        ("4 februari 2021", "nl", "2021-02-04", "day"),
        ("4 februari 2021", "sv", "2021-02-04", "day"),
        ("2021. február 4.", "hu", "2021-02-04", "day"),
        ("2021 m. vasario 4 d.", "lt", "2021-02-04", "day"),
        ("2021. gada 4. februāris", "lv", "2021-02-04", "day"),
        ("4 Φεβρουαρίου 2021", "el", "2021-02-04", "day"),
        ("4. helmikuuta 2021", "fi", "2021-02-04", "day"),
        ("4 лютого 2021 р.", "uk", "2021-02-04", "day"),
        ("February 4, 2021", "en", "2021-02-04", "day"),
        ("Newsletter May 2020", "pl", "2020-05", "month"),  # English months in any document
        ("2021-02-04", None, "2021-02-04", "day"),
        ("5 III 2020", "pl", "2020-03-05", "day"),
        ("4 февраля 2021 г.", None, "2021-02-04", "day"),
    ],
)
def test_single_dates(text: str, lang: str | None, value: str, precision: str) -> None:
    m = one(text, lang)
    assert m.kind == "date" and m.value == value and m.extra["precision"] == precision


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("1.12.2010 – 1.06.2012", "pl", ("2010-12-01", "2012-06-01")),
        ("W dniach 5-6 lutego 2020 r.", "pl", ("2020-02-05", "2020-02-06")),
        ("od 1 septembra 2022 do 31 marca 2023", "sk", ("2022-09-01", "2023-03-31")),
        ("from January 2020 until the end of June 2022", "en", ("2020-01", "2022-06-30")),
        ("2021–2023", "en", ("2021", "2023")),
        ("the AMIF 2014-2020 period", "en", ("2014", "2020")),
        ("January–June 2022", "en", ("2022-01", "2022-06")),
        ("seit 2015 bis 2020", "de", ("2015", "2020")),
        ("Inicjatywa rozpoczęła działalność w marcu 2021 r. i potrwa do końca września 2023 r.", "pl",
         ("2021-03", "2023-09-30")),
        ("Periode: Q3 2024 – Q2 2027", "da", ("2024", "2027")),  # quarters, at the years' precision
        ("Obdobie realizácie: Q1 2025 – Q4 2025", "sk", ("2025", "2025")),
    ],
)
def test_periods(text: str, lang: str, value: tuple[str, str]) -> None:
    m = one(text, lang)
    assert m.kind == "period" and m.value == value


@pytest.mark.parametrize(
    "text, lang, role, value",
    [
        ("od 1 września 2022", "pl", "start", "2022-09-01"),
        ("Od 2007 roku jesteśmy", "pl", "start", "2007"),
        ("since March 2019", "en", "start", "2019-03"),
        ("depuis 2018", "fr", "start", "2018"),
        ("do końca czerwca 2022 r.", "pl", "end", "2022-06-30"),
        ("до края на 2023 г.", "bg", "end", "2023-12-31"),
        ("bis 2024", "de", "end", "2024"),
        ("hasta 2025", "es", "end", "2025"),
        ("приключи през 2022 г.", "bg", "end", "2022"),
    ],
)
def test_open_ended_roles(text: str, lang: str, role: str, value: str) -> None:
    m = one(text, lang)
    assert m.extra["role"] == role and m.value == value


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Nie wiem, czy się uda.", "pl"),  # "się" is not sierpień, "nie" not niedziela
        ("Nr konta: 63 2030 0045 1110 0000 0307 2610", "pl"),  # account digit groups are not years
        ("Nasz numer KRS to 0000240024", "pl"),  # a KRS number is not a date
        ("W kwietniu wszystkie miasta", "pl"),  # a month without a year is not dated
        ("We have 2020 members", "en"),  # a bare number without a cue
        ("tel. 2030 2040", None),
        ("31.02.2020", None),  # no such day
    ],
)
def test_traps(text: str, lang: str | None) -> None:
    assert dates.find(text, lang) == []


def test_date_glued_to_grant_id_after_slash() -> None:
    text = "XX05SFOP001-3.003-0126-C01/03.02.2021"  # documented: the date after the slash is reported
    assert [(m.value, text[m.start:m.end]) for m in dates.find(text, "bg")] == [("2021-02-03", "03.02.2021")]


def test_real_documents_yield_known_dates(shared_dir) -> None:
    text = (shared_dir / "seeds" / "002_875e955bc81cff4a.txt").read_text(encoding="utf-8")
    found = dates.find(text, "pl")
    assert ("period", ("2010-12-01", "2012-06-01")) in [(m.kind, m.value) for m in found]
    assert all(len(str(m.value)) >= 4 for m in found)


LANGS = ["bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "hr", "hu", "it", "lt", "lv", "nl", "pl",
         "pt", "ro", "sk", "sl", "sv", "uk", "ru"]


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2060, 12, 31)), st.sampled_from(LANGS),
       st.sampled_from(["long", "d MMMM y"]))
def test_round_trip_babel_formats(day: date, lang: str, fmt: str) -> None:
    written = format_date(day, fmt, locale=lang)
    text = f"Text {written} text"
    found = [m for m in dates.find(text, lang) if m.kind == "date"]
    assert [m.value for m in found] == [day.isoformat()], written


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, "pl", "bg", "en", "cs"]))
def test_never_raises_and_offsets_hold(text: str, lang: str | None) -> None:
    found = dates.find(text, lang)
    last = -1
    for m in found:
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end].strip()
        assert m.start >= last
        last = m.end
