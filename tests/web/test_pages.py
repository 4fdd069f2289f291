from __future__ import annotations

import re
from pathlib import Path

from integraph.web import i18n


def test_pages_render(client, doc_ids):
    for url in ("/", "/search?q=refugees", "/projects", "/organisations", "/programmes", "/places", "/map",
                "/network", "/projects/P1", "/organisations/O1", "/programmes/PR1", "/places/C2", "/countries/BG",
                f"/documents/{doc_ids['bg2023']}"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert '<html lang="' in r.text


def test_project_page_links_every_fact_to_its_passage(client, doc_ids):
    html = client.get("/projects/P1").text
    links = re.findall(r'href="/documents/([0-9a-f]+)\?start=(\d+)&amp;end=(\d+)#hl"', html)
    assert {d for d, _, _ in links} == {doc_ids["bg2023"], doc_ids["bg2024"]}
    assert "Нов дом" in html and "Пловдив" in html


def test_source_passage_is_highlighted(client, doc_ids):
    doc = doc_ids["bg2024"]
    text = client.get(f"/api/documents/{doc}").json()["document"]["text"]
    start = text.index("приключи")
    html = client.get(f"/documents/{doc}", params={"start": start, "end": start + 8}).text
    assert re.search(r'<mark id="hl"[^>]*>приключи</mark>', html)


def test_document_text_is_escaped(client, doc_ids):
    html = client.get(f"/documents/{doc_ids['markup']}").text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>bold</b>" not in html
    assert "<script>alert('t')" not in client.get("/").text  # titles too


def test_original_is_a_download(client, doc_ids):
    r = client.get(f"/documents/{doc_ids['markup']}/original")
    assert r.status_code == 200
    assert r.headers["content-disposition"].startswith("attachment")
    assert b"<script>" in r.content  # the bytes as received, served as a file


def test_language_switch_cookie_and_accept_language(client):
    r = client.get("/projects", params={"lang": "pl"})
    assert '<html lang="pl"' in r.text and "Projekty" in r.text
    assert r.cookies.get("lang") == "pl" or "lang=pl" in r.headers.get("set-cookie", "")
    client.cookies.clear()
    r = client.get("/projects", headers={"Accept-Language": "cs-CZ,cs;q=0.9,en;q=0.5"})
    assert '<html lang="cs"' in r.text
    r = client.get("/projects", headers={"Accept-Language": "bg"})
    assert "Проекти" in r.text


def test_numbers_and_dates_follow_the_locale():
    assert i18n.Formatter("pl").money(120000, "EUR") != i18n.Formatter("en").money(120000, "EUR")
    assert "март" in i18n.Formatter("bg").date("2024-03")
    assert i18n.Formatter("cs").date("2022") == "2022"


def test_every_message_is_translated():
    here = Path(i18n.__file__).parent
    used = set()
    for f in list((here / "templates").glob("*.html")) + list(here.glob("*.py")):
        src = f.read_text(encoding="utf-8")
        used |= set(re.findall(r'_\("([^"]+)"\)', src)) | set(re.findall(r"_\('([^']+)'\)", src))
        used |= set(re.findall(r'gettext\("([^"]+)"\)', src))
    from babel.messages.pofile import read_po

    for lang in ("bg", "pl", "cs"):
        with (here / "locale" / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
            catalog = read_po(fh)
        missing = sorted(m for m in used if not (catalog.get(m) and catalog.get(m).string))
        assert not missing, (lang, missing)


def test_map_degrades_without_shapes(monkeypatch):
    from integraph.web import geo

    monkeypatch.setattr(geo, "CANDIDATES", [])
    geo.country_paths.cache_clear()
    geo.country_features.cache_clear()
    try:
        svg = geo.render({"LV": 1}, [geo.Marker(56.95, 24.1, "Riga", "/places/C2")], {}, "map")
        assert "<circle" in svg and "country" not in svg
        assert geo.country_features() == []
    finally:
        geo.country_paths.cache_clear()
        geo.country_features.cache_clear()
