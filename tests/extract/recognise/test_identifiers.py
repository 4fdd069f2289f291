"""Grant, contract and project identifiers."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integraph.extract.recognise import identifiers


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("помощ BG05SFOP001-3.003-0126-C01, от", "bg", "BG05SFOP001-3.003-0126-C01"),
        ("BG05M9OP001-1.003-0001 и", "bg", "BG05M9OP001-1.003-0001"),
        ("finansowanie FAMI/15.03.02.", "pl", "FAMI/15.03.02"),
        ("PL/2016/PR/0101", "pl", "PL/2016/PR/0101"),
        ("HOME/2014/AMIF/AG/INTE/7311", "en", "HOME/2014/AMIF/AG/INTE/7311"),
        ("call AMIF-2018-AG-INTE.", "en", "AMIF-2018-AG-INTE"),
        ("grant agreement no. 101038330", "en", "101038330"),
        ("Projekt-Nr. 2020-1-DE02", "de", "2020-1-DE02"),
        ("umowa nr 12/2020", "pl", "12/2020"),
        ("č. smlouvy: CZ.03.2.63/0.0/0.0/15_007/0000123", "cs", "CZ.03.2.63/0.0/0.0/15_007/0000123"),
        ("proiectul, cod MySMIS 271452, este", "ro", "271452"),  # Romania's code of an EU-funded project
    ],
)
def test_identifiers(text: str, lang: str, value: str) -> None:
    found = identifiers.find(text, lang)
    assert [m.value for m in found] == [value]
    assert text[found[0].start:found[0].end] == value


def test_contract_date_after_slash_is_split_off() -> None:
    text = "договор № ЕБФ01-11845/12.12.2013 г."
    (m,) = identifiers.find(text, "bg")
    assert m.value == "ЕБФ01-11845" and m.extra["dated"] == "2013-12-12"
    assert text[m.start:m.end] == "ЕБФ01-11845"


@pytest.mark.parametrize(
    "text",
    ["COVID-19 cases", "on 1.12.2010", "https://x.example.eu/AB-12-34-56", "project partners", "the project 2020",
     "Regulation (EU) 2016/679", "tel. +48 22 621 51 65", "PL50109010140000000012345678"],
)
def test_not_identifiers(text: str) -> None:
    assert identifiers.find(text, "en") == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_and_offsets_hold(text: str) -> None:
    for m in identifiers.find(text, None):
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.value
