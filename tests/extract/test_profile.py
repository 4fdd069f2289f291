"""Organisation profiles: the country a legal form, the document's places or a name's nationality say."""
from __future__ import annotations

from integraph.extract import extract
from integraph.gazetteer.countries import nationality
from integraph.gazetteer.orgs import legal_form_countries as form_countries
from integraph.model import Document


def _doc(text: str, lang: str) -> Document:
    return Document(id="d" * 64, source="t.txt", media_type="text/plain", text=text, original=text.encode(),
                    language=lang)


def _countries(text: str, lang: str) -> dict[str, set[str]]:
    sts = extract(_doc(text, lang))
    names = {s.entity: s.value for s in sts if s.prop == "name" and s.schema == "Organisation"}
    out: dict[str, set[str]] = {}
    for s in sts:
        if s.schema == "Organisation" and s.prop == "country":
            out.setdefault(names[s.entity], set()).add(s.value)
    return out


def test_a_legal_form_of_one_country_places_the_organisation():
    assert form_countries("Kulttuurisilta ry") == ("FI",)
    assert form_countries("Centrum Spolu, o. z.") == ("SK",)
    assert form_countries("MTÜ Piirideta Kogukond") == ("EE",)
    assert form_countries("Samen Thuis vzw") == ("BE",)
    assert form_countries("Brücken") == ()
    assert form_countries("Fundacja Most Kultur") == ()


def test_an_adjective_of_nationality_opens_a_name():
    assert nationality("Rumuński", "pl") == "RO"
    assert nationality("Deutsches", "de") == "DE"
    assert nationality("Stowarzyszenie", "pl") is None


def test_towns_of_a_dutch_text_say_belgium_for_its_public_bodies():
    text = ("Het Agentschap Integratie en Inburgering opent een nieuw kantoor in Gent. "
            "De Stad Gent en vzw Samen betalen de huur samen; de opening in Gent is op 3 maart.")
    got = _countries(text, "nl")
    assert got.get("Agentschap Integratie en Inburgering") == {"BE"}


def test_a_foreign_legal_form_overrides_the_language_of_the_text():
    text = "Η Verein Brücken e.V. συνεργάζεται με την Αστική Μη Κερδοσκοπική Εταιρεία Γέφυρα στη Θεσσαλονίκη."
    got = _countries(text, "el")
    assert got.get("Verein Brücken e.V.") == {"DE"}


def _facts(text: str, lang: str, prop: str) -> dict[str, set[str]]:
    sts = extract(_doc(text, lang))
    names = {s.entity: s.value for s in sts if s.prop == "name" and s.schema == "Organisation"}
    out: dict[str, set[str]] = {}
    for s in sts:
        if s.schema == "Organisation" and s.prop == prop:
            assert text[s.span.start:s.span.end]  # every fact on a span
            out.setdefault(names[s.entity], set()).add(s.value)
    return out


def test_a_founding_year_before_the_verb_in_head_final_clauses():
    text = "Der Verein Lichtblick Hamburg e.V. wurde 1992 gegründet und berät geflüchtete Familien."
    assert _facts(text, "de", "founded") == {"Verein Lichtblick Hamburg e.V.": {"1992"}}
    text = "A Napfény Alapítványt 2011-ben hozták létre Szegeden; jelenleg 18 munkatársa van."
    founded = _facts(text, "hu", "founded")  # the name as it stands, in the accusative
    assert list(founded.values()) == [{"2011"}] and next(iter(founded)).startswith("Napfény Alapítvány")


def test_a_year_after_the_cue_still_wins_and_a_clause_break_stops_the_look_back():
    text = "Im Jahr 2010, so der Bericht, wurde der Verein Lichtblick e.V. in Bremen gegründet."
    assert _facts(text, "de", "founded") == {}


def test_an_opening_founding_phrase_describes_the_name_after_its_comma():
    text = "Créée à Lyon en 2003, l'Association Passerelles Lyon accompagne les personnes réfugiées."
    assert _facts(text, "fr", "founded") == {"Association Passerelles Lyon": {"2003"}}


def test_a_staff_count_after_the_cue():
    text = "The Harbour Welcome Association has a staff of 14 people and 60 volunteers."
    assert _facts(text, "en", "staff") == {"Harbour Welcome Association": {"14"}}
    text = "The Harbour Welcome Association has grown; its staff 2024 plan is new."
    assert _facts(text, "en", "staff") == {}


def test_a_former_name_given_with_the_founding_is_a_name_of_the_organisation():
    text = ("Fundacja Nowy Dom pomaga cudzoziemcom. Fundacja Nowy Dom została założona w 2004 r. "
            "pod nazwą Stowarzyszenie Przystań Kraków.")
    sts = extract(_doc(text, "pl"))
    names: dict[str, set[str]] = {}
    for s in sts:
        if s.schema == "Organisation" and s.prop == "name":
            names.setdefault(s.entity, set()).add(s.value)
    assert any({"Fundacja Nowy Dom", "Stowarzyszenie Przystań Kraków"} <= ns for ns in names.values())


def test_a_count_of_the_people_a_service_is_for_is_no_staff():
    text = "The Harbour Welcome Association runs joint training for 120 municipal staff and employs 14 people."
    assert _facts(text, "en", "staff") == {"Harbour Welcome Association": {"14"}}


def test_a_department_count_is_not_the_organisations_headcount():
    text = ("The Harbour Welcome Association employs 14 people.\n\n"
            "Legal counselling – 3 employees (head: Ann Byrne).\n\nThe Harbour Welcome Association has 6 employees in its integration team.")
    assert _facts(text, "en", "staff") == {"Harbour Welcome Association": {"14"}}


def test_a_place_in_a_quoted_project_title_is_not_where_the_organisation_was_founded():
    text = ("Asociația Punți Vestice a fost înființată în anul 2013 și a implementat proiectul „Prima casă în Helsinki”, "
            "în parteneriat cu Municipiul Arad.")
    countries = _facts(text, "ro", "country")
    assert countries and all(c == {"RO"} for c in countries.values())
