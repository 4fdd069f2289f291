"""Case tables: two names, their languages, and whether they name one organisation.

Each name is an entity in its own document, so only the names decide.
"""
from __future__ import annotations

import pytest

from integraph.resolve.clusters import cluster
from integraph.resolve.engine import match
from integraph.resolve.records import Record


def verdict(a: str, lang_a: str, b: str, lang_b: str, **extra: object) -> bool:
    ra = Record("d1/o1", "Organisation", "d1", lang_a, names=[a])
    rb = Record("d2/o1", "Organisation", "d2", lang_b, names=[b])
    for key, value in extra.items():
        setattr(rb, key, value)
    groups, _ = cluster([ra.id, rb.id], match([ra, rb]))
    return len(groups) == 1


SAME_CASES = [
    # inflection (lemmas per token) and legal forms
    ("Fundacja Pomocy Cudzoziemcom", "pl", "Fundacji Pomocy Cudzoziemcom", "pl"),
    ("Międzynarodowa Organizacja ds. Migracji", "pl", "Międzynarodową Organizację do spraw Migracji", "pl"),
    ("Центърът за развитие на общности", "bg", "Център за развитие на общности", "bg"),
    ("Фондация Нови Хоризонти", "bg", "Нови Хоризонти", "bg"),
    ("Ministerstvo vnitra", "cs", "Ministerstva vnitra", "cs"),
    ("Poradna pro integraci, z. s.", "cs", "Poradna pro integraci", "cs"),
    ("Interkultureller Verein für Migration e.V.", "de", "Interkultureller Verein für Migration", "de"),
    ("Fondation pour l'Accueil des Réfugiés", "fr", "Accueil des Réfugiés", "fr"),
    ("Asociación Comisión Católica de Migración", "es", "Comisión Católica de Migración", "es"),
    # case, word order, typos
    ("CENTRUM WIELOKULTUROWE W KRAKOWIE", "pl", "Centrum Wielokulturowe w Krakowie", "pl"),
    ("Refugee Legal Support Network", "en", "Refugee Legal Suport Network", "en"),
    # transliteration between scripts (Bulgarian Streamlined System; anyascii for Russian, Greek)
    ("Център за правна помощ", "bg", "Tsentar za pravna pomosht", "en"),
    ("Фондация Щастливо Детство", "bg", "Fondatsia Shtastlivo Detstvo", "en"),
    ("Ελληνικό Συμβούλιο για τους Πρόσφυγες", "el", "Elliniko Symvoulio gia tous Prosfyges", "en"),
    # a place qualifier that is the organisation's own seat or country
    ("Mazowiecki Urząd Wojewódzki", "pl", "Mazowiecki Urząd Wojewódzki w Warszawie", "pl"),
    ("Ministerstvo vnitra", "cs", "Ministerstvo vnitra České republiky", "cs"),
]

DIFFERENT_CASES = [
    # branch offices: the name plus a foreign place
    ("Międzynarodowa Organizacja do spraw Migracji", "pl",
     "Międzynarodowa Organizacja do spraw Migracji z siedzibą w Niemczech", "pl"),
    ("International Organization for Migration", "en", "International Organization for Migration Germany", "en"),
    ("Caritas", "de", "Caritas Polen", "de"),
    # same words, another legal form in the same language
    ("Fundacja Pomocy Cudzoziemcom", "pl", "Stowarzyszenie Pomocy Cudzoziemcom", "pl"),
    # siblings: one word differs
    ("Centrum Pomocy Prawnej", "pl", "Centrum Pomocy Psychologicznej", "pl"),
    ("Refugee Legal Support Network", "en", "Refugee Housing Support Network", "en"),
    ("Център за правна помощ", "bg", "Център за социална помощ", "bg"),
    # one name is part of the other, the rest is not a place
    ("Rada Europy", "pl", "Rada Europy Regionów", "pl"),
    # translation is not transliteration
    ("Center for Legal Aid", "en", "Tsentar za pravna pomosht", "en"),
]


@pytest.mark.parametrize("a, lang_a, b, lang_b", SAME_CASES)
def test_same(a: str, lang_a: str, b: str, lang_b: str) -> None:
    assert verdict(a, lang_a, b, lang_b), f"{a!r} and {b!r} should be one organisation"


@pytest.mark.parametrize("a, lang_a, b, lang_b", DIFFERENT_CASES)
def test_different(a: str, lang_a: str, b: str, lang_b: str) -> None:
    assert not verdict(a, lang_a, b, lang_b), f"{a!r} and {b!r} should stay apart"


def test_branch_is_recorded_as_a_different_judgement() -> None:
    ra = Record("d1/o1", "Organisation", "d1", "en", names=["International Organization for Migration"])
    rb = Record("d2/o1", "Organisation", "d2", "en", names=["International Organization for Migration Germany"])
    js = match([ra, rb])
    assert [(j.verdict, j.rule) for j in js] == [("different", "resolve.branch.v1")]
    assert js[0].evidence["places"] == ["DE"]


def test_different_registry_numbers_keep_equal_names_apart() -> None:
    assert not verdict("Fundacja Pomocy Cudzoziemcom", "pl", "Fundacja Pomocy Cudzoziemcom", "pl",
                       identifiers={"krs:0000999999"}) is False  # no conflict when only one side has one
    ra = Record("d1/o1", "Organisation", "d1", "pl", names=["Fundacja Pomocy"], identifiers={"krs:0000000001"})
    rb = Record("d2/o1", "Organisation", "d2", "pl", names=["Fundacja Pomocy"], identifiers={"krs:0000000002"})
    js = match([ra, rb])
    assert [(j.verdict, j.rule) for j in js] == [("different", "resolve.identifier.v1")]
    groups, _ = cluster([ra.id, rb.id], js)
    assert len(groups) == 2


def test_same_registry_number_merges_different_names() -> None:
    ra = Record("d1/o1", "Organisation", "d1", "pl", names=["Fundacja Ocalenie"], identifiers={"krs:0000000001"})
    rb = Record("d2/o1", "Organisation", "d2", "en", names=["Ocalenie Foundation Poland"], identifiers={"krs:0000000001"})
    js = match([ra, rb])
    assert any(j.verdict == "same" and j.rule == "resolve.identifier.v1" for j in js)
