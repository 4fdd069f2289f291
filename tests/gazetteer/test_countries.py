"""Countries: translated names, inflected forms, the exceptions table, false positives."""
from __future__ import annotations

import pytest

from integraph.gazetteer import countries

CASES = [  # (lang, text, ISO codes in order)
    ("bg", "партньори от България, Румъния и Швеция", ["BG", "RO", "SE"]),
    ("bg", "в Германия и Франция", ["DE", "FR"]),
    ("cs", "ČR se zapojuje; Účast České republiky; v České republice; Česko; Česká republika", ["CZ"] * 5),
    ("cs", "delegáti z Německa a Rakouska", ["DE", "AT"]),
    ("de", "Projekte in Deutschland, Österreich und der Schweiz", ["DE", "AT", "CH"]),
    ("en", "Partners from Romania, Spain and the Czech Republic", ["RO", "ES", "CZ"]),
    ("es", "socios de España, Francia e Italia", ["ES", "FR", "IT"]),
    ("hr", "partneri iz Hrvatske i Njemačke", ["HR", "DE"]),
    ("hu", "Magyarországon és Ausztriában", ["HU", "AT"]),
    ("ru", "беженцы из Украины в Германии", ["UA", "DE"]),
    ("fr", "en France, en Belgique et aux Pays-Bas", ["FR", "BE", "NL"]),
    ("it", "in Italia e in Grecia", ["IT", "GR"]),
    ("pl", "z Rumunii, Hiszpanii, Szwecji, Polski, Włoch, Łotwy i Estonii", ["RO", "ES", "SE", "PL", "IT", "LV", "EE"]),
    ("pl", "Francja, Niemcy, Włochy, Belgia, Hiszpania, Węgry, Czechy oraz Polska", ["FR", "DE", "IT", "BE", "ES", "HU", "CZ", "PL"]),
    ("pl", "w Polsce i we Francji", ["PL", "FR"]),
    ("pl", "wróciła do Polski w maju", ["PL"]),
    ("ro", "în România și Republica Moldova", ["RO", "MD"]),
    ("sk", "na Slovensku a v Česku", ["SK", "CZ"]),
]


@pytest.mark.parametrize("lang,text,codes", sorted(CASES))
def test_country_mentions(lang, text, codes):
    assert [m.value for m in countries.find(text, lang)] == codes


NOT_COUNTRIES = [
    ("pl", "Polski Czerwony Krzyż i język polski; Polskiej Akademii Nauk"),  # adjectives
    ("pl", "Włoch Marco Rossi przyjechał."),  # 'an Italian', no country context
    ("pl", "Europa, Unia Europejska, UE, kraje EU"),
    ("bg", "Европа и Европейският съюз"),
    ("cs", "České dráhy a český jazyk"),
    ("hr", "sjednica Hrvatske vlade"),  # genitive of Hrvatska = the adjective
    ("en", "The EU and Europe. PL DE FR IT are codes. Chad Smith played."),
    ("de", "Die EU, Europa und der Europarat."),
    ("en", "turkey for dinner and a jersey"),
]


@pytest.mark.parametrize("lang,text", NOT_COUNTRIES)
def test_false_positives(lang, text):
    assert countries.find(text, lang) == []


def test_abbreviations_only_in_their_language():
    assert [m.value for m in countries.find("delegát ČR", "cs")] == ["CZ"]
    assert countries.find("ČR", "pl") == []
    assert [m.value for m in countries.find("v SRN", "cs")] == ["DE"]


def test_offsets_are_exact():
    text = "we współpracy z partnerami w Polsce."
    (m,) = countries.find(text, "pl")
    assert text[m.start:m.end] == "Polsce"


def test_country_name():
    assert countries.country_name("PL", "pl") == "Polska"
    assert countries.country_name("cz", "cs") == "Česko"
    assert countries.country_name("BG", "bg") == "България"
    assert countries.country_name("XK", "pl") == "Kosowo"
    assert countries.get("DE")["alpha_3"] == "DEU"
    with pytest.raises(KeyError):
        countries.country_name("QQ")


def _seed(shared_dir, prefix):
    return next((shared_dir / "seeds").glob(prefix + "_*")).read_text("utf-8")


def test_seed_003_partner_countries(shared_dir):
    found = {m.value for m in countries.find(_seed(shared_dir, "003"), "pl")}
    assert {"RO", "ES", "SE", "PL", "IT", "LV", "EE"} <= found


def test_seed_002_countries(shared_dir):
    found = {m.value for m in countries.find(_seed(shared_dir, "002"), "pl")}
    assert {"FR", "DE", "IT", "BE", "ES", "HU", "CZ", "PL"} <= found
    assert found <= {"FR", "DE", "IT", "BE", "ES", "HU", "CZ", "PL"}


def test_seed_004_czechia(shared_dir):
    found = [m.value for m in countries.find(_seed(shared_dir, "004"), "cs")]
    assert found and set(found) == {"CZ"}
