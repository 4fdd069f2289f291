"""Cue lexicons: coverage of every language, the loader, status matching."""
from __future__ import annotations

import pytest

from integraph.errors import UsageError
from integraph.gazetteer import LANGS
from integraph.gazetteer.cues import cues, field_labels, find, match_status, names

FIELDS = {"title", "partners", "lead", "funder", "period", "amount", "grant_id", "person_role", "place", "outputs", "website"}


def test_every_list_covers_every_language():
    for name in names():
        for lang in LANGS:
            assert cues(name, lang), (name, lang)
    assert set(field_labels("pl")) == FIELDS


def test_entries_are_lower_case_surface_forms():
    for name in names():
        for item in cues(name, None):
            assert item == item.lower() and item.strip() == item, (name, item)


def test_loader():
    assert "partnerzy" in cues("field_labels.partners", "pl")
    assert cues("partners", "pl") == cues("field_labels.partners", "pl")
    assert "grantodawca" in cues("funder", "pl")
    assert "в партньорство с" in cues("cooperation", None)
    assert cues("project_words", "xx") == []
    with pytest.raises(UsageError):
        cues("no_such_list", "en")


STATUS = [  # (lang, text, [(status, cue)])
    ("bg", "Проектът приключи през 2022 г. ЦИИ изпълнява нов проект, а друг предстои.", [("completed", "приключи"), ("ongoing", "изпълнява"), ("planned", "предстои")]),
    ("cs", "Projekt byl ukončen. Další projekt probíhá.", [("completed", "ukončen"), ("ongoing", "probíhá")]),
    ("de", "Das Projekt ist abgeschlossen; ein weiteres ist geplant.", [("completed", "ist abgeschlossen"), ("planned", "geplant")]),
    ("en", "The project was completed in 2020; a follow-up is in progress.", [("completed", "was completed"), ("ongoing", "in progress")]),
    ("es", "El proyecto ha finalizado y otro está en curso.", [("completed", "finalizado"), ("ongoing", "en curso")]),
    ("fr", "Le projet s'est terminé en 2021. Un autre est en cours.", [("completed", "s'est terminé"), ("ongoing", "en cours")]),
    ("it", "Il progetto si è concluso; un altro è in corso.", [("completed", "si è concluso"), ("ongoing", "è in corso")]),
    ("pl", "Projekt zakończył się w 2012 r. Nowy rozpocznie się w maju, a trzeci jest realizowany.", [("completed", "zakończył się"), ("planned", "rozpocznie się"), ("ongoing", "jest realizowany")]),
]


@pytest.mark.parametrize("lang,text,expected", sorted(STATUS))
def test_match_status(lang, text, expected):
    assert [(m.value, text[m.start:m.end]) for m in match_status(text, lang)] == expected


def test_status_is_surface_only():
    # "zakończy się" (will end) must not be read as "zakończył się" (ended)
    assert [m.value for m in match_status("Projekt zakończy się w 2025 r.", "pl")] == []


def test_cue_find_is_scoped_to_the_language():
    text = "ЦИИ изпълнява проект в партньорство с ЦМП"
    (m,) = find("cooperation", text, "bg")
    assert text[m.start:m.end] == "в партньорство с"
    assert find("cooperation", "in partnership with X", "bg") == []
