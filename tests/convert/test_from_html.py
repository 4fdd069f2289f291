import pytest

from integraph.convert import to_document
from integraph.convert.clean import split_field_run



def test_the_site_name_after_the_titles_last_separator():
    from integraph.convert.from_html import site_name

    page = "<html><head><title>{}</title></head><body><p>x</p></body></html>"
    assert site_name(page.format("Über uns | Verein Lichtblick e.V.").encode()) == "Verein Lichtblick e.V."
    assert site_name(page.format("Projekty – Fundacja Nowy Dom – Fundacja Nowy Dom").encode()) == "Fundacja Nowy Dom"
    assert site_name(page.format("Nieuwsbrief Thuis – maart 2025").encode()) is None  # a date, not a name
    assert site_name(page.format("Persbericht | gov.example").encode()) is None  # a domain
    assert site_name(page.format("Just one title").encode()) is None
    meta = '<html><head><meta property="og:site_name" content="Harbour &amp; Home"><title>A | B</title></head></html>'
    assert site_name(meta.encode()) == "Harbour & Home"


CARD_PAGE = """<!DOCTYPE html><html lang="sl"><head><meta charset="utf-8"><title>Projekti – Društvo Most</title></head>
<body><nav><a href="/">Domov</a> <a href="/projekti/">Projekti</a></nav>
<main><h1>Projekti</h1>
<p>Društvo Most od leta 2011 podpira priseljence v Celju z jezikovnimi tečaji, svetovanjem in druženjem.</p>
<article class="card"><h3>Jezik za vsak dan</h3>
<p>Tečaji slovenščine za odrasle priseljence v Celju in Velenju.</p>
<p class="meta">Obdobje: 01/2024 – 12/2025 · Znesek: 120.000,00 EUR · Status: zaključen</p></article>
<article class="card"><h3>Sosedje</h3>
<p>Srečanja sosedov v stanovanjskih soseskah.</p>
<p class="meta">Obdobje: 03/2025 – 02/2027 · Znesek: 80.500,00 EUR · Status: v izvajanju</p></article>
<p class="updated">Posodobljeno: 4. 11. 2026.</p>
</main><footer>© 2026 Društvo Most · Vse pravice pridržane</footer></body></html>"""


def test_a_card_page_keeps_what_trafilatura_drops_from_its_main_region():
    """trafilatura keeps the first card and drops the 'meta' lines with each project's period and amount:
    the main region's own blocks are taken then, in page order, furniture outside it still dropped."""
    doc = to_document(CARD_PAGE.encode(), "projekti.html")
    lines = doc.text.split("\n")
    assert "Obdobje: 01/2024 – 12/2025" in lines and "Znesek: 80.500,00 EUR" in lines  # one field per line
    assert doc.text.index("Jezik za vsak dan") < doc.text.index("Sosedje")
    assert "Domov" not in doc.text and "pravice" not in doc.text
    assert [s.heading for s in doc.sections][:2] == ["Projekti", "Jezik za vsak dan"]
    assert doc.date == "2026-11-04"  # "4. 11. 2026.": day, month and year with spaces after the dots


@pytest.mark.parametrize("line, split", [
    ("Razdoblje: 03/2024 – 02/2026 · Iznos: 198.750,00 EUR · Status: završen", 3),
    ("Trg slobode 7 · 31000 Osijek · OIB: 48273619054", 1),  # not every part is a field
    ("Laufzeit: 2024–2026 • Fördersumme: 480.000 €", 2),
    ("Kontakt: info@example.org", 1),
])
def test_a_run_of_labelled_fields_splits_only_when_every_part_is_a_field(line, split):
    assert len(split_field_run(line).split("\n")) == split


def test_the_town_after_the_site_name_is_not_part_of_it():
    from integraph.convert.from_html import site_name

    page = "<html><head><title>{}</title></head><body><p>x</p></body></html>"
    assert site_name(page.format("O nama – Udruga Novi most, Split").encode()) == "Udruga Novi most"
    assert site_name(page.format("Projekty | Spolek Most, z. s.").encode()) == "Spolek Most, z. s."  # a legal form stays
