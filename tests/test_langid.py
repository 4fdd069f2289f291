"""Language identification on sentences written for this test in all 24 EU languages, plus uk/ru."""
from __future__ import annotations

from pathlib import Path

import pytest
from py3langid.langid import LanguageIdentifier

from integraph import langid
from integraph.convert import to_document

SENTENCES = {
    "bg": "Сдружението организира курсове по български език за бежанци и мигранти в София.",
    "cs": "Spolek pořádá kurzy češtiny pro uprchlíky a migranty v Brně každý týden.",
    "da": "Foreningen tilbyder danskundervisning til flygtninge og indvandrere i Aarhus hver uge.",
    "de": "Der Verein bietet jede Woche Deutschkurse für Geflüchtete und Zugewanderte in Leipzig an.",
    "el": "Ο σύλλογος οργανώνει μαθήματα ελληνικών για πρόσφυγες και μετανάστες στην Αθήνα.",
    "en": "The association runs weekly English classes for refugees and migrants in Dublin.",
    "es": "La asociación organiza clases de español para refugiados y migrantes en Valencia cada semana.",
    "et": "Ühing korraldab pagulastele ja sisserändajatele igal nädalal eesti keele kursusi Tartus.",
    "fi": "Yhdistys järjestää pakolaisille ja maahanmuuttajille suomen kielen kursseja joka viikko Tampereella.",
    "fr": "L'association organise chaque semaine des cours de français pour les réfugiés et les migrants à Lyon.",
    "ga": "Eagraíonn an cumann ranganna Gaeilge do dhídeanaithe agus d'imircigh i nGaillimh gach seachtain.",
    "hr": "Udruga svaki tjedan organizira tečajeve hrvatskog jezika za izbjeglice i migrante u Zagrebu.",
    "hu": "Az egyesület minden héten magyar nyelvtanfolyamot szervez menekülteknek és bevándorlóknak Szegeden.",
    "it": "L'associazione organizza ogni settimana corsi di italiano per rifugiati e migranti a Bologna.",
    "lt": "Asociacija kiekvieną savaitę organizuoja lietuvių kalbos kursus pabėgėliams ir migrantams Kaune.",
    "lv": "Biedrība katru nedēļu rīko latviešu valodas kursus bēgļiem un migrantiem Rīgā.",
    "mt": "L-assoċjazzjoni torganizza korsijiet tal-Malti għar-refuġjati u l-migranti f'Birkirkara kull ġimgħa.",
    "nl": "De vereniging organiseert elke week lessen Nederlands voor vluchtelingen en migranten in Utrecht.",
    "pl": "Stowarzyszenie co tydzień organizuje kursy języka polskiego dla uchodźców i migrantów w Lublinie.",
    "pt": "A associação organiza todas as semanas aulas de português para refugiados e migrantes no Porto.",
    "ro": "Asociația organizează în fiecare săptămână cursuri de limba română pentru refugiați și migranți la Iași.",
    "sk": "Združenie každý týždeň organizuje kurzy slovenčiny pre utečencov a migrantov v Košiciach.",
    "sl": "Društvo vsak teden organizira tečaje slovenščine za begunce in migrante v Mariboru.",
    "sv": "Föreningen ordnar varje vecka kurser i svenska för flyktingar och migranter i Göteborg.",
}
CYRILLIC = {
    "uk": "Організація щотижня проводить курси української мови для біженців у Львові.",
    "ru": "Организация каждую неделю проводит курсы русского языка для беженцев в Москве.",
    "bg": "Организацията всяка седмица провежда курсове по български език за бежанци в Пловдив.",
}


def test_eu_sentences():
    right = sum(langid.detect(text) == lang for lang, text in SENTENCES.items())
    assert right >= 22, {lang: langid.detect(t) for lang, t in SENTENCES.items() if langid.detect(t) != lang}


@pytest.mark.parametrize("lang,text", CYRILLIC.items())
def test_cyrillic_languages_are_told_apart(lang, text):
    assert langid.detect(text) == lang


def test_short_text_inherits():
    assert langid.detect("Обобщение") is None and langid.detect("Kolejne kroki") is None


def test_sections_fall_back_to_document_language():
    text = ("# Raport roczny\n\n" + SENTENCES["pl"] + " " + SENTENCES["pl"] + "\n\n## Summary\n\nShort note.\n\n"
            "## Zusammenfassung\n\n" + SENTENCES["de"] + " " + SENTENCES["de"].replace("Leipzig", "Halle") + "\n")
    doc = to_document(text.encode(), "r.md")
    assert doc.language == "pl"
    assert [s.language for s in doc.sections] == ["pl", "pl", "de"]


def test_seed_documents(shared_dir):
    expected = ["bg", "bg", "pl", "pl", "cs"]
    paths = sorted((shared_dir / "seeds").glob("*.txt"))
    assert [langid.detect(p.read_text(encoding="utf-8")) for p in paths] == expected


def _fresh_identifier(monkeypatch, cache: Path):
    monkeypatch.setenv("INTEGRAPH_CACHE", str(cache))
    langid.identifier.cache_clear()
    try:
        return langid.identifier()
    finally:
        langid.identifier.cache_clear()


def test_the_unpacked_model_cache_scores_exactly_as_the_packaged_model(tmp_path: Path, monkeypatch):
    packaged = langid._unpack_model(LanguageIdentifier)  # noqa: SLF001
    built = _fresh_identifier(monkeypatch, tmp_path)  # unpacks the model and writes the cache
    [cached_file] = tmp_path.glob("langid-*.npz")

    def unpack_again(cls):
        raise AssertionError("the cache should have been read")

    monkeypatch.setattr(langid, "_unpack_model", unpack_again)
    cached = _fresh_identifier(monkeypatch, tmp_path)  # reads it back
    assert cached.nb_classes == packaged.nb_classes == built.nb_classes
    for text in [*SENTENCES.values(), *CYRILLIC.values(), "Kolejne kroki i podsumowanie roku 2025"]:
        assert cached.rank(text) == packaged.rank(text)  # the same probabilities, to the last bit
    assert cached_file.exists()


def test_a_damaged_or_stale_cache_is_rebuilt_and_an_unwritable_one_is_skipped(tmp_path: Path, monkeypatch):
    _fresh_identifier(monkeypatch, tmp_path)
    [good] = tmp_path.glob("langid-*.npz")
    good.write_bytes(b"not a model")  # a truncated write of an older version, a foreign file
    (tmp_path / "langid-0000000000000000.npz").write_bytes(b"an earlier install's model")
    assert _fresh_identifier(monkeypatch, tmp_path).classify(SENTENCES["fi"])[0] == "fi"
    assert [p.name for p in tmp_path.glob("langid-*.npz")] == [good.name]  # rebuilt; the stale one gone
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    assert _fresh_identifier(monkeypatch, blocked / "cache").classify(SENTENCES["sv"])[0] == "sv"
