from __future__ import annotations

from integraph.search.thesaurus import load
from integraph.search.translit import to_latin

REQUIRED = {"en", "bg", "pl", "cs", "de", "fr", "es", "it", "el", "ro", "hu", "nl"}


def test_thesaurus_covers_enough_concepts_and_languages():
    t = load()
    assert len(t.concepts) >= 60
    for c in t.concepts.values():
        missing = REQUIRED - set(c.terms)
        assert not missing, (c.id, missing)


def test_inflected_text_matches_concept():
    t = load()
    from integraph.textutil import lemmatise

    words = lemmatise("Oferujemy e-usługi dla cudzoziemców", "pl").split()
    assert "e-services" in t.concepts_in(words, "pl")


def test_bulgarian_streamlined_transliteration():
    assert to_latin("София") == "Sofia"
    assert to_latin("Център за Имиграция") == "Tsentar za Imigratsia"
    assert to_latin("Щастливо Юношество") == "Shtastlivo Yunoshestvo"
    assert to_latin("Αθήνα") == "Athina"
    assert to_latin("Riga") == "Riga"
