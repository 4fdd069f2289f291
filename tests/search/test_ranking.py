"""Bounded ranking on both backends: blocks, capped totals, stable paging, rebuilds of old indexes."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from integraph.search import index, ranking, search
from integraph.search.backend import backend_for


def _all_pages(store, q, size):
    first = search(store, q, limit=size)
    seen, offset = [], 0
    while offset < first["total"]:
        page = search(store, q, limit=size, offset=offset)
        seen += [(h["document"], h["paragraph"]) for h in page["hits"]]
        offset += size
    return first, seen


def test_small_results_are_exact(kb):
    store, _ = kb
    r = search(store, "проект")
    assert r["total_exact"] and r["ranked_exact"] and r["facets_exact"]
    assert r["total"] == len(search(store, "проект", limit=100)["hits"])


def test_blocks_page_every_match_once(kb, monkeypatch):
    store, _ = kb
    exact, everything = _all_pages(store, "проект", 100)
    monkeypatch.setattr(ranking, "BLOCK", 2)
    monkeypatch.setattr(ranking, "TOTAL_CAP", 1000)
    blocked, pages = _all_pages(store, "проект", 3)  # pages straddle blocks
    assert exact["total"] >= 5
    assert blocked["total"] == exact["total"] and blocked["total_exact"]
    assert not blocked["ranked_exact"] and not blocked["facets_exact"]
    assert len(pages) == len(set(pages)) and set(pages) == set(everything)
    scores = [h["score"] for h in search(store, "проект", limit=2)["hits"]]
    assert scores == sorted(scores, reverse=True)  # best first within a block


def test_total_is_capped(kb, monkeypatch):
    store, _ = kb
    monkeypatch.setattr(ranking, "BLOCK", 1)
    monkeypatch.setattr(ranking, "TOTAL_CAP", 2)
    r = search(store, "проект", limit=1)
    assert r["total"] == 2 and not r["total_exact"]
    assert len(r["hits"]) == 1


def test_newest_block_comes_first(kb, monkeypatch):
    store, _ = kb
    monkeypatch.setattr(ranking, "BLOCK", 1)
    backend = backend_for(store.db)
    matches = backend.candidates(_query(store, "проект"), 0, 100)
    assert len(matches) >= 5
    newest = backend.rows([max(r for r, _ in matches)])
    hit = search(store, "проект", limit=1)["hits"][0]
    assert [(hit["document"], hit["paragraph"])] == [(r["document"], r["idx"]) for r in newest.values()]


def _query(store, q):
    from integraph.search.backend import Query
    from integraph.search.query import candidate_languages, parse

    indexed = backend_for(store.db).languages()
    groups, _, _ = parse(q, candidate_languages(q, None, indexed), indexed)
    return Query(groups)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from('ab "*():-^+~NEAROR\'\\&|!<>@ёжź'), max_size=24))
def test_any_query_text_is_answered(kb, q):
    store, _ = kb
    r = search(store, q, limit=5)
    assert r["total"] >= len(r["hits"])


def test_an_index_of_an_older_layout_is_rebuilt(store_url):
    import synthetic_kb

    from integraph.store import Store

    with Store(store_url) as store:
        synthetic_kb.build(store)
        index(store)
        backend = backend_for(store.db)
        backend.set_meta("schema", "0")  # as an older version left it
        store.db.commit()
        assert not backend.current()
        assert search(store, "Bruksela")["total"] >= 1
        assert backend.current()
