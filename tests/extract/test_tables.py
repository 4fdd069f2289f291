"""Tables of projects: header cells are field labels, each row is a project with its own facts."""
from __future__ import annotations

from hypothesis import given, strategies as st

from integraph.convert import to_document
from integraph.extract import extract
from integraph.extract.tables import SEPARATOR, _cells

CALL_RESULTS_MD = """# Rozhodnutí o výběru projektů

Ministerstvo vnitra zveřejňuje seznam podpořených projektů.

| Kód projektu | Příjemce | Název projektu | Doba realizace | Částka (Kč) |
|---|---|---|---|---|
| AMIF/2025/017 | Spolek Nový domov, z. s., Brno | Brno pro všechny | 1. 3. 2025 – 28. 2. 2027 | 2 450 000 |
| AMIF/2025/021 | Poradna Kompas, o. p. s. | Kompas do práce | 1. 4. 2025 – 31. 3. 2026 | 980 500 |
"""


def test_each_row_of_a_table_of_projects_is_a_project_with_its_cells_facts():
    doc = to_document(CALL_RESULTS_MD.encode(), "vysledky.md")
    st_ = extract(doc)
    titles = {s.entity: s.value for s in st_ if s.prop == "title"}
    assert set(titles.values()) == {"Brno pro všechny", "Kompas do práce"}
    brno = next(e for e, t in titles.items() if t == "Brno pro všechny")
    facts = {(s.prop, s.value) for s in st_ if s.entity == brno}
    assert ("grant_id", "AMIF/2025/017") in facts
    assert ("start", "2025-03-01") in facts and ("end", "2027-02-28") in facts
    assert ("amount", "2450000 CZK") in facts  # bare number, currency from the header "(Kč)"
    names = {s.entity: s.value for s in st_ if s.schema == "Organisation" and s.prop == "name"}
    leads = [names.get(s.value, "") for s in st_ if s.entity == brno and s.prop == "lead"]
    assert any(n.startswith("Spolek Nový domov") for n in leads)
    assert not any("Kompas" in n for n in leads)  # the other row's beneficiary is not this project's
    for s in st_:  # every fact of a row is grounded inside that row
        if s.entity == brno and s.prop != "title":
            assert "Brno pro všechny" in doc.text[s.span.start:s.span.end] or \
                doc.text.rfind("\n", 0, s.span.start) == doc.text.rfind("\n", 0, doc.text.find("AMIF/2025/017"))


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="|\n"), max_size=12), min_size=2, max_size=6))
def test_cells_are_spans_of_the_row_text(parts):
    row = SEPARATOR.join(parts)
    text = "x\n" + row + "\ny"
    spans = _cells(text, 2, 2 + len(row))
    assert [text[a:b] for a, b in spans] == [p.strip() for p in parts]


GRANTS_MD = """# Approved projects

The fund approved two projects in its 2025 call.

| No. | Project title | Applicant | Funding | Awarded funding, EUR |
|---|---|---|---|---|
| 1 | Harbour Voices | Cork Welcome Association | AMIF | 124 600,00 |
| 2 | Library Bridges | Galway Readers Association | AMIF | 46 200,00 |
"""


def test_the_unit_after_a_comma_is_no_part_of_the_header_label_and_the_whole_label_wins():
    """'Awarded funding, EUR' is the amount column (its currency given after a comma), though the
    shorter label 'funding' in it would name the funder."""
    doc = to_document(GRANTS_MD.encode(), "approved.md")
    facts = {(s.prop, s.value) for s in extract(doc)}
    assert ("amount", "124600 EUR") in facts and ("amount", "46200 EUR") in facts
