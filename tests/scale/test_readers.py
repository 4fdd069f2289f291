"""Readers (the Store API, the portal) keep working while an ingest writes in another process."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from ingest_process import kill_hard, start
from integraph.store import Store

N = 60


def read_everything(store: Store) -> int:
    counts = store.counts()
    for row in store.document_rows()[-3:]:
        doc = store.document(row["id"])
        assert doc is not None and doc.text
        store.statements(document=row["id"])
    store.failures()
    return counts["documents"]


@pytest.mark.slow
def test_store_readers_during_an_ingest(make_corpus, store_url: str):
    corpus = make_corpus(N, suffixes={".txt", ".md", ".html"}, max_bytes=900)[0].parent
    Store(store_url).close()  # the schema exists before the first reader arrives
    proc = start(corpus, store_url)
    seen: set[int] = set()
    try:
        with Store(store_url) as long_lived:
            while proc.poll() is None:
                seen.add(read_everything(long_lived))
                with Store(store_url) as fresh:  # a new connection each time, as a CLI command has
                    seen.add(read_everything(fresh))
                time.sleep(0.02)
    finally:
        if proc.poll() is None:
            kill_hard(proc)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    with Store(store_url) as store:
        assert read_everything(store) == N
    assert len([n for n in seen if 0 < n < N]) >= 2, f"no read happened during the writes: {sorted(seen)}"


@pytest.mark.slow
def test_the_portal_answers_during_an_ingest(make_corpus, tmp_path: Path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from integraph.web.app import create_app

    db = str(tmp_path / "kb.sqlite")
    corpus = make_corpus(N, suffixes={".txt", ".md", ".html"}, max_bytes=900)[0].parent
    Store(db).close()
    proc = start(corpus, db)
    statuses: list[int] = []
    try:
        with TestClient(create_app(db)) as client:
            while proc.poll() is None:
                for url in ("/api/organisations", "/api/projects", "/api/search?q=projekt", "/"):
                    response = client.get(url)
                    statuses.append(response.status_code)
                    assert response.status_code == 200, (url, response.text[:300])
    finally:
        if proc.poll() is None:
            kill_hard(proc)
    _, err = proc.communicate()
    assert proc.returncode == 0, err
    assert "database is locked" not in err
    assert len(statuses) >= 4
