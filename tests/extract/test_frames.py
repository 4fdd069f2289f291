"""Project frames end to end on documents we wrote: title, scope, slots, status, span grounding."""
from __future__ import annotations

from integraph.convert import to_document
from integraph.extract import extract
from integraph.model import Statement

REPORT_BG = """# Годишен доклад 2025

## Завършени проекти

### Проект „Общи пространства“, програма ФУМИ

Сдружение „Отворени врати“ изпълни проект „Общи пространства“ в партньорство с Община Бургас.
Проектът беше финансиран от Фонд „Убежище, миграция и интеграция“ и продължи от 1 март 2023 г. до 31 май 2025 г.

## Проекти в процес на изпълнение

### Проект „Нови съседи“

Сдружение „Отворени врати“ изпълнява проект „Нови съседи“ от 1 юни 2025 г. съвместно с Фондация „Мост“.
"""

PAGE_PL = """Razem w Gdańsku

grantodawca: Fundusz Azylu, Migracji i Integracji
termin realizacji: 1.02.2024 – 31.01.2026
kwota dofinansowania: 480 000,00 zł
partnerzy: Gmina Miasta Gdańska, Stowarzyszenie Dom Dialogu

Projekt wspiera rodziny cudzoziemców w Gdańsku.

Koordynatorka: Anna Kowalska
"""


def facts(text: str, name: str) -> tuple[str, list[Statement]]:
    doc = to_document(text.encode(), name)
    return doc.text, extract(doc)


def by_prop(statements: list[Statement], entity: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for s in statements:
        if s.entity == entity:
            out.setdefault(s.prop, []).append(s.value)
    return out


def names_of(statements: list[Statement]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for s in statements:
        if s.prop in ("name", "acronym"):
            out.setdefault(s.entity, set()).add(s.value)
    return out


def test_report_projects_with_status_from_headings_partners_and_periods():
    text, sts = facts(REPORT_BG, "report.md")
    projects = {s.value: s.entity for s in sts if s.prop == "title"}
    assert set(projects) == {"Общи пространства", "Нови съседи"}
    done, running = by_prop(sts, projects["Общи пространства"]), by_prop(sts, projects["Нови съседи"])
    assert done["status"] == ["completed"] and running["status"] == ["ongoing"]
    assert done["start"] == ["2023-03-01"] and done["end"] == ["2025-05-31"]
    assert running["start"] == ["2025-06-01"]
    names = names_of(sts)
    assert "Община Бургас" in names[done["partner"][0]]
    assert "Сдружение „Отворени врати“" in names[done["lead"][0]]
    assert any("Фондация „Мост“" in names[p] for p in running["partner"])
    assert done["funder"]


def test_a_project_page_with_labelled_fields():
    text, sts = facts(PAGE_PL, "page.txt")
    pid = next(s.entity for s in sts if s.prop == "title")
    p = by_prop(sts, pid)
    assert p["title"] == ["Razem w Gdańsku"]
    assert p["start"] == ["2024-02-01"] and p["end"] == ["2026-01-31"]
    assert p["amount"] == ["480000 PLN"]
    names = names_of(sts)
    partners = {n for e in p["partner"] for n in names[e]}
    assert {"Gmina Miasta Gdańska", "Stowarzyszenie Dom Dialogu"} <= partners
    person = p["person"][0]
    assert person.endswith("|coordinator")
    assert names[person.split("|")[0]] == {"Anna Kowalska"}


def test_every_statement_is_grounded_in_the_text():
    for source, name in ((REPORT_BG, "report.md"), (PAGE_PL, "page.txt")):
        text, sts = facts(source, name)
        assert sts
        for s in sts:
            assert 0 <= s.span.start < s.span.end <= len(text)
            if s.prop in ("title", "name", "acronym", "grant_id"):
                assert text[s.span.start:s.span.end] == s.value or s.value in text[s.span.start:s.span.end] \
                    or s.extractor.startswith("integraph.base-form")


def test_extraction_is_deterministic():
    _, a = facts(REPORT_BG, "report.md")
    _, b = facts(REPORT_BG, "report.md")
    assert [(s.entity, s.prop, s.value, s.span) for s in a] == [(s.entity, s.prop, s.value, s.span) for s in b]


SUMMARY_MD = """# Neighbours Together Network (NTN)

*Project summary*

The Neighbours Together Network (NTN) links tenant groups and city offices in three cities.

| | |
|---|---|
| **Duration** | 1 March 2024 – 28 February 2027 |
| **Coordinator** | Stichting Samen Wonen, Utrecht, Netherlands |
| **Project coordinator** | Dr. Ilse de Vries |
"""

RAPPORT_FR = """# Rapport annuel 2025

## Chantiers d'avenir

Financeur : Fonds social européen plus (FSE+), programme régional 2021-2027
Durée : du 1er avril 2025 au 31 mars 2027
Partenaires : France Travail, Métropole de Lille

Le projet aide des réfugiés à trouver un emploi.

## Réseau européen

L'association est partenaire du projet européen Welcome Cities Exchange (WCE), financé par le FAMI.
"""


def test_a_markdown_table_of_fields_belongs_to_the_heading_project():
    text, st = facts(SUMMARY_MD, "ntn.md")
    titles = {s.value for s in st if s.prop == "title"}
    assert titles == {"Neighbours Together Network"}
    assert "Duration | 1 March 2024" in text  # a table row reads "Label | value"
    by_prop = {s.prop: s for s in st if s.schema == "Project"}
    assert by_prop["start"].value == "2024-03-01" and by_prop["end"].value == "2027-02-28"
    names = {s.value for s in st if s.schema == "Organisation" and s.prop == "name"}
    assert "Utrecht" not in names and not any("Vries" in n for n in names)  # a seat and a person are not leads
    people = {s.value for s in st if s.schema == "Person" and s.prop == "name"}
    assert any("Ilse de Vries" in p for p in people)


def test_french_field_block_with_ordinal_day_and_a_programme_period():
    text, st = facts(RAPPORT_FR, "rapport.md")
    titles = {s.entity: s.value for s in st if s.prop == "title"}
    assert set(titles.values()) == {"Chantiers d'avenir", "Welcome Cities Exchange"}
    chantiers = next(e for e, t in titles.items() if t == "Chantiers d'avenir")
    starts = {s.value for s in st if s.entity == chantiers and s.prop == "start"}
    assert starts == {"2025-04-01"}  # not 2021, the programme's period on the funder line
    partners = {s.value for s in st if s.entity == chantiers and s.prop == "partner"}
    names = {s.entity: s.value for s in st if s.schema == "Organisation" and s.prop == "name"}
    assert {names[p] for p in partners} >= {"France Travail", "Métropole de Lille"}


PLACES_PL = """# Sprawozdanie 2025

## Projekt „Dobry start”

Fundacja Nowy Most Kultur prowadzi projekt „Dobry start” w Lublinie i Chełmie. Z kursów skorzystało
120 osób, głównie z Ukrainy, Białorusi i Gruzji. Partnerem jest Stowarzyszenie Most Kultur z Krakowa.
"""


def test_project_places_leave_out_origins_and_words_of_names():
    text, st = facts(PLACES_PL, "spr.md")
    project = next(s.entity for s in st if s.prop == "title" and s.value == "Dobry start")
    names = {s.entity: s.value for s in st if s.schema == "Place" and s.prop == "name"}
    places = {names.get(s.value, s.value) for s in st if s.entity == project and s.prop == "place"}
    assert "Lublinie" in places
    assert not places & {"Ukrainy", "Białorusi", "Gruzji"}  # where participants come from
    assert "Most" not in places  # a word of an organisation's name, not the Czech town


PARTNERS_MD = """# Welcome Cities Exchange (WCE)

*Project summary*

| | |
|---|---|
| **Duration** | 1 January 2025 – 31 December 2027 |

## Partners

1. **Stichting Samen Wonen** (Utrecht, Netherlands) – foundation, coordinator
2. **Fundacja Dobry Start** (Lublin, Poland) – foundation
3. **Kotikaupunki Verkosto** (Tampere, Finland) – network of tenant groups
4. **Дружество „Нов път“ / New Path Society** (Varna, Bulgaria) – association
"""


def test_a_partners_section_lists_the_projects_partners_and_its_coordinator():
    text, st = facts(PARTNERS_MD, "wce.md")
    project = next(s.entity for s in st if s.prop == "title")
    names: dict[str, set[str]] = {}
    for s in st:
        if s.schema == "Organisation" and s.prop == "name":
            names.setdefault(s.entity, set()).add(s.value)
    lead = {n for s in st if s.entity == project and s.prop == "lead" for n in names.get(s.value, ())}
    partners = {n for s in st if s.entity == project and s.prop == "partner" for n in names.get(s.value, ())}
    assert "Stichting Samen Wonen" in lead and "Stichting Samen Wonen" not in partners
    assert {"Fundacja Dobry Start", "Kotikaupunki Verkosto"} <= partners  # the second has no legal form
    assert any("Нов път" in n for n in partners) and "New Path Society" in partners  # two names, one partner


PRESS_SV = """PRESSMEDDELANDE · Malmö 3 mars 2025

Föreningen Öppna Dörrar har beviljats 120 000 euro för projektet Trygg start – stöd för nyanlända familjer.
Projektet bygger på vårt projekt Läxhjälp i kvarteret, som startade 2023. Läxhjälp i kvarteret finansieras av kommunen.

Projektnamn: Trygg start – stöd för nyanlända familjer

Projekttid: 1 april 2025 – 31 mars 2027

Projektledare: Sara Holm
"""


def test_a_labelled_title_and_a_name_the_text_repeats_after_a_project_word():
    text, st = facts(PRESS_SV, "press.txt")
    titles: dict[str, set[str]] = {}
    for s in st:
        if s.prop == "title":
            titles.setdefault(s.entity, set()).add(s.value)
    assert {"Trygg start – stöd för nyanlända familjer", "Trygg start"} in list(titles.values()) or any(
        {"Trygg start – stöd för nyanlända familjer"} <= t for t in titles.values())
    assert any("Läxhjälp i kvarteret" in t for t in titles.values())  # unquoted, but said twice
    assert not any("Sara Holm" in v for t in titles.values() for v in t)  # a role's person is no project


COOP_LT = """# Veiklos ataskaita 2024

## Projektas „Kalbos tiltai“

Projektas įgyvendinamas bendradarbiaujant su Alytaus miesto savivaldybe ir Marijampolės kolegija. Per metus
kursus baigė 80 žmonių.

Kartu su savanoriais surengėme 12 susitikimų, sako Rūta Jonaitienė, projekto vadovė.
"""


def test_the_list_after_a_cooperation_cue_names_partners_even_unknown_to_the_name_rules():
    text, st = facts(COOP_LT, "ataskaita.md")
    project = next(s.entity for s in st if s.prop == "title")
    names = {s.entity: s.value for s in st if s.schema == "Organisation" and s.prop == "name"}
    partners = {names.get(s.value, "") for s in st if s.entity == project and s.prop == "partner"}
    assert any(p.startswith("Alytaus miesto savivaldybe") for p in partners)
    assert any(p.startswith("Marijampolės kolegija") for p in partners)
    assert not any("Jonaitienė" in p or "savanoriais" in p for p in partners)  # words after the names are not names


NEWSLETTER_NL = """# Nieuwsbrief maart 2025

Goed nieuws uit Gent. Vanaf 1 april 2025 starten we met Samen aan de slag, een project dat nieuwkomers
naar werk begeleidt. We doen dit in samenwerking met Stad Gent.

Onze taalcafés lopen elke dinsdag in de bibliotheek, en het zomerkamp voor kinderen zoekt nog begeleiders.
"""


def test_a_name_before_a_project_apposition_is_a_title_owning_its_passage_only():
    text, st = facts(NEWSLETTER_NL, "nieuwsbrief.md")
    titles = {s.entity: s.value for s in st if s.prop == "title"}
    assert list(titles.values()) == ["Samen aan de slag"]
    project = next(iter(titles))
    facts_of = [s for s in st if s.entity == project and s.prop != "title"]
    assert facts_of and all(s.span.end <= text.index("Onze taalcafés") for s in facts_of)  # not the whole page


def test_a_public_body_is_in_the_country_of_the_town_its_name_holds():
    text = ("# Godišnje izvješće 2025\n\n## Projekt „Novi početak“\n\nProjekt provodimo u partnerstvu s "
            "Gradom Zagrebom i Gradom Osijekom.\n")
    _, st = facts(text, "izvjesce.md")
    names = {s.entity: s.value for s in st if s.schema == "Organisation" and s.prop == "name"}
    country = {names[s.entity]: s.value for s in st if s.schema == "Organisation" and s.prop == "country"
               and s.entity in names}
    assert country.get("Gradom Zagrebom") == "HR"


PLAN_SV = """# Handlingsplan för integration 2025–2027

## Bilaga: Projekt i handlingsplanen

### Projekt 1: Språkvänner i Gävle

Projektägare: Gävle kommun
Period: 2025–2026
Budget: 850 000 kr

### Projekt 2: Hälsobron (avslutat)

Projektägare: Region Gävleborg
Period: 2023–2024
Budget: 1,1 mnkr
"""

FACT_SHEET_SK = """# Informačný list projektu

## Spolu v Trnave

Názov projektu: Spolu v Trnave
Kód projektu: AMIF/SK/2025/OS2/042
Prijímateľ: Občianske združenie Most, o. z.
Obdobie realizácie: 1. 3. 2025 – 28. 2. 2027

## Partneri projektu

Mesto Trnava

## Hlavné aktivity

Poradenstvo a kurzy slovenského jazyka pre cudzincov.

## Harmonogram

Otvorenie centra v marci 2025.
"""

REPORT_LT = """Veiklos ataskaita

1. Bendrieji duomenys

Projekto pavadinimas: Kartu Klaipėdoje
Projekto vykdytojas: Asociacija „Uostas“
Įgyvendinimo laikotarpis: 2024 m. sausio 1 d. – 2025 m. gruodžio 31 d.
Projekto vertė: 150 000,00 Eur
"""


def test_an_enumerated_project_heading_gives_the_title_after_the_number_without_the_remark():
    _, sts = facts(PLAN_SV, "plan.md")
    assert {s.value for s in sts if s.prop == "title"} == {"Språkvänner i Gävle", "Hälsobron"}


def test_the_sections_of_one_projects_fact_sheet_are_not_projects():
    _, sts = facts(FACT_SHEET_SK, "list.md")
    assert {s.value for s in sts if s.prop == "title"} == {"Spolu v Trnave"}


def test_a_field_block_with_its_own_title_field_is_not_titled_by_the_heading_above():
    _, sts = facts(REPORT_LT, "ataskaita.txt")
    assert {s.value for s in sts if s.prop == "title"} == {"Kartu Klaipėdoje"}


RECORD_EN = """# Harbour Voices: Peer Support for Newcomer Families

Ongoing · Adult education

## Project identity

Programme | Erasmus+

Key action | Partnerships for cooperation

Project reference | 2025-1-IE01-KA210-ADU-000311111

Start date | 01-09-2025

End date | 31-08-2027

EU grant | €60,000.00
"""

NEWS_SL = """Letno poročilo 2025

Društvo je lani zaključilo projekt Skupaj v Celju, medtem ko projekt Sosedje brez meja – medsebojna pomoč za nove priseljence, ki ga od marca 2025 do februarja 2027 financira Mestna občina Celje, še poteka.
"""


def test_a_record_page_title_heads_its_fields_across_a_generic_sub_heading_and_unknown_fields():
    _, sts = facts(RECORD_EN, "record.md")
    titles = {s.value: s.entity for s in sts if s.prop == "title"}
    assert set(titles) == {"Harbour Voices: Peer Support for Newcomer Families"}
    mine = by_prop(sts, titles["Harbour Voices: Peer Support for Newcomer Families"])
    assert mine["start"] == ["2025-09-01"] and "2025-1-IE01-KA210-ADU-000311111" in mine["grant_id"]


def test_a_sentence_case_title_with_a_dash_subtitle_after_a_project_word():
    _, sts = facts(NEWS_SL, "porocilo.txt")
    assert "Sosedje brez meja – medsebojna pomoč za nove priseljence" in {s.value for s in sts if s.prop == "title"}


def test_a_sentence_case_title_between_a_project_word_and_a_copula():
    _, sts = facts("Uutiskirje 2/2025\n\nAMIF-hankkeemme Arjen polku on nyt puolivälissä. Hanke jatkuu vuoteen 2026.\n",
                   "uutiskirje.txt")
    assert "Arjen polku" in {s.value for s in sts if s.prop == "title"}
    _, sts = facts("Letno poročilo\n\nNaš projekt Dobri sosedje je lani dobil nagrado. Projekt se nadaljuje.\n", "porocilo.txt")
    assert "Dobri sosedje" in {s.value for s in sts if s.prop == "title"}


def test_a_name_before_a_role_that_starts_with_a_project_word_is_a_person_not_a_project():
    for text, name in (("Contact person | Aoife Brennan, project coordinator\n\nWe run Open Doors, a project for "
                        "newcomers in Cork.\n", "page.md"),
                       ("Ettekanne – Kadri Tamm, projektijuht\n\nKüsimuste korral: Kadri Tamm\n", "kutse.txt")):
        _, sts = facts(text, name)
        titles = {s.value for s in sts if s.prop == "title"}
        assert not any("Brennan" in t or "Tamm" in t for t in titles), titles
    _, sts = facts("We run Open Doors, a project for newcomers in Cork.\n", "page.md")
    assert "Open Doors" in {s.value for s in sts if s.prop == "title"}


def test_a_quote_naming_the_programme_just_before_it_is_no_project():
    text = ("L'association porte le projet Parcours Pro (janvier 2025 – décembre 2027), financé par le Fonds social "
            "européen plus (FSE+) dans le cadre du programme national FSE+ « Emploi, Inclusion, Jeunesse et "
            "Compétences ».\n")
    _, sts = facts(text, "invitation.txt")
    assert not any("Emploi" in s.value for s in sts if s.prop == "title")
    text = ("Το έργο «Ελληνικά για τη δουλειά» υλοποιείται από 1/10/2024 έως 30/9/2026 στο πλαίσιο του Προγράμματος "
            "«Ανθρώπινο Δυναμικό και Κοινωνική Συνοχή 2021-2027» και συγχρηματοδοτείται από το ΕΚΤ+.\n")
    _, sts = facts(text, "deltio.txt")
    titles = {s.value for s in sts if s.prop == "title"}
    assert "Ελληνικά για τη δουλειά" in titles and not any("Δυναμικό" in t for t in titles)


def test_a_quote_after_a_projects_publication_names_the_publication_not_a_project():
    text = ("Uutiskirje 3/2025\n\nHanke kokosi yhteen maahan muuttaneita naisia. Hankkeen loppuraportti "
            "\"Verkosto kantaa\" on luettavissa verkkosivuillamme.\n")
    _, sts = facts(text, "uutiskirje.md")
    assert "Verkosto kantaa" not in {s.value for s in sts if s.prop == "title"}
    text = "Realizujemy projekt europejski „Razem w Gdańsku” od 2024 roku.\n"
    _, sts = facts(text, "news.txt")
    assert "Razem w Gdańsku" in {s.value for s in sts if s.prop == "title"}


def test_an_unquoted_name_after_a_project_word_does_not_end_in_the_next_small_word():
    text = ("Letno poročilo\n\nUdeleženci tečajev v projektu Skupaj v Mariboru so postali mentorji. "
            "Projekt smo zaključili.\n")
    _, sts = facts(text, "porocilo.txt")
    titles = {s.value for s in sts if s.prop == "title"}
    assert "Skupaj v Mariboru" in titles and "Skupaj v Mariboru so" not in titles


def test_names_opening_the_sentences_after_one_about_projects_are_titles():
    text = ("Verksamhetsberättelse 2025\n\nUnder 2025 bedrev föreningen två större projekt parallellt. Språkcafé "
            "Söder, som Malmö stad finansierade med 640 000 kronor för perioden januari 2024–december 2025, "
            "erbjöd samtalsträffar, medan Jobbspåret – vägar till arbete för utrikes födda kvinnor, som vi driver "
            "med Arbetsförmedlingen, har pågått sedan den 1 mars 2024.\n")
    _, sts = facts(text, "berattelse.txt")
    titles = {s.value for s in sts if s.prop == "title"}
    assert {"Språkcafé Söder", "Jobbspåret – vägar till arbete för utrikes födda kvinnor"} <= titles
    text = ("Muitas pessoas perguntaram pelo nosso outro projeto. O Porto Acolhe, financiado pelo Fundo para o Asilo, "
            "a Migração e a Integração (FAMI) com 95 mil euros, continua.\n")
    _, sts = facts(text, "blog.txt")
    assert "Porto Acolhe" in {s.value for s in sts if s.prop == "title"}
    # a town opening the sentence is no project
    _, sts = facts("Vi startade ett nytt projekt. Malmö, som bidrog med 640 000 kronor, deltar.\n", "x.txt")
    assert not {s.value for s in sts if s.prop == "title"}


def test_the_head_word_of_a_dash_subtitled_title_is_a_mention_of_it():
    from integraph.extract.findings import analyse
    from integraph.extract.frames import find_frames

    text = ("Relatório\n\nO projeto Trampolim – competências digitais para o emprego começou em 2024.\n\n"
            "No Trampolim participaram 80 pessoas.\n")
    doc = to_document(text.encode(), "projetos.md")
    frame = next(f for f in find_frames(analyse(doc)) if f.title.startswith("Trampolim"))
    later = doc.text.index("No Trampolim") + 3
    assert (later, later + len("Trampolim")) in frame.mentions
