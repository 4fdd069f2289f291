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
