"""Project slots from short texts we wrote: partners past a relative clause, paragraphs that open
with a project's lead, and a ministry's list of approved projects."""
from __future__ import annotations

from integraph.extract import extract
from integraph.convert import to_document


def _facts(text: str, lang: str, prop: str, name: str = "t.txt") -> dict[str, set[str]]:
    doc = to_document(text.encode(), name)
    doc.language = lang  # short texts: the language is what we wrote, not a guess
    sts = extract(doc)
    titles = {s.entity: s.value for s in sts if s.prop == "title"}
    names = {s.entity: doc.text[s.span.start:s.span.end] for s in sts if s.prop == "name"}  # as written
    out: dict[str, set[str]] = {}
    for s in sts:
        if s.schema == "Project" and s.prop == prop:
            out.setdefault(titles[s.entity], set()).add(names.get(s.value, s.value))
    return out


def test_the_cue_preposition_after_and_opens_a_second_partner_list():
    text = ("El proyecto «Raíces» se desarrolla en colaboración con el Ayuntamiento de Sevilla, que cede "
            "espacios en dos centros, y con la Universidad de Sevilla, cuyo alumnado participa.")
    partners = _facts(text, "es", "partner")["Raíces"]
    assert {"Ayuntamiento de Sevilla", "Universidad de Sevilla"} <= partners


CALL = """Rezultati razpisa

Urad za oskrbo in integracijo migrantov je izbral dva projekta.

Prijavitelj | Naziv projekta | Trajanje | Odobreni znesek

Društvo Most, Ljubljana | Jezik za vse | 1. 9. 2025 – 31. 8. 2027 | 100.000,00 EUR

Zavod Sonce, Maribor | Dom in delo | 1. 10. 2025 – 30. 9. 2027 | 90.000,00 EUR

Društvo Most bo izvajalo tečaje. Projekt se izvaja v partnerstvu z Mestno občino Ljubljana.

Zavod Sonce bo pomagal pri iskanju zaposlitve. Pri projektu sodeluje Univerza v Mariboru.
"""


def test_a_paragraph_opening_with_a_projects_lead_speaks_of_that_project():
    partners = _facts(CALL, "sl", "partner")
    assert "Mestno občino Ljubljana" in partners["Jezik za vse"]
    assert "Mestno občino Ljubljana" not in partners.get("Dom in delo", set())


def test_a_ministry_listing_approved_projects_is_not_their_partner():
    partners = _facts(CALL, "sl", "partner")
    assert not any(p.startswith("Urad") for ps in partners.values() for p in ps)


GRANTS = """Bewilligte Projekte 2025

Träger | Projekt | Ort | Laufzeit | Zuwendung (Mio. €)

Verein Brückenbau e. V. | Sprachcafé Nord | Köln | 01/2025–12/2026 | 0,12

Bildungswerk Süd e. V. | Lernhaus Süd | Essen, Bochum | 01/2025–12/2026 | 0,85
"""


def test_a_grant_table_gives_places_from_its_place_column_and_amounts_in_its_header_unit():
    places = _facts(GRANTS, "de", "place")
    amounts = _facts(GRANTS, "de", "amount")
    assert places["Sprachcafé Nord"] == {"Köln"}
    assert places["Lernhaus Süd"] == {"Essen", "Bochum"}
    assert amounts["Lernhaus Süd"] == {"850000 EUR"}


def test_a_title_after_a_project_word_closed_by_a_relative_clause():
    text = ("Verksamhetsberättelse\n\nFöreningen har sökt medel hos Migrationsverket för projektet Trygg start i Lund, "
            "som riktar sig till kvotflyktingar. Budgeten är 4,6 miljoner kronor.\n")
    doc = to_document(text.encode(), "s.txt", "text/plain")
    doc.language = "sv"
    titles = {s.value for s in extract(doc) if s.prop == "title"}
    assert "Trygg start i Lund" in titles


REPORT = """Relazione finale del progetto WEMIN

1. Dati del progetto

Convenzione di sovvenzione n.: 101140587
Durata: 1° gennaio 2024 – 30 giugno 2026
Costo totale: 1.329.367,00 €

2. Prospettive

Dal 2026 la cooperativa porta avanti il progetto "Lavoro Donna Torino", finanziato con 350.000 € fino al 30 settembre 2028.
"""


def test_a_report_whose_title_names_a_project_is_about_it_throughout():
    amounts = _facts(REPORT, "it", "amount")
    assert amounts["WEMIN"] == {"1329367 EUR"}
    assert amounts["Lavoro Donna Torino"] == {"350000 EUR"}  # the passage naming another project stays its own


NUMBERED = """# Relazione finale del progetto WEMIN

## 1. Dati del progetto

Durata: 1° gennaio 2024 – 30 giugno 2026

## 2. Partenariato

- Cooperativa sociale Filo Comune, Torino (Italia) – capofila
- Association Escale Solidaire, Marsiglia (Francia)
- Pyxida – Centro per l'integrazione dei migranti, Pireo (Grecia)
"""


def test_a_numbered_partners_heading_lists_the_partners_and_the_lead():
    partners = _facts(NUMBERED, "it", "partner", "r.md")["WEMIN"]
    leads = _facts(NUMBERED, "it", "lead", "r.md")["WEMIN"]
    assert "Association Escale Solidaire" in partners and any(p.startswith("Pyxida") for p in partners)
    assert leads == {"Cooperativa sociale Filo Comune"}


RELEASE_EN = """Press release, 3 March 2026

Three grant agreements were signed today under the Asylum, Migration and Integration Fund.

The project "Harbour Voices" of the Cork Welcome Association runs from 1 April 2026 to 31 March 2028.

The project "Library Bridges" of the Galway Readers Association runs from 1 May 2026 to 30 April 2027.
"""


def test_the_one_fund_a_release_names_before_its_projects_funds_each_of_them():
    funders = _facts(RELEASE_EN, "en", "funder")
    assert set(funders) == {"Harbour Voices", "Library Bridges"}
    two_funds = RELEASE_EN.replace("Fund.", "Fund and the European Social Fund Plus.")
    assert _facts(two_funds, "en", "funder") == {}  # which one funds which is not said


PAGE_HR = """<html lang="hr"><head><meta charset="utf-8"><title>O nama – Udruga Novi most, Split</title></head>
<body><main><h1>O nama</h1>
<p>Udruga Novi most neprofitna je organizacija iz Splita koja pomaže strancima u novoj sredini.</p>
<h2>Projekti</h2>
<h3>Jezik za sve</h3>
<p>Tečajevi hrvatskog jezika za odrasle strance u Splitu.</p>
<p>Razdoblje: 03/2025 – 02/2027</p><p>Iznos: 120.000,00 EUR</p><p>Partner: Grad Split</p>
</main></body></html>"""


def test_a_page_of_the_sites_publisher_gives_its_whole_name_and_its_projects_lead():
    doc = to_document(PAGE_HR.encode(), "o-nama.html")
    sts = extract(doc)
    names = {s.entity: s.value for s in sts if s.prop == "name"}
    assert "Udruga Novi most" in names.values() and "Udruga Novi" not in names.values()
    project = next(s.entity for s in sts if s.prop == "title" and s.value == "Jezik za sve")
    assert [names[s.value] for s in sts if s.entity == project and s.prop == "lead"] == ["Udruga Novi most"]


def test_a_title_joined_by_of_to_an_organisation_names_its_lead():
    assert _facts(RELEASE_EN, "en", "lead") == {"Harbour Voices": {"Cork Welcome Association"},
                                                "Library Bridges": {"Galway Readers Association"}}
    bg = ("Подписани са два договора.\n\nПроектът „Заедно във Видин“ на Сдружение „Дунавски мост“ ще се изпълнява от 1 март 2026 г. "
          "до 28 февруари 2028 г.")
    assert _facts(bg, "bg", "lead") == {"Заедно във Видин": {"Сдружение „Дунавски мост“"}}
    fi = "Olemme mukana uudessa hankkeessa „Töihin yhdessä“, jota koordinoi Oulun ammattikorkeakoulu. Hanke alkaa 2026."
    assert _facts(fi, "fi", "lead") == {"Töihin yhdessä": {"Oulun ammattikorkeakoulu"}}  # after a comma too


def test_a_cooperation_sentence_in_the_paragraph_of_a_project_names_its_partners():
    text = ("Over het project\n\nOp 1 juli 2025 start ons nieuwe project Samen Vooruit – werk voor nieuwkomers in "
            "Utrecht. Het wordt gefinancierd door de gemeente. We werken samen met Hogeschool Utrecht en "
            "Stichting Taalhuis Utrecht.\n")
    assert _facts(text, "nl", "partner") == {"Samen Vooruit – werk voor nieuwkomers in Utrecht":
                                             {"Hogeschool Utrecht", "Stichting Taalhuis Utrecht"}}


def test_the_seat_after_a_partner_in_a_cue_list_is_no_part_of_its_name():
    text = ("Projekt Skupaj naprej – mentorstvo za priseljence, v katerem sodelujemo skupaj z Associação Ponte Nova "
            "iz Lizbone, še poteka.")
    partners = _facts(text, "sl", "partner")
    assert partners and all("Lizbone" not in n for names in partners.values() for n in names)
