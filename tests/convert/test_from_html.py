

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
