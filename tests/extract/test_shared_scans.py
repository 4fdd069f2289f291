"""Scans that extraction narrows or shares for speed give what the plain scans give."""
from __future__ import annotations

import pytest

from integraph.extract import acronyms
from integraph.extract.findings import analyse
from integraph.extract.labels import _is_project_word, finditer_in_lines, project_word_lines, project_words
from integraph.extract.orgs import OrgFinder
from integraph.extract.titles import LOWER_RUN, SUBTITLED, UNQUOTED
from integraph.gazetteer import orgs
from integraph.model import Document

TEXTS = [
    ("sv", "Om oss\nFör projektet Trygg start i Lund, som riktar sig till nyanlända.\nTrygg start i Lund finansieras."),
    ("sl", "Naslov\n\nprojekt Krogi dobrodošlice – medsebojno mentorstvo za odrasle priseljence, ki ga vodi …"),
    ("en", "We run the PROJECT Open Doors Network with partners.\nThe project Local Integration Hubs Network"),
    # a Greek final sigma in the text and in lower case; a dotted capital I whose lower case is longer
    ("el", "ΤΟ ΕΡΓΟ ΓΈΦΥΡΕΣ Ένταξης – Κέντρο Ένταξης Μεταναστών, για ΌΛΟΥΣ\nέργο Γέφυρες Ένταξης"),
    ("tr", "İstanbul projesi Yeni Başlangıç Ağı, ve proje Yeni Başlangıç Ağı"),
    (None, "projekt Nowy Dom Razem i projektu Nowy Dom Razem.\n\nprojet Maison Commune – accueil des familles, dès"),
]


def _document(text: str, lang: str | None) -> Document:
    return Document(id="0" * 64, source="test.txt", media_type="text/plain", text=text, original=text.encode(),
                    language=lang)


@pytest.mark.parametrize("lang,text", TEXTS)
@pytest.mark.parametrize("pattern", [LOWER_RUN, SUBTITLED, UNQUOTED])
def test_title_scans_within_project_word_lines_find_what_whole_text_scans_find(lang, text, pattern):
    found = analyse(_document(text, lang))
    for words_lang in (lang, None):
        pwords = project_words(words_lang)
        found.extra.pop("project_word_lines", None)
        lines = project_word_lines(found, pwords)
        whole = [m.span(2) for m in pattern.finditer(text) if _is_project_word(m.group(1).lower(), pwords)]
        narrowed = [m.span(2) for m in finditer_in_lines(pattern, text, lines)
                    if _is_project_word(m.group(1).lower(), pwords)]
        assert narrowed == whole


def test_cues_in_text_keeps_the_cues_a_sentence_may_hold():
    found = analyse(_document("Σε συνεργασία με τον Δήμο. In partnership with the City.", "el"))
    assert found.cues_in_text(["in partnership with", "together with", "σε συνεργασία με", "σ"]) == \
        ["in partnership with", "σε συνεργασία με", "σ"]


@pytest.mark.parametrize("lang,text", [
    ("pl", "Współpracujemy z Fundacją Most (Fundacja Most Kultur) oraz Urzędem do Spraw Cudzoziemców (UdSC)."),
    ("en", "The International Organization for Migration (IOM France) and Harbour Welcome Association – HWA."),
])
def test_definitions_read_once_match_both_readings(lang, text):
    found = analyse(_document(text, lang))
    plain, named = acronyms.defined_in(found)
    assert named == acronyms.defined(OrgFinder(text, lang, orgs.legal_form, []), 0, len(text))
    assert plain == acronyms.defined(OrgFinder(text, lang, lambda w, l: None, []), 0, len(text))
