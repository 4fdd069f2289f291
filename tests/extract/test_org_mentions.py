"""Organisation mentions on sentences we wrote, in several languages (case table)."""
from __future__ import annotations

import pytest

from integraph.extract import acronyms
from integraph.extract.acronyms import initials, match_initials
from integraph.extract.orgs import OrgFinder
from integraph.gazetteer import orgs

CASES = [
    ("bg", "Сдружение „Нов дом“ работи с Община Пловдив и Пловдивски университет „Паисий Хилендарски“.",
     ["Сдружение „Нов дом“", "Община Пловдив", "Пловдивски университет „Паисий Хилендарски“"]),
    ("bg", "Центърът за развитие на общности съвместно с партньори започва работа.",
     ["Центърът за развитие на общности"]),
    ("pl", "partnerzy: Gmina Miejska Kraków, Mazowiecki Urząd Wojewódzki i Stowarzyszenie Pomocy Prawnej",
     ["Gmina Miejska Kraków", "Mazowiecki Urząd Wojewódzki", "Stowarzyszenie Pomocy Prawnej"]),
    ("pl", "Fundacja Wspólna Droga realizuje projekt.", ["Fundacja Wspólna Droga"]),
    # an adjective before the head in an oblique case ('of the Municipal Centre …')
    ("pl", "we współpracy z Miejskiego Ośrodka Pomocy Rodzinie", ["Miejskiego Ośrodka Pomocy Rodzinie"]),
    ("cs", "Spolek Otevřené dveře, z. s. spolupracuje s Ministerstvem vnitra.", None),
    ("de", "Der Verein Brücken e.V. arbeitet in 12 Städten.", ["Verein Brücken e.V."]),
    ("it", "Il Comune di Bologna partecipa al progetto.", ["Comune di Bologna"]),
    ("hu", "A Nyitott Ajtó Egyesület és a Józsefvárosi Önkormányzat közösen dolgozik.",
     ["Nyitott Ajtó Egyesület", "Józsefvárosi Önkormányzat"]),
    # a short lower-case legal form closes a name even first on its line, and a heading above is not in it
    ("fi", "Monikulttuurinen Talo ry – vuosikertomus 2025", ["Monikulttuurinen Talo ry"]),
    ("nl", "Partners\n\nWelkom Thuis vzw · Gent", ["Welkom Thuis vzw"]),
    # a legal form after a comma closes the name; a town after a comma does not
    ("sk", "Projekt vedie Centrum Spolu, o. z., v Bratislave.", ["Centrum Spolu, o. z."]),
    ("cs", "Nadace Bez hranic, Brno a Spolek Most, z. s. a další", ["Nadace Bez hranic", "Spolek Most, z. s."]),
    # Slovene 'in' (and) inside a body's lower-case tail, up to the bracket; not across a verb clause
    ("sl", "Urad za oskrbo in integracijo migrantov (UOIM) je objavil razpis.",
     ["Urad za oskrbo in integracijo migrantov"]),
    ("sl", "Ministrstvo za delo in sociale je danes objavilo razpis za tri projekte.", ["Ministrstvo za delo"]),
    # … up to a preposition that opens the next phrase
    ("sl", "Projekt je financiral Urad za oskrbo in integracijo migrantov iz Sklada za azil.",
     ["Urad za oskrbo in integracijo migrantov"]),
    # one-word compound names of bodies, with a coordinated first part
    ("da", "Finansiering: Udlændinge- og Integrationsministeriet og Erhvervsstyrelsen.",
     ["Udlændinge- og Integrationsministeriet", "Erhvervsstyrelsen"]),
    ("da", "Ansvarlig: kommunen, By- og Kulturforvaltningen", ["By- og Kulturforvaltningen"]),
    # an English name inside a Danish sentence is head-final and ends before the Danish 'og'
    ("da", "Vi samarbejder med VIA University College og kommunen.", ["VIA University College"]),
    # a ministry's portfolio listed with commas; not a list of other bodies
    ("es", "a través del Ministerio de Inclusión, Seguridad Social y Migraciones.",
     ["Ministerio de Inclusión, Seguridad Social y Migraciones"]),
    # a name never spans lines, nor runs into an article phrase or the project
    ("hu", "Kapcsolat\n\nHídfő Alapítvány", ["Hídfő Alapítvány"]),
    ("el", "το Υπουργείο Μετανάστευσης και Ασύλου για το πρόγραμμα", ["Υπουργείο Μετανάστευσης και Ασύλου"]),
    ("sv", "Migrationsverket för projektet Trygg start", ["Migrationsverket"]),
    # Maltese articles joined to the next word; a two-word legal form heading the name
    ("mt", "il-Kunsill Lokali tal-Ħamrun u l-Kunsill Lokali tal-Marsa", ["Kunsill Lokali tal-Ħamrun", "Kunsill Lokali tal-Marsa"]),
    ("it", "la Cooperativa sociale Filo Comune ha concluso", ["Cooperativa sociale Filo Comune"]),
    ("mt", "flimkien mal-Assoċjazzjoni Id f'Id u oħrajn", ["Assoċjazzjoni Id f'Id"]),
    # a subtitle after a dash is part of a name; a document's title with its year is not
    ("sv", "Föreningen Gemensam Grund – Verksamhetsberättelse 2025", ["Föreningen Gemensam Grund"]),
    ("cs", "Za spolek hovořila Spolek Domov pro všechny – Olena Kovalenko.", ["Spolek Domov pro všechny"]),
    # a verb after the name is not a lower-case word of it
    ("pl", "Rada Gminy Wiślica uchwala, co następuje:", ["Rada Gminy Wiślica"]),
    ("bg", "Фондация Мост – Знание и развитие изпълнява проекта.", ["Фондация Мост – Знание и развитие"]),
    # a short name and a dash before a plain head ('centre') belong to the name; an article does not
    ("el", "Η Πυξίδα – Κέντρο Ένταξης Μεταναστών συνεχίζει", ["Πυξίδα – Κέντρο Ένταξης Μεταναστών"]),
    ("de", "Das Aachener Netzwerk Neue Nachbarn e. V. lädt ein.", ["Aachener Netzwerk Neue Nachbarn e. V."]),
    # a preposition before a capital runs on ("of Zagreb", "without Borders"); before a lower-case word it stops
    ("hr", "Partner je Sveučilište u Zagrebu, a Grad Split u suradnji s udrugama.", ["Sveučilište u Zagrebu", "Grad Split"]),
    ("ro", "Parteneri: Universitatea de Vest din Timișoara.", ["Universitatea de Vest din Timișoara"]),
    ("da", "Partnere: Foreningen Venner uden Grænser Aalborg", ["Foreningen Venner uden Grænser Aalborg"]),
    ("sv", "Föreningen Kompis till Kompis Malmö ordnar kurser.", ["Föreningen Kompis till Kompis Malmö"]),
    # a two-word institution phrase heads a name though neither word alone would; alone it is no name
    ("pt", "em parceria com a Câmara Municipal do Porto, continua", ["Câmara Municipal do Porto"]),
    ("en", "Type of organisation | Non-governmental organisation", []),
    # English capitalises a name's words: a lower-case head is a label or a description
    ("en", "National agency | Léargas (IE01)", []),
    # the lexicon's centres and committees head names too; a word they fold to does not ('Řada' is a row)
    ("cs", "Projekt „Čeština pro rodiče“ (Poradna Kompas)", ["Poradna Kompas"]),
    ("cs", "Řada aktérů se zapojila.", []),
    # a Baltic lower-case head takes a person's name in the genitive before it
    ("lt", "Partneris – Mykolo Romerio universitetas", ["Mykolo Romerio universitetas"]),
]


@pytest.mark.parametrize("lang,text,expected", CASES)
def test_names_headed_by_legal_form_or_institution_word(lang, text, expected):
    found = [o.name for o in OrgFinder(text, lang, orgs.legal_form, []).headed(0, len(text))]
    if expected is None:  # only check that no verb was swallowed into a name
        assert not any("spolupracuje" in n for n in found)
        assert any(n.startswith("Spolek Otevřené") for n in found)
    else:
        assert found == expected


def test_a_document_heading_is_not_an_organisation():
    text = "Dane fundacji\n\nPrzychody fundacji wyniosły 100 000 zł."
    assert OrgFinder(text, "pl", orgs.legal_form, []).headed(0, len(text)) == []


def test_acronyms_defined_in_brackets_find_their_long_form():
    text = "Projekt prowadzi Asociación Ciudades Interculturales (ACI) z Hiszpanii."
    found = acronyms.defined(OrgFinder(text, "pl", orgs.legal_form, []), 0, len(text))
    assert [(acr, text[a:b]) for acr, a, b, _, _ in found] == [("ACI", "Asociación Ciudades Interculturales")]


def test_undefined_acronyms_are_matched_by_initials_skipping_function_words():
    assert initials("Център за Развитие на Общности".split()) == "ЦРО"
    names = ["Център за Развитие на Общности", "Фондация Отворени Врати"]
    assert match_initials("ЦРО", names) == "Център за Развитие на Общности"
    assert match_initials("XYZ", names) is None


def test_a_name_ending_in_lower_case_words_is_taken_whole_where_it_stands_alone():
    from integraph.convert import to_document
    from integraph.extract import extract

    text = ("# Podporené projekty\n\nPrijímateľ: Nadácia Zelený most\n\n"
            "Nadácia Zelený most bude v Trnave poskytovať poradenstvo cudzincom. "
            "Nadácia Zelený most spolupracuje s mestom.\n")
    doc = to_document(text.encode(), "projekty.md")
    names = [s.value for s in extract(doc) if s.schema == "Organisation" and s.prop == "name"]
    assert "Nadácia Zelený most" in names
    assert "Nadácia Zelený" not in names  # the capitalised run alone would cut the name
    assert not any("bude" in n or "spolupracuje" in n for n in names)  # words after it are not the name


def _finder(text: str, lang: str) -> OrgFinder:
    from integraph.gazetteer import cities, countries

    places = [(m.start, m.end) for m in countries.find(text, lang) + cities.find(text, lang)]
    return OrgFinder(text, lang, orgs.legal_form, places, places=places)


@pytest.mark.parametrize("lang,text,expected", [
    ("da", "i samarbejde med Aarhus Kommune og VIA University College.", ["Aarhus Kommune", "VIA University College"]),
    ("sk", "Ministerstvo vnútra Slovenskej republiky ako riadiaci orgán", ["Ministerstvo vnútra Slovenskej republiky"]),
    ("lt", "Finansuoja Lietuvos Respublikos vidaus reikalų ministerija.", ["Lietuvos Respublikos vidaus reikalų ministerija"]),
    ("nl", "in samenwerking met Stad Gent en het Agentschap", ["Stad Gent"]),
    ("fr", "avec la Ville de Lyon et France Travail", ["Ville de Lyon"]),
    # a short lower-case head is no closing legal form ('ry', 'vzw'): the town after it is in the name
    ("cs", "Přítomni\n\nStatutární město Plzeň, odbor sociálních služeb", ["Statutární město Plzeň"]),
])
def test_places_inside_the_names_of_public_bodies(lang, text, expected):
    found = _finder(text, lang)
    assert [o.name for o in found.headed(0, len(text))] == expected


@pytest.mark.parametrize("lang,text,acronym", [
    ("sl", "Urad za oskrbo in integracijo migrantov (v nadaljevanju: UOIM) je objavil razpis.", "UOIM"),
    ("cs", "Ministerstvo vnitra (dále jen „MV“) vyhlásilo výzvu.", "MV"),
])
def test_an_acronym_after_a_hereinafter_phrase_names_what_stands_before(lang, text, acronym):
    found = acronyms.defined(OrgFinder(text, lang, orgs.legal_form, []), 0, len(text))
    assert [(acr, text[a0:a1]) for acr, _, _, a0, a1 in found] == [(acronym, acronym)]


def test_a_short_name_continued_by_a_legal_form_or_acronym_is_the_same_organisation():
    from integraph.extract.entities import _fuller_forms

    got = _fuller_forms(["Netzwerk Ehrenamt und Flucht", "Netzwerk Ehrenamt und Flucht NRW e. V.",
                         "Stowarzyszenie Most", "Stowarzyszenie Most Kraków"])
    assert got == {"Netzwerk Ehrenamt und Flucht": "Netzwerk Ehrenamt und Flucht NRW e. V."}


def test_a_nationality_and_a_lower_case_legal_form_describe_the_name_that_follows():
    text = "Projekti viib ellu MTÜ Piirideta Kogukond koostöös Läti ühinguga Kopā Latvijā. Valgas"
    # 'the Latvian association Kopā Latvijā'; but 'Malmö universitet' is a name (a town, not a country)
    assert [o.name for o in _finder(text, "et").headed(0, len(text))] == ["MTÜ Piirideta Kogukond", "Kopā Latvijā"]


def test_a_sentence_that_says_a_name_is_an_organisation_makes_every_mention_of_it():
    from integraph.extract import extract
    from integraph.model import Document

    def orgs(text: str, lang: str) -> list[tuple[str, int]]:
        doc = Document(id="d" * 64, source="t.txt", media_type="text/plain", text=text, original=text.encode(),
                       language=lang)
        return [(s.value, s.span.start) for s in extract(doc) if s.schema == "Organisation" and s.prop == "name"]

    text = "Nya Broar är en ideell förening i Göteborg. I år startar Nya Broar ett mentorprojekt."
    assert orgs(text, "sv") == [("Nya Broar", 0), ("Nya Broar", 57)]
    assert orgs("Escale Solidaire est une association marseillaise.", "fr") == [("Escale Solidaire", 0)]
    # a place, something that is not an organisation, a predicate that only says where
    assert orgs("Göteborg är en stad i Sverige.", "sv") == []
    assert orgs("Europa är en kontinent.", "sv") == []
    assert orgs("Архивът е достъпен на гражданската платформа.", "bg") == []


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=200)
@given(st.text(st.sampled_from(list("ab É1 .-'’\nж")), max_size=900), st.integers(0, 50), st.integers(0, 50))
def test_words_of_a_long_stretch_are_the_patterns_matches(text: str, cut_start: int, cut_end: int) -> None:
    from integraph.extract.org_name_words import WORD, _words

    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    assert _words(text, start, end) == [(m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, end)]


def test_a_speakers_role_after_a_name_standing_at_a_line_end_is_no_word_of_it():
    from integraph.convert import to_document
    from integraph.extract import extract

    text = ("Seminari kava\n\n10.30 Avasõnad – Liis Saar, MTÜ Kohanemiskeskus Koduõu juhataja\n\n"
            "11.00 Ettekanne – Kadri Tamm, MTÜ Kohanemiskeskus Koduõu projektijuht\n")
    doc = to_document(text.encode(), "kava.txt")
    doc.language = "et"
    names = {s.value for s in extract(doc) if s.prop == "name"}
    assert "MTÜ Kohanemiskeskus Koduõu" in names and not any(n.endswith(("juhataja", "projektijuht")) for n in names)


@pytest.mark.parametrize("text,expected", [
    # a Baltic name closes with its head: a capital after it opens a unit's name, which is the
    # previous organisation's ('Kaunas client service department of the Employment Service')
    ("konsultacijas – Užimtumo tarnybos Kauno klientų aptarnavimo departamentas.", ["Užimtumo tarnybos"]),
    ("kursus organizavo Vytauto Didžiojo universiteto Švietimo akademija, o", ["Vytauto Didžiojo universiteto"]),
    # … save for more institution words its genitive belongs to
    ("bendradarbiaujant su Vilniaus miesto savivaldybės administracija ir kitais.",
     ["Vilniaus miesto savivaldybės administracija"]),
    # a capitalised genitive before a lower-case head names a body even first on its line
    ("Partneriai:\n\nUžimtumo tarnyba prie ministerijos", ["Užimtumo tarnyba"]),
    # only genitives lead a name: a town and a verb do not
    ("padėjo užsienio šeimoms Vilniuje susipažinti su mokyklomis.", []),
])
def test_baltic_names_end_at_their_head(text, expected):
    assert [o.name for o in _finder(text, "lt").headed(0, len(text))] == expected


def test_a_programmes_acronym_names_no_organisation_where_its_long_form_runs_on():
    from integraph.convert import to_document
    from integraph.extract import extract

    text = ("Is eagraíocht phobail neamhbhrabúis í Croí Fáilte a thacaíonn le teifigh agus le hinimircigh eile.\n\n"
            "Tá Guth Nua á mhaoiniú ag Ciste Tearmainn, Imirce agus Lánpháirtíochta an Aontais Eorpaigh (AMIF) "
            "ó Mheán Fómhair 2024 go dtí Lúnasa 2027. Cuireann an tionscadal comhairle ar fáil.\n")
    doc = to_document(text.encode(), "guth-nua.txt")
    names = [s.value for s in extract(doc) if s.schema == "Organisation" and s.prop == "name"]
    assert "Aontais Eorpaigh" not in names


@pytest.mark.parametrize("text,expected", [
    # Irish names after a preposition or article carry an initial mutation; the name starts at its capital
    ("i gcomhar le hOllscoil na Gaillimhe ó 2024", ["Ollscoil na Gaillimhe"]),
    ("ar an gComhairle Cathrach na Gaillimhe", ["Comhairle Cathrach na Gaillimhe"]),
    # 'agus' (and) joins two names, it is no word of the first
    ("ag Comhairle Cathrach na Gaillimhe agus ag Fóram Imirceach na Gaillimhe",
     ["Comhairle Cathrach na Gaillimhe", "Fóram Imirceach na Gaillimhe"]),
])
def test_irish_names_behind_an_initial_mutation(text, expected):
    assert [o.name for o in _finder(text, "ga").headed(0, len(text))] == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a Slavic adjective after a name's connector takes its noun
    ("bg", "Днес в Министерството на вътрешните работи бяха подписани договори.",
     ["Министерството на вътрешните работи"]),
    ("cs", "Ministerstvo pro místní rozvoj vyhlásilo výzvu.", ["Ministerstvo pro místní rozvoj"]),
    # a noun after the connector takes nothing more, and a verb is no adjective's noun
    ("bg", "Министерството на страните работи", ["Министерството на страните"]),
    ("cs", "Centrum pro vzdělávání řídí program.", ["Centrum pro vzdělávání"]),
])
def test_an_adjective_after_a_connector_takes_its_noun(lang, text, expected):
    assert [o.name for o in _finder(text, lang).headed(0, len(text))] == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a connector's phrase that leads into the project is no part of the name
    ("pl", "przystąpienie Gminy Miasta Gdańska do realizacji projektu partnerskiego",
     ["Gminy Miasta Gdańska"]),
    ("pl", "Gminy Miasta Gdańska do realizacji zadań", ["Gminy Miasta Gdańska do realizacji zadań"]),
])
def test_a_connector_phrase_leading_into_the_project_ends_the_name(lang, text, expected):
    assert [o.name for o in _finder(text, lang).headed(0, len(text))] == expected


@pytest.mark.parametrize("lang,text,expected", [
    # a portfolio in lower case after a connector, listed with commas and closed by 'and'
    ("sl", "na razpis Ministrstva za delo, družino, socialne zadeve in enake možnosti, ki bo",
     ["Ministrstva za delo, družino, socialne zadeve in enake možnosti"]),
    # a comma and a relative clause, or a short list, are no portfolio
    ("sl", "Ministrstvo za delo, ki bo", ["Ministrstvo za delo"]),
    ("es", "Ministerio de trabajo, empleo y economía social.", ["Ministerio de trabajo"]),
])
def test_a_lower_case_portfolio_list_belongs_to_the_name(lang, text, expected):
    assert [o.name for o in _finder(text, lang).headed(0, len(text))] == expected


@pytest.mark.parametrize("lang,text,expected", [
    # in a language with cases, the connector's noun takes its lower-case genitives
    ("cs", "Ing. Vlčková doplnila, že Centrum na podporu integrace cizinců zaznamenalo nárůst.",
     ["Centrum na podporu integrace cizinců"]),
    # Bulgarian, without cases, says 'на' before a genitive: a verb follows the name
    ("bg", "Днес в Министерството на вътрешните работи бяха подписани договори.",
     ["Министерството на вътрешните работи"]),
])
def test_a_connectors_noun_takes_its_genitives(lang, text, expected):
    assert [o.name for o in _finder(text, lang).headed(0, len(text))] == expected
