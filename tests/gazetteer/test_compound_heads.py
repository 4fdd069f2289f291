"""One-word names of bodies that end in an institution word (data/lexicon/org_words.json "compound_heads")."""
from __future__ import annotations

import pytest

from integraph.extract.org_name_words import compound_kind


@pytest.mark.parametrize("lang, word, kind", [
    ("da", "Erhvervsskole", "academic"), ("da", "Aarhusbibliotekerne", "public"), ("da", "Erhvervsstyrelsen", "public"),
    ("sv", "Yrkeshögskolan", "academic"), ("et", "Töötukassa", "public"), ("fi", "Kaupunginkirjasto", "public"),
])
def test_a_compound_ending_in_an_institution_word_names_a_body(lang, word, kind):
    assert compound_kind(word, lang) == kind


@pytest.mark.parametrize("lang, word", [("da", "Skolen"), ("et", "Kassa"), ("fi", "Kirjasto"), ("da", "Bibliotek")])
def test_the_institution_word_alone_is_no_name(lang, word):
    assert compound_kind(word, lang) is None  # at least four letters must stand before the head
