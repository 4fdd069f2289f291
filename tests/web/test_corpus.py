"""The portal over the example corpus as the real pipeline ingests and resolves it."""
from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def corpus_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from integraph.store import Store
    from integraph.web.app import create_app

    pipeline = pytest.importorskip("integraph.pipeline")
    examples_dir = Path(__file__).resolve().parents[2] / "examples"
    path = tmp_path_factory.mktemp("corpus") / "kb.sqlite"
    with Store(path) as store:
        summary = pipeline.ingest(sorted((examples_dir / "corpus").iterdir()), store)
        if summary.count("new") == 0:
            pytest.skip(f"the pipeline ingested nothing: {summary.as_dict()['failures'][:1]}")
        try:
            from integraph.resolve import resolve
        except ImportError:
            pass
        else:
            resolve(store)
    with TestClient(create_app(path)) as c:
        yield c


@pytest.mark.slow
def test_every_entity_page_renders(corpus_client):
    export = corpus_client.get("/api/export.json").json()
    assert export["documents"]
    for section in ("projects", "organisations", "programmes", "places"):
        for e in export[section][:40]:
            r = corpus_client.get(f"/{section}/{e['id']}", follow_redirects=True)
            assert r.status_code == 200, (section, e["id"])


@pytest.mark.slow
def test_search_finds_corpus_text(corpus_client):
    export = corpus_client.get("/api/export.json").json()
    doc = export["documents"][0]
    text = corpus_client.get(f"/api/documents/{doc['id']}").json()["document"]["text"]
    word = max(text.split(), key=len).strip(".,;:()\"'„“”«»")
    body = corpus_client.get("/api/search", params={"q": word}).json()
    assert body["total"] >= 1
    assert doc["id"] in {h["document"] for h in corpus_client.get(
        "/api/search", params={"q": word, "limit": 200}).json()["hits"]}
