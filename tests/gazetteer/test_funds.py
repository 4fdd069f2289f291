"""Funds: names in many languages, inflected forms, acronyms; the seeds' programmes."""
from __future__ import annotations

import pytest

from integraph.gazetteer import funds, load_data

CASES = [  # (lang, text, fund key, matched text)
    ("pl", "Projekt finansowany z Funduszu Azylu, Migracji i Integracji Unii Europejskiej.", "eu-amif", "Funduszu Azylu, Migracji i Integracji"),
    ("pl", "ze środków Europejskiego Funduszu na rzecz Integracji Obywateli Państw Trzecich.", "eu-eif", "Europejskiego Funduszu na rzecz Integracji Obywateli Państw Trzecich"),
    ("pl", "współfinansowany ze środków Europejskiego Funduszu Społecznego", "eu-esf", "Europejskiego Funduszu Społecznego"),
    ("cs", "Projekt je financován z Azylového, migračního a integračního fondu.", "eu-amif", "Azylového, migračního a integračního fondu"),
    ("cs", "spolufinancováno z Operačního programu Zaměstnanost", "cz-opz", "Operačního programu Zaměstnanost"),
    ("bg", "финансиран от Оперативна програма „Добро управление“, съфинансирана от ЕСФ", "bg-opgg", "Оперативна програма „Добро управление“"),
    ("bg", "по Фонд „Убежище, миграция и интеграция“", "eu-amif", "Фонд „Убежище, миграция и интеграция“"),
    ("de", "gefördert aus Mitteln des Asyl-, Migrations- und Integrationsfonds", "eu-amif", "Asyl-, Migrations- und Integrationsfonds"),
    ("fr", "cofinancé par le Fonds Asile, migration et intégration", "eu-amif", "Fonds Asile, migration et intégration"),
    ("it", "finanziato dal Fondo Asilo, Migrazione e Integrazione 2014-2020", "eu-amif", "Fondo Asilo, Migrazione e Integrazione"),
    ("es", "cofinanciado por el Fondo Social Europeo Plus", "eu-esf-plus", "Fondo Social Europeo Plus"),
    ("ro", "proiect cofinanțat din Fondul Social European prin POCU", "eu-esf", "Fondul Social European"),
    ("en", "funded by the European Union's Asylum, Migration and Integration Fund", "eu-amif", "Asylum, Migration and Integration Fund"),
    ("sk", "z Európskeho sociálneho fondu", "eu-esf", "Európskeho sociálneho fondu"),
    ("hu", "az Európai Regionális Fejlesztési Alap támogatásával", "eu-erdf", "Európai Regionális Fejlesztési Alap"),
]


@pytest.mark.parametrize("lang,text,key,surface", sorted(CASES))  # by language: one dictionary load each
def test_names_in_many_languages(lang, text, key, surface):
    found = {(m.value, text[m.start:m.end]) for m in funds.find(text, lang)}
    assert (key, surface) in found


@pytest.mark.parametrize("text,lang,expected", [
    ("(FAMI)", "pl", ["eu-amif"]),
    ("ФУМИ и ОПДУ", "bg", ["eu-amif", "bg-opgg"]),
    ("POCU, PO WER, OP Z+ and ESF+", None, ["ro-pocu", "pl-power", "cz-opz-plus", "eu-esf-plus"]),
    ("ERF", "et", ["eu-erdf"]),   # Estonian ERF is the Regional Development Fund
    ("ERF", "en", ["eu-erf"]),    # English ERF the Refugee Fund
    ("fami, Power, esf", "pl", []),  # acronyms are case-sensitive
])
def test_acronyms(text, lang, expected):
    assert [m.value for m in funds.find(text, lang)] == expected


def test_every_fund_is_well_formed():
    keys = set()
    for f in load_data("gazetteer/funds.json")["funds"]:
        assert f["key"] not in keys
        keys.add(f["key"])
        assert f["level"] in {"eu", "national", "regional", "international", "private"}
        assert f["names"] or f["acronyms"]
        if f["level"] == "national":
            assert len(f["country"]) == 2
    for f in load_data("gazetteer/funds.json")["funds"]:
        assert f.get("parent") in (None, *keys)


def test_eu_funds_are_named_in_all_24_languages():
    eu24 = {"bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "hr", "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"}
    for key in ("eu-amif", "eu-esf", "eu-esf-plus", "eu-erdf", "eu-eif", "eu-erf", "eu-horizon-2020"):
        assert eu24 <= set(funds.get(key)["names"]), key  # ga where a name is known


def test_lookup_by_key():
    assert funds.name("eu-amif", "pl") == "Fundusz Azylu, Migracji i Integracji"
    assert funds.get("bg-opgg")["country"] == "BG"
    assert funds.get("no-such") is None


def test_seed_000_every_good_governance_mention(shared_dir):
    text = next((shared_dir / "seeds").glob("000_*")).read_text("utf-8")
    mentions = text.count("Добро управление")
    found = [m for m in funds.find(text, "bg") if m.value == "bg-opgg"]
    assert mentions > 0 and len(found) == mentions
    assert all("Добро управление" in text[m.start:m.end] for m in found)


def test_seed_programmes(shared_dir):
    seeds = shared_dir / "seeds"
    assert {m.value for m in funds.find(next(seeds.glob("002_*")).read_text("utf-8"), "pl")} == {"eu-eif"}
    assert "eu-amif" in {m.value for m in funds.find(next(seeds.glob("003_*")).read_text("utf-8"), "pl")}
