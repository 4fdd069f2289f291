from __future__ import annotations

from integraph.search import index, search


def test_thesaurus_finds_bulgarian_passage_for_english_words(kb):
    store, ids = kb
    r = search(store, "e-services")
    assert r["total"] >= 1
    hit = r["hits"][0]
    assert hit["document"] == ids["bg2023"]
    a, b = hit["highlights"][0]
    assert hit["text"][a:b] == "електронни услуги"
    # match offsets point into the stored document text
    text = store.document(ids["bg2023"]).text
    assert text[hit["match"][0]:hit["match"][1]] == "електронни услуги"
    assert "P1" in hit["about"]


def test_lemma_column_finds_inflected_forms(kb):
    store, _ = kb
    r = search(store, "Bruksela")  # the text says "Brukseli"
    assert r["total"] >= 1
    assert any("Brukseli" in h["text"] for h in r["hits"])


def test_diacritics_and_case_are_ignored(kb):
    store, ids = kb
    r = search(store, "UCHODZCOW")  # the text says "uchodźców"
    assert ids["pl2021"] in {h["document"] for h in r["hits"]}


def test_entity_names_found_across_scripts(kb):
    store, _ = kb
    names = {e["id"] for e in search(store, "Plovdiv")["entities"]}
    assert "C1" in names  # stored as Пловдив
    assert "PR1" in {e["id"] for e in search(store, "amif")["entities"]}


def test_facets_and_filters(kb):
    store, ids = kb
    r = search(store, "AMIF")
    programmes = {f["value"]: f["count"] for f in r["facets"]["programme"]}
    assert programmes.get("AMIF", 0) >= 2
    riga = search(store, "AMIF", {"city": ["Riga"]})
    assert riga["total"] >= 1
    assert {h["document"] for h in riga["hits"]} == {ids["en2022"]}
    assert search(store, "AMIF", {"language": "pl"})["total"] == 0


def test_query_text_is_never_fts_syntax(kb):
    store, _ = kb
    for q in ['"unclosed', "NEAR(a b)", "a OR", "col:value", "*", "-x"]:
        search(store, q)  # must not raise


def test_index_is_incremental(kb):
    store, _ = kb
    report = index(store)
    assert report.added == 0 and report.paragraphs == 0


def test_paging(kb):
    store, _ = kb
    first = search(store, "project", limit=1)
    second = search(store, "project", limit=1, offset=1)
    assert first["total"] == second["total"] >= 2
    assert first["hits"][0] != second["hits"][0]


def test_deleted_documents_leave_the_index(store_url):
    import synthetic_kb

    from integraph.store import Store

    with Store(store_url) as store:
        ids = synthetic_kb.build(store)
        index(store)
        assert search(store, "Bruksela")["total"] >= 1
        store.db.execute("DELETE FROM documents WHERE id = ?", (ids["pl2021"],))
        store.db.commit()
        assert index(store).removed == 1
        assert search(store, "Bruksela")["total"] == 0
