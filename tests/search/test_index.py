"""Indexing in batches, concept tokens, languages noted at index time — on both backends."""
from __future__ import annotations

import importlib

from integraph.search import index, search
from integraph.search.backend import backend_for
from integraph.search.thesaurus import concept_token


def test_batches_index_every_document(store_url, monkeypatch):
    import synthetic_kb

    from integraph.store import Store

    # The package's `index` is the function; the module is reached by name.
    monkeypatch.setattr(importlib.import_module("integraph.search.index"), "BATCH", 2)
    with Store(store_url) as store:
        ids = synthetic_kb.build(store)
        report = index(store)
        assert report.added == len(ids) == len(backend_for(store.db).indexed_documents())
        assert report.paragraphs == store.counts()["paragraphs"]
        assert backend_for(store.db).languages() == {"bg", "en", "pl"}
        assert ids["pl2021"] in {h["document"] for h in search(store, "Bruksela")["hits"]}


def test_concept_tokens_are_single_plain_words():
    token = concept_token("e-services")
    assert token.isascii() and token.isalnum() and token.islower()
    assert token == concept_token("e-services") != concept_token("housing")


def test_concept_matches_whatever_the_language(kb):
    store, ids = kb
    # "e-services" is in none of the Bulgarian paragraph's words; the concept tag finds it.
    r = search(store, "e-services")
    assert r["expansion"][0]["concept"] == "e-services"
    assert ids["bg2023"] in {h["document"] for h in r["hits"]}
