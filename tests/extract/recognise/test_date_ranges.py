"""Two dates made one period by the words around them: range openers, "between … and …", a dotted year."""
from __future__ import annotations

import pytest

from integraph.extract.recognise import dates


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("Duración: del 1 de marzo de 2024 al 28 de febrero de 2027", "es", ("2024-03-01", "2027-02-28")),
        ("que se desarrolla entre abril de 2025 y marzo de 2026 en el barrio", "es", ("2025-04", "2026-03")),
        ("Trajanje: 1. siječnja 2024. – 31. prosinca 2026.", "hr", ("2024-01-01", "2026-12-31")),
        ("between May 2019 and June 2021", "en", ("2019-05", "2021-06")),
        ("Az alapítvány 2019 és 2021 között a Menekültügyi", "hu", ("2019", "2021")),
        ("between 2019 and 2021", "en", ("2019", "2021")),
        ("hankkeen vuosien 2019 ja 2021 välillä", "fi", ("2019", "2021")),
    ],
)
def test_periods_from_the_words_around(text: str, lang: str, value: tuple[str, str]) -> None:
    found = dates.find(text, lang)
    assert [(m.kind, m.value) for m in found] == [("period", value)]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("in May 2019 and June 2021", "en"),  # two dates, no "between"
        ("in 2019 and 2021", "en"),
        ("datos al 31 de diciembre de 2024 y al 31 de marzo de 2025", "es"),
        ("between 2021 and 2019", "en"),  # backwards
    ],
)
def test_no_period_without_range_words(text: str, lang: str) -> None:
    assert all(m.kind == "date" for m in dates.find(text, lang))
