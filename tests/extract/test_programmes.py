"""Programmes the gazetteer does not know, named after a programme word (extract/programmes.py)."""
from __future__ import annotations

from integraph.convert import to_document
from integraph.extract import extract
from integraph.extract.findings import analyse


def _named(text: str, lang: str) -> list[str]:
    doc = to_document(text.encode(), "p.txt", "text/plain")
    doc.language = lang
    return [m.extra["name"] for m in analyse(doc).funds if "named_at" in m.extra]


def test_a_programme_word_before_a_capitals_or_quoted_name():
    assert _named("Mit dem Landesprogramm KOMM-AN NRW fördert das Land zwölf Projekte.", "de") == ["KOMM-AN NRW"]
    assert _named("Projekt je podpořen z programu „Soužití 2025“ města Brna.", "cs") == ["Soužití 2025"]
    # an agenda is not a programme, nor a known fund's own programme
    assert _named("Programme\n\n9 h 00 | Accueil", "fr") == []
    assert _named("Finansavimo šaltinis: EEE finansinis mechanizmas, programa „Aktyvūs piliečiai“", "lt") == []


GRANTS = """Bewilligte Projekte 2025

Mit dem Landesprogramm KOMM-AN NRW unterstützt das Land Vereine und Kommunen.

Träger | Projekt | Ort | Laufzeit | Zuwendung (€)

Verein Brückenbau e. V. | Sprachcafé Nord | Köln | 01/2025–12/2026 | 120.000
"""


def test_the_programme_named_above_a_grant_table_funds_its_rows():
    doc = to_document(GRANTS.encode(), "g.txt", "text/plain")
    doc.language = "de"
    sts = extract(doc)
    names = {s.entity: s.value for s in sts if s.prop == "name"}
    funders = {names.get(s.value) for s in sts if s.prop == "funder"}
    assert funders == {"KOMM-AN NRW"}
