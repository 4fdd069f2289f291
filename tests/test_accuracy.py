"""The accuracy gate: extraction + resolution on gold corpora must not fall below the floors.

Floors only go up (`python -m integraph.accuracy --update`).  A changed corpus
is noticed by its hash, so a fixture edit cannot move scores silently.
"""
from __future__ import annotations

import json

import pytest

from integraph.accuracy import CORPORA, EPSILON, FLOORS, METRICS, corpus_hash, metric, score

FLOOR_TABLE = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}


@pytest.fixture(scope="module", params=sorted(CORPORA))
def scored(request):
    name = request.param
    path = CORPORA[name]
    if not path.exists():
        pytest.skip(f"{path} is absent")
    if name not in FLOOR_TABLE:
        pytest.skip(f"no floors recorded for {name} yet")
    return name, path, score(path)


def test_corpus_is_the_one_the_floors_were_set_on(scored):
    name, path, _ = scored
    assert corpus_hash(path) == FLOOR_TABLE[name]["corpus_hash"], (
        f"{name}: corpus changed; re-run `python -m integraph.accuracy --update` after checking the scores")


@pytest.mark.parametrize("m", METRICS)
def test_metric_is_at_or_above_its_floor(scored, m):
    name, _, result = scored
    floor = FLOOR_TABLE[name]["floors"][m]
    assert metric(result, m) + EPSILON >= floor, f"{name} {m}: {metric(result, m):.3f} < floor {floor:.3f}"


def test_every_exported_fact_carries_a_span_that_states_it(tmp_path):
    from integraph.export import build
    from integraph.pipeline import ingest
    from integraph.store import Store

    path = CORPORA["examples"]
    if not path.exists():
        pytest.skip("examples/gold.json is absent")
    with Store(tmp_path / "kb.sqlite") as store:
        ingest([path.parent / "corpus"], store)
        kb = build(store)
        texts = {d.id: d.text for d in store.documents()}
        names = [e for sec in ("organisations", "programmes", "places", "projects") for e in kb[sec]]
        assert names
        for e in names:
            assert e["sources"], e
            for s in e["sources"]:
                assert 0 <= s["start"] < s["end"] <= len(texts[s["document"]])
        for st in store.statements():
            if st.prop in ("name", "title", "acronym", "grant_id", "url"):
                said = texts[st.span.document][st.span.start:st.span.end]
                if st.extractor.startswith("integraph.base-form"):  # the stated name in dictionary form
                    assert said.split()[1:] == st.value.split()[1:], (st, said)
                    continue
                assert st.value.lower() in said.lower() or said.lower() in st.value.lower(), (st, said)
