from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from integraph.resolve.translit import bulgarian_to_latin, to_latin


@pytest.mark.parametrize("cyrillic, latin", [
    ("София", "sofia"),  # word-final -ия → ia
    ("Щастливо Юношество", "shtastlivo yunoshestvo"),  # щ → sht, ю → yu
    ("Център", "tsentar"),  # ц → ts, ъ → a
    ("Жълта Къща", "zhalta kashta"),
    ("Хасково", "haskovo"),
    ("Мирослав Йорданов", "miroslav yordanov"),
])
def test_bulgarian_streamlined_system(cyrillic: str, latin: str) -> None:
    assert bulgarian_to_latin(cyrillic) == latin
    assert to_latin(cyrillic, "bg") == latin


def test_other_scripts_go_through_anyascii() -> None:
    assert to_latin("Общество помощи", "ru") == "obshchestvo pomoshchi"
    assert to_latin("Συμβούλιο", "el") == "symvoulio"  # ου is one sound in ELOT 743
    assert to_latin("Fundacja", "pl") == "fundacja"


@given(st.text(alphabet="абвгдежзийклмнопрстуфхцчшщъьюя ", max_size=40))
def test_bulgarian_output_is_plain_latin(text: str) -> None:
    out = bulgarian_to_latin(text)
    assert out.isascii()
    assert len(out) >= len(text.replace("ия", "и"))  # never drops a letter
