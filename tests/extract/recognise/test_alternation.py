"""alternation.by_first_char: the regrouped alternation matches exactly what the one it replaces matches."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from integraph.extract.recognise import contacts, identifiers, registry
from integraph.extract.recognise.alternation import by_first_char, split_top_level
from integraph.extract.recognise.currencies import CURRENCIES, EXACT, KRONE_WORDS, SCALES

# letters that share a first character, differ only in case, or that IGNORECASE folds together
LETTERS = "aAbBkKsſ.čČ€$ -"
WORD = st.text(alphabet=LETTERS, min_size=1, max_size=5)
TEXT = st.text(alphabet=LETTERS + "xX\n", max_size=60)

# the recognisers' own word lists, each with the flag it is matched under
LISTS = [
    (identifiers.STRONG, True), (identifiers.WEAK, True), (registry._LABELS, True), (contacts.PHONE_WORDS, True),
    ("|".join(sorted(CURRENCIES, key=len, reverse=True)), True), (KRONE_WORDS, True),
    ("|".join(sorted(SCALES, key=len, reverse=True)), True), ("|".join(sorted(EXACT, key=len, reverse=True)), False),
]
SAMPLES = [
    "grant agreement no. 2020-1, Projektnummer: AB12, umowa nr 12/2020, ДОГОВОР № BG05, contract 44",
    "KRS 0000240024 NIP 526-10-44-039, IČO 12345678, ЕИК 123456789, USt-IdNr. DE123456789, P. IVA 01234567890",
    "5 mln zł, 1 200 EUR, 3 RSD, 4 RUB, 9 RON, € 3.000, 4 kr., 10 tys. złotych, US$ 5, 7 mil. eur, 2 kroner, 12 Ft, 3 kn, 500 лв.",
    "Tel.: +48 22 123 45 67, tel 0048 123, Telefon 089 123, τηλ. 210 123 4567, ☎ 01 234 5678, fax/ 0 12",
]


def _spans(pattern: str, flags: int, text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in re.finditer(pattern, text, flags)]


def test_split_top_level_keeps_groups_and_classes_whole() -> None:
    assert split_top_level(r"a(?:b|c)|[|]d|e\|f|g") == ["a(?:b|c)", "[|]d", r"e\|f", "g"]
    assert split_top_level(r"[]|]x|y") == ["[]|]x", "y"]


def test_words_sharing_letters_are_grouped_in_their_order() -> None:
    assert by_first_char("grant agreement|grant|project") == "g(?:r(?:a(?:n(?:t(?: agreement|)))))|project"
    assert by_first_char("Tel|tel|fax", caseless=True) == "T(?:e(?:l(?:|)))|fax"
    assert by_first_char("Tel|tel|fax") == "Tel|tel|fax"  # case-sensitive: two first characters


def test_what_cannot_be_vouched_for_is_left_as_it_is() -> None:
    for source in (r"a?b|ac", r"(ab)|ac", r"(?P<x>a)|ab", r"\d+|1a", r"[ab]c|ad", r"(?:a|b)|ac", "ab"):
        assert by_first_char(source) == source
    assert by_first_char("sa|ſb", caseless=True) == "sa|ſb"  # IGNORECASE takes 'ſ' for 's'
    assert by_first_char("ka|\u212ab", caseless=True) == "k(?:a|b)"  # the Kelvin sign is a 'k' in lower case


def test_the_recognisers_word_lists_match_the_same() -> None:
    for source, caseless in LISTS:
        grouped = by_first_char(source, caseless)
        assert grouped != source  # each list gains something
        flags = re.IGNORECASE if caseless else 0
        for text in SAMPLES:
            for wrap in (r"(?<!\w)(?P<w>{})(?!\w)", r"(?P<w>{})"):
                assert _spans(wrap.format(grouped), flags, text) == _spans(wrap.format(source), flags, text)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(WORD, min_size=2, max_size=8), text=TEXT, caseless=st.booleans())
def test_any_word_list_matches_the_same(words: list[str], text: str, caseless: bool) -> None:
    source = "|".join(map(re.escape, words))
    flags = re.IGNORECASE if caseless else 0
    grouped = by_first_char(source, caseless)
    for wrap in (r"(?P<w>{})", r"(?P<w>{})(?!\w)", r"(?:{})x"):
        assert _spans(wrap.format(grouped), flags, text) == _spans(wrap.format(source), flags, text), grouped
