"""Every format converts a real file generated here; offsets hold for every document."""
from __future__ import annotations

import io

import pytest

from integraph.convert import to_document
from integraph.model import Document

BG = ("Сдружението работи от 2015 г. с бежанци и мигранти в София и Пловдив. През годината бяха организирани "
      "курсове по български език, правни консултации и по-добра подкрепа за семействата.")
PL = ("Fundacja prowadziła w Lublinie zajęcia językowe dla cudzoziemców oraz dyżury doradcze. Współpracowaliśmy "
      "z urzędem wojewódzkim i szkołami podstawowymi przy organizacji warsztatów międzykulturowych.")
DE = ("Das Projekt wurde aus dem Asyl-, Migrations- und Integrationsfonds gefördert und lief von Januar 2021 "
      "bis Dezember 2022 in drei Städten mit vielen Partnern aus der Zivilgesellschaft.")


def check_offsets(doc: Document) -> None:
    """The invariants every stage downstream relies on."""
    assert doc.text == doc.text.strip() and doc.text
    for s in doc.sections:
        assert doc.text[s.start:].startswith(s.heading)
        assert 0 <= s.start < s.end <= len(doc.text)
    for start, end in doc.paragraphs:
        assert 0 <= start < end <= len(doc.text)
        assert doc.text[start:end].strip() == doc.text[start:end]
    starts = [p[0] for p in doc.paragraphs]
    assert starts == sorted(starts)
    assert {s.start for s in doc.sections} <= set(starts)


def test_pdf_with_cyrillic_and_polish(make_pdf):
    data = make_pdf([["# Годишен отчет на сдружението", BG], ["# Działania w Polsce", PL], ["# Finanzierung", DE]],
                    header="Сдружение Пример – отчет 2023", footer="Страница {page}", title="Отчет 2023")
    doc = to_document(data, "report.pdf")
    check_offsets(doc)
    assert doc.media_type == "application/pdf" and doc.title == "Отчет 2023" and doc.language == "bg"
    assert "Страница" not in doc.text and "Сдружение Пример" not in doc.text  # running header/footer gone
    assert BG in doc.text and PL in doc.text and DE in doc.text  # re-flowed: no line breaks inside sentences
    assert [s.heading for s in doc.sections] == ["Годишен отчет на сдружението", "Działania w Polsce", "Finanzierung"]
    assert [s.language for s in doc.sections] == ["bg", "pl", "de"]
    assert "e-government" not in doc.text or "e-government" in BG
    assert doc.id == __import__("hashlib").sha256(data).hexdigest() and doc.original == data


def test_pdf_keeps_real_hyphens_at_line_ends(make_pdf):
    # words chosen to fall at line ends in the 190 mm text width; both spellings must survive the re-flow
    para = ("Организацията подкрепя цифровизацията чрез програмата за електронно управление и e-government "
            "услуги, така че по-добра администрация да бъде достъпна за всички граждани и за мигрантите в страната.")
    doc = to_document(make_pdf([[para, para]]), "x.pdf")
    check_offsets(doc)
    assert doc.text.count("e-government") == 2 and doc.text.count("по-добра") == 2


def test_html_main_text_headings_and_lists():
    page = """<!doctype html><html lang="pl"><head><title>Projekt Razem – Fundacja Przykład</title>
    <meta property="article:published_time" content="2021-03-04">
    <script>var tracking = "window.dataLayer = []";</script><style>body { color: red }</style></head>
    <body><nav><a href="/">Start</a> <a href="/o-nas">O nas</a> <a href="/kontakt">Kontakt</a></nav>
    <div class="cookie-banner">Ta strona używa plików cookies. Akceptuję</div>
    <main><article><h1>Projekt Razem</h1>
    <p>Projekt realizowany od 1 stycznia 2020 roku przez fundację w partnerstwie z gminą Lublin. Celem jest
    wsparcie rodzin cudzoziemców w dostępie do edukacji, pracy i usług publicznych w regionie.</p>
    <h2>Cele projektu</h2><ul><li>kursy języka polskiego dla dorosłych cudzoziemców</li>
    <li>dyżury prawne i doradztwo zawodowe dla migrantów</li></ul>
    <p>Więcej na stronie <a href="https://example.org/razem">projektu</a> oraz w raporcie rocznym fundacji.</p>
    </article></main>
    <aside><h3>Wesprzyj nas</h3><p>Przekaż 1% podatku! KRS 0000000000</p><p>Nr konta: 12 3456 7890 1234 5678 9012 3456</p></aside>
    <footer><p>© 2021 Fundacja Przykład. Wszelkie prawa zastrzeżone.</p><a href="https://facebook.com/x">Facebook</a></footer>
    <script>document.write("never text")</script></body></html>"""
    doc = to_document(page.encode("utf-8"), "https://example.org/razem.html")
    check_offsets(doc)
    assert doc.media_type == "text/html" and doc.language == "pl"
    assert doc.title.startswith("Projekt Razem") and doc.date == "2021-03-04"
    for junk in ("tracking", "never text", "color: red", "1%", "Nr konta", "Wszelkie prawa", "cookies", "O nas"):
        assert junk not in doc.text
    assert "kursy języka polskiego dla dorosłych cudzoziemców" in doc.text
    assert "https://example.org/razem" in doc.text  # link targets are facts
    assert any(s.heading == "Cele projektu" and s.level == 2 for s in doc.sections)
    kinds = {doc.text[a:b]: None for a, b in doc.paragraphs}
    assert "dyżury prawne i doradztwo zawodowe dla migrantów" in kinds


def test_html_date_is_never_taken_from_the_body():
    page = ("<html><head><title>Nowy projekt</title></head><body><article><h1>Nowy projekt</h1><p>Spotkanie odbyło się "
            "12 marca 2019 r. w Lublinie. " + PL + "</p><p>Data: 2019-03-12</p></article></body></html>")
    doc = to_document(page.encode(), "page.html")
    assert doc.date is None


def test_docx_headings_lists_tables():
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.core_properties.title = "Sprawozdanie 2022"
    d.add_heading("Sprawozdanie 2022", level=1)
    d.add_paragraph(PL)
    d.add_heading("Partnerzy", level=2)
    d.add_paragraph("Urząd Miasta Lublin", style="List Bullet")
    d.add_paragraph("Stowarzyszenie Pomocy Cudzoziemcom", style="List Number")
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Budżet", "120 000 zł"
    out = io.BytesIO()
    d.save(out)
    doc = to_document(out.getvalue(), "report.docx")
    check_offsets(doc)
    assert doc.title == "Sprawozdanie 2022" and doc.language == "pl"
    assert [(s.heading, s.level) for s in doc.sections] == [("Sprawozdanie 2022", 1), ("Partnerzy", 2)]
    assert "Urząd Miasta Lublin" in doc.text and "Budżet | 120 000 zł" in doc.text


def test_odt_headings_and_lists():
    from odf.opendocument import OpenDocumentText
    from odf.text import H, List, ListItem, P

    odt = OpenDocumentText()
    odt.text.addElement(H(outlinelevel=1, text="Jahresbericht 2022"))
    odt.text.addElement(P(text=DE))
    odt.text.addElement(H(outlinelevel=2, text="Partner"))
    lst = List()
    item = ListItem()
    item.addElement(P(text="Stadt Leipzig, Amt für Integration"))
    lst.addElement(item)
    odt.text.addElement(lst)
    out = io.BytesIO()
    odt.write(out)
    doc = to_document(out.getvalue(), "bericht.odt")
    check_offsets(doc)
    assert doc.media_type == "application/vnd.oasis.opendocument.text" and doc.language == "de"
    assert [(s.heading, s.level) for s in doc.sections] == [("Jahresbericht 2022", 1), ("Partner", 2)]
    assert "Stadt Leipzig, Amt für Integration" in doc.text


def test_markdown_headings_items_links():
    md = ("# Rapport annuel\n\nL'association accompagne les personnes réfugiées à Lyon depuis 2012, avec des cours de "
          "français,\nun accompagnement juridique et des ateliers d'insertion professionnelle.\n\n## Partenaires\n\n"
          "- la Ville de Lyon\n- la Métropole\n\nSite : [notre projet](https://example.org/projet)\n")
    doc = to_document(md.encode(), "rapport.md")
    check_offsets(doc)
    assert doc.language == "fr" and doc.title == "Rapport annuel"
    assert "cours de français, un accompagnement" in doc.text  # soft-wrapped lines re-joined
    assert "la Ville de Lyon" in doc.text and "(https://example.org/projet)" in doc.text
    assert [s.level for s in doc.sections] == [1, 2]


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "iso-8859-5", "utf-16", "utf-8-sig"])
def test_text_in_cyrillic_encodings(encoding):
    text = "Годишен отчет\n\n" + BG + "\n\n" + BG.replace("2015", "2016") + "\n"
    doc = to_document(text.encode(encoding), "otchet.txt")
    check_offsets(doc)
    assert BG in doc.text and doc.language == "bg"


@pytest.mark.parametrize("encoding", ["iso-8859-2", "cp1250", "utf-16-le", "utf-16-be"])
def test_text_in_central_european_encodings(encoding):
    text = "Sprawozdanie\n\n" + PL + "\n\nŻółć gęślą jaźń: łódź, źdźbło, Świętokrzyskie.\n"
    data = text.encode(encoding)
    doc = to_document(data, "sprawozdanie.txt")
    assert PL in doc.text and doc.language == "pl"


def test_text_with_markdown_headings_goes_through_markdown():
    doc = to_document(("# Výroční zpráva\n\n## Činnost\n\n" + "Spolek pomáhá cizincům v Brně s kurzy češtiny a "
                       "poradenstvím v oblasti zaměstnání a bydlení.\n").encode(), "zprava.txt")
    assert [(s.heading, s.level) for s in doc.sections] == [("Výroční zpráva", 1), ("Činnost", 2)]
    assert doc.language == "cs"


def test_is_picklable():
    import pickle

    doc = to_document(("Sprawozdanie\n\n" + PL).encode(), "a.txt")
    assert pickle.loads(pickle.dumps(doc)) == doc


def test_html_definition_lists_and_markdown_tables_become_label_rows():
    html = ("<html><body><main><h1>Nuevos Vecinos</h1><p>Un proyecto de acogida en Valencia para familias "
            "recién llegadas, con clases de idioma y orientación laboral durante dos años.</p>"
            "<dl><dt>Entidad responsable</dt><dd>Asociación Puente</dd><dt>Duración:</dt>"
            "<dd>del 1 de marzo de 2024 al 28 de febrero de 2026</dd></dl>"
            "<p>Las actividades se desarrollan en dos centros municipales de la ciudad.</p></main></body></html>")
    doc = to_document(html.encode(), "ficha.html")
    assert "Entidad responsable | Asociación Puente" in doc.text
    assert "Duración: | del 1 de marzo de 2024" in doc.text
    md = "# Projects\n\n| Project | Lead | Amount |\n|---|---|---|\n| Open Doors | City of Ghent | € 10,000 |\n"
    assert "Open Doors | City of Ghent | € 10,000" in to_document(md.encode(), "p.md").text


def test_html_date_line_dropped_as_page_furniture_is_kept():
    html = ("<html><body><main><h1>Bewilligte Projekte 2025</h1><p class='meta'>Stand: 14.03.2025</p>"
            "<p>Im Förderaufruf 2025 wurden zehn Projekte bewilligt, die im Januar beginnen und zwei Jahre laufen. "
            "Die Liste nennt Träger, Orte und Summen.</p></main></body></html>").encode()
    doc = to_document(html, "p.html")
    assert doc.date == "2025-03-14"
    assert "Stand: 14.03.2025" in doc.text


def test_html_table_cell_lines_stay_apart():
    html = ("<html><body><main><h1>Nieuwsbrief</h1><table><tr><td>Nieuwsbrief nr. 27<br>18 maart 2025</td></tr>"
            "</table><p>De lente komt eraan en met haar een nieuw project voor nieuwkomers in de stad, met buddy's "
            "en taallessen.</p></main></body></html>").encode()
    assert "2718" not in to_document(html, "n.html").text


def test_html_aside_inside_the_article_with_prose_is_kept():
    prose = ("Association créée à Marseille en 1998, Escale accompagne chaque année 1 500 personnes exilées "
             "vers le logement et l'emploi, et porte aussi le projet Parcours Pro.")
    html = (f"<html><body><article><h1>Conférence finale</h1><p>{'Le projet se termine en juin. ' * 6}</p>"
            f"<aside class='about'><h2>À propos</h2><p>{prose}</p></aside></article></body></html>").encode()
    assert "Parcours Pro" in to_document(html, "a.html").text
