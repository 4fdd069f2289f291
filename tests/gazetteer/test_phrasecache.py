"""The phrase indexes saved once in the cache dir: read back, they find what a fresh build finds;
a stale or damaged file is replaced; an unusable cache dir still gives working indexes."""
from __future__ import annotations

import gc
import pickle
from pathlib import Path

import pytest

from integraph.gazetteer import LANGS, phrasecache

# our own sentences, each naming countries, funds, bodies or a status in its language, some inflected
TEXTS = {
    "pl": "Projekt realizowany w Polsce i w Republice Czeskiej z Funduszu Azylu, Migracji i Integracji "
          "wspólnie z UNHCR zakończył się w 2023 roku.",
    "de": "Das Projekt in Deutschland und Österreich wird aus dem Asyl-, Migrations- und Integrationsfonds "
          "gefördert; die Internationale Organisation für Migration ist Partner.",
    "cs": "Projekt v České republice financovaný z Azylového, migračního a integračního fondu (AMIF) probíhá.",
    "en": "The project in Italy and Greece, funded by the European Social Fund Plus (ESF+), is ongoing.",
    "fr": "Le projet en France et en Belgique, financé par le FAMI, est terminé.",
    "bg": "Проектът в България се финансира от фонд „Убежище, миграция и интеграция“.",
}


@pytest.fixture(scope="module")
def fresh() -> dict:
    """Built once for the module: building lemmatises names of 26 languages (~1.5 s)."""
    return phrasecache.build()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An empty cache dir of the test's own, and indexes() asked afresh (restored afterwards)."""
    monkeypatch.setenv("INTEGRAPH_CACHE", str(tmp_path / "cache"))
    phrasecache.indexes.cache_clear()
    yield tmp_path / "cache"
    phrasecache.indexes.cache_clear()


def _matches(tables: dict) -> list:
    return [(name, lang, tables[name].find(text, lang)) for name in phrasecache.INDEXES
            for lang, text in TEXTS.items()]


def test_a_saved_cache_loads_back_and_finds_what_a_fresh_build_finds(cache: Path, fresh: dict):
    path = phrasecache.cache_path()
    assert path is not None and path.parent == cache
    phrasecache._write(fresh, path)  # noqa: SLF001
    assert path.exists()
    loaded = phrasecache.indexes()
    assert loaded is not fresh
    assert loaded["country_names"] == fresh["country_names"]
    for name in phrasecache.INDEXES:
        a, b = loaded[name], fresh[name]
        # the tries themselves, every language's included, not only what a few texts meet
        assert (a.exact, a.surface, a._lemma, a._scoped, a._prefixes) == (b.exact, b.surface, b._lemma, b._scoped, b._prefixes)  # noqa: SLF001
        assert a._stem_memo == {}  # noqa: SLF001 - keyed by ids of another process: never saved
    found = _matches(loaded)
    assert found == _matches(fresh)
    assert any(m for _, _, m in found)  # the texts do name something


def test_every_language_tries_are_ready_after_loading(cache: Path, fresh: dict):
    phrasecache._write(fresh, phrasecache.cache_path())  # noqa: SLF001
    countries = phrasecache.indexes()["countries"]
    assert set(countries._lemma) == set(countries._names) >= {"pl", "de", "cs"}  # noqa: SLF001
    assert set(countries._scoped) >= set(LANGS)  # noqa: SLF001


def test_a_missing_cache_is_built_and_written(cache: Path):
    built = phrasecache.indexes()
    path = phrasecache.cache_path()
    assert path.exists() and set(built) == set(phrasecache.NAMES)
    with path.open("rb") as f:
        assert set(pickle.load(f)) == set(phrasecache.NAMES)


def test_a_damaged_cache_is_rebuilt_and_a_stale_one_removed(cache: Path, fresh: dict):
    path = phrasecache.cache_path()
    stale = cache / "phrases-0123456789abcdef.pickle"
    stale.write_bytes(b"an older version's file")
    path.write_bytes(pickle.dumps(fresh)[:5000])  # truncated mid-way
    assert phrasecache._load(path) is None  # noqa: SLF001
    loaded = phrasecache.indexes()
    assert _matches(loaded) == _matches(fresh)
    assert phrasecache._load(path) is not None  # noqa: SLF001 - rewritten whole
    assert not stale.exists()


def test_a_foreign_pickle_is_not_taken_for_the_indexes(cache: Path):
    path = phrasecache.cache_path()
    path.write_bytes(pickle.dumps({"countries": "not an index"}))
    assert phrasecache._load(path) is None  # noqa: SLF001


def test_a_cache_key_changes_with_the_data(cache: Path, monkeypatch: pytest.MonkeyPatch):
    before = phrasecache.cache_path()
    monkeypatch.setattr(phrasecache, "CACHE_FORMAT", phrasecache.CACHE_FORMAT + 1)
    assert phrasecache.cache_path() != before


def test_an_unusable_cache_dir_still_gives_working_indexes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: dict):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("INTEGRAPH_CACHE", str(blocker / "cache"))  # cannot be created
    phrasecache.indexes.cache_clear()
    try:
        assert phrasecache.cache_path() is None
        assert _matches(phrasecache.indexes()) == _matches(fresh)
        assert phrasecache.ensure_built() is None
    finally:
        phrasecache.indexes.cache_clear()
    # a directory that vanished between naming the file and writing it: nothing raised, nothing written
    phrasecache._write(fresh, tmp_path / "gone" / "phrases-x.pickle")  # noqa: SLF001
    assert not (tmp_path / "gone").exists()


def test_warm_up_leaves_every_language_ready_before_a_pool_forks():
    from integraph.gazetteer import countries, cues, funds, orgs
    from integraph.pipeline import warm_up

    warm_up()
    gc.unfreeze()
    for index in (countries._index(), funds._index(), orgs._international_index(), cues._status_index()):  # noqa: SLF001
        assert set(index._lemma) == set(index._names)  # noqa: SLF001
        assert set(index._scoped) >= set(LANGS)  # noqa: SLF001
