"""kill -9 in the middle of an ingest leaves a consistent knowledge base, and a re-run completes it exactly."""
from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from pathlib import Path

import pytest

from ingest_process import document_count, kill_hard, start
from integraph.pipeline import process
from integraph.store import Store

N = 160


def consistency_problems(store: Store) -> dict[str, int]:
    q = lambda sql: store.db.query(sql)[0]["n"]  # noqa: E731
    return {
        "statements without their document": q(
            "SELECT COUNT(*) AS n FROM statements WHERE document NOT IN (SELECT id FROM documents)"),
        "paragraphs without their document": q(
            "SELECT COUNT(*) AS n FROM paragraphs WHERE document NOT IN (SELECT id FROM documents)"),
        "documents without paragraphs": q(
            "SELECT COUNT(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.document = d.id)"),
        "sources whose latest document is missing": q(
            "SELECT COUNT(*) AS n FROM sources WHERE latest NOT IN (SELECT id FROM documents)"),
        "documents without their source": q(
            "SELECT COUNT(*) AS n FROM documents WHERE source NOT IN (SELECT locator FROM sources)"),
    }


def facts(statements) -> Counter:
    return Counter((s.entity, s.schema, s.prop, s.value, s.span.start, s.span.end, s.extractor) for s in statements)


@pytest.mark.slow
def test_kill_9_mid_ingest_then_rerun(make_corpus, store_url: str, tmp_path: Path):
    paths = make_corpus(N, suffixes={".txt", ".md"}, max_bytes=700)
    corpus = paths[0].parent
    proc = start(corpus, store_url)
    deadline = time.monotonic() + 300
    while (committed := document_count(store_url)) < 8:
        assert proc.poll() is None, f"ingest ended before it could be killed: {proc.communicate()}"
        assert time.monotonic() < deadline, "ingest committed nothing in 300 s"
        time.sleep(0.05)
    kill_hard(proc)
    assert proc.returncode == -9

    if not store_url.startswith("postgresql"):
        with sqlite3.connect(store_url) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    with Store(store_url) as store:
        assert all(n == 0 for n in consistency_problems(store).values()), consistency_problems(store)
        before = {d.id for d in store.documents()}
    assert committed <= len(before) < N

    rerun = start(corpus, store_url)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    report = json.loads(out)
    assert report["failed"] == 0 and report["unchanged"] == len(before) and report["new"] == N - len(before)

    with Store(store_url) as store:
        assert consistency_problems(store) == dict.fromkeys(consistency_problems(store), 0)
        assert store.db.query("SELECT COUNT(*) AS n, MAX(versions) AS v FROM sources")[0] == {"n": N, "v": 1}
        docs = {d.source: d for d in store.documents()}
        assert sorted(docs) == sorted(str(p) for p in paths)
        # Documents saved before and after the crash hold exactly their facts: none twice, none lost.
        sample = [d for d in docs.values() if d.id in before][:3] + [d for d in docs.values() if d.id not in before][:3]
        for doc in sample:
            fresh = process(doc.source, Path(doc.source).read_bytes())
            assert facts(store.statements(document=doc.id)) == facts(fresh.statements)
