"""Organisation words (legal forms, institutions) and international bodies."""
from __future__ import annotations

import pytest

from integraph.gazetteer import load_data
from integraph.gazetteer.orgs import KINDS, find_international, institution_word, international, legal_form

FORMS = [  # (lang, word or name, kind)
    ("bg", "Фондация", "foundation"),
    ("bg", "Фондацията", "foundation"),
    ("bg", "Сдружение за интеграция", "association"),
    ("bg", "Министерство на вътрешните работи", "public"),
    ("bg", "Българска академия на науките", "academic"),
    ("cs", "Ministerstvo vnitra", "public"),
    ("cs", "Sdružení pro integraci a migraci, z. s.", "association"),
    ("cs", "Centrum pro integraci cizinců, o.p.s.", "ngo"),
    ("cs", "Nadace Open Society Fund", "foundation"),
    ("de", "Flüchtlingsrat Niedersachsen e.V.", "association"),
    ("de", "Caritasverband gGmbH", "ngo"),
    ("de", "Bundesamt für Migration und Flüchtlinge", "public"),
    ("en", "Migration Policy Institute", "academic"),
    ("es", "Fundación Cepaim", "foundation"),
    ("et", "MTÜ Eesti Pagulasabi", "association"),
    ("et", "SA Innove", "foundation"),
    ("lt", "VšĮ Diversity Development Group", "ngo"),
    ("fi", "Helsingin Diakonissalaitos ry", "association"),
    ("fr", "Association France terre d'asile", "association"),
    ("it", "Associazione per gli Studi Giuridici sull'Immigrazione", "association"),
    ("it", "Cooperativa sociale onlus", "ngo"),
    ("nl", "Stichting Vluchtelingenwerk", "foundation"),
    ("pl", "Fundacji", "foundation"),
    ("pl", "Stowarzyszenia", "association"),
    ("pl", "Stowarzyszenie Interwencji Prawnej", "association"),
    ("pl", "Mazowiecki Urząd Wojewódzki", "public"),
    ("pl", "Uniwersytetu Warszawskiego", "academic"),
    ("pl", "Międzynarodową Organizację do spraw Migracji", "international"),
    ("pl", "Polskie Forum Migracyjne", "network"),
    ("ro", "Asociația Română pentru Promovarea Sănătății", "association"),
    ("sv", "Stiftelsen Expo", "foundation"),
    ("cs", "Strojírny Brno, a. s.", "company"),
    ("hr", "Hrvatski zavod za zapošljavanje", "public"),
]


@pytest.mark.parametrize("lang,name,kind", sorted(FORMS))
def test_legal_form(lang, name, kind):
    assert legal_form(name, lang) == kind


@pytest.mark.parametrize("lang,name", [("pl", "Jan Kowalski"), ("en", "Dove"), ("cs", "Spolu a lépe"), ("de", "Hamburg"),
                                       ("pt", "Levámos para Maribor as"),  # 'a.s.' is a legal form only with its dots
                                       ("en", "There was no")])
def test_no_legal_form(lang, name):
    assert legal_form(name, lang) is None


def test_centre_is_an_institution_without_a_kind():
    assert legal_form("Център за Имиграция и Интеграция", "bg") is None
    assert institution_word("Център за Имиграция и Интеграция", "bg") == "centre"
    assert legal_form("Centrum Pomocy Prawnej Fundacja", "pl") == "foundation"


def test_without_language_surface_forms_still_work():
    assert legal_form("Stiftung Mercator", None) == "foundation"
    assert legal_form("Verein e.V.", None) == "association"


def test_every_word_group_has_a_known_kind():
    data = load_data("lexicon/org_words.json")
    for group in data["words"]:
        assert group in KINDS or group in data["kind_of_group"]
    for kind in data["suffixes"]:
        assert kind in KINDS
    assert len(data["words"]["foundation"]) >= 26


INTERNATIONAL = [  # (lang, text, [keys])
    ("bg", "с подкрепата на Международната организация по миграция (МОМ) и ВКБООН", ["iom", "iom", "unhcr"]),
    ("cs", "delegátem v rámci DG Home; Evropským hospodářským a sociálním výborem; Rada Evropy", ["dg-home", "eesc", "coe"]),
    ("de", "Europarat und Internationale Organisation für Migration", ["coe", "iom"]),
    ("en", "with IOM, UNHCR and the Council of Europe", ["iom", "unhcr", "coe"]),
    ("fr", "le Conseil de l'Europe et l'OCDE", ["coe", "oecd"]),
    ("pl", "przez Radę Europy oraz Międzynarodową Organizację do spraw Migracji (IOM)", ["coe", "iom", "iom"]),
    ("pl", "Komisja Europejska i Parlament Europejski", ["ec", "ep"]),
]


@pytest.mark.parametrize("lang,text,keys", sorted(INTERNATIONAL))
def test_find_international(lang, text, keys):
    assert [m.value for m in find_international(text, lang)] == keys


def test_international_records():
    assert international("iom")["kind"] == "international"
    assert international("ecre")["kind"] == "network"
    assert international("nope") is None
    (m,) = find_international("z UNHCR", "pl")
    assert m.extra["kind"] == "international"


def test_scoped_acronyms_stay_in_their_language():
    assert find_international("ANO 2011", "cs") == []  # Latvian ANO (UN) is not Czech 'ANO'
    assert [m.value for m in find_international("ANO", "lv")] == ["un"]
