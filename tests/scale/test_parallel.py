"""Parallel ingest (process pool, Dask cluster) stores exactly what a serial ingest stores."""
from __future__ import annotations

from pathlib import Path

import pytest

from integraph.errors import UsageError
from integraph.pipeline import ingest
from integraph.store import Store


def snapshot(store: Store) -> tuple:
    docs = sorted((d["id"], d["source"]) for d in store.db.query("SELECT id, source FROM documents"))
    facts = sorted((s.span.document, s.span.start, s.span.end, s.prop, s.value, s.entity) for s in store.statements())
    return docs, facts, store.counts()


@pytest.fixture
def serial(make_corpus, tmp_path: Path):
    paths = make_corpus(16, suffixes={".txt", ".md", ".html"}, max_bytes=1200)
    (paths[0].parent / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")  # one bad input among them
    paths.append(paths[0].parent / "broken.pdf")
    with Store(tmp_path / "serial.sqlite") as store:
        summary = ingest(paths, store, workers=1).as_dict()
        return paths, summary, snapshot(store)


def test_a_process_pool_stores_what_a_serial_run_stores(serial, store_url: str):
    paths, summary, want = serial
    with Store(store_url) as store:
        got = ingest(paths, store, workers=2).as_dict()
        assert (got["new"], got["failed"], got["statements"]) == (summary["new"], summary["failed"],
                                                                 summary["statements"])
        assert got["failed"] == 1 and got["new"] == 16
        assert snapshot(store) == want


def test_a_dask_cluster_stores_what_a_serial_run_stores(serial, dask_cluster: str, tmp_path: Path):
    paths, summary, want = serial
    with Store(tmp_path / "dask.sqlite") as store:
        got = ingest(paths, store, cluster=dask_cluster).as_dict()
        assert got["failures"] == summary["failures"]
        assert snapshot(store) == want
        again = ingest(paths, store, cluster=dask_cluster).as_dict()
        assert (again["new"], again["unchanged"]) == (0, 16)


def test_the_cli_takes_a_cluster_address(serial, dask_cluster: str, tmp_path: Path):
    from click.testing import CliRunner

    from integraph.cli import cli

    paths, summary, _ = serial
    db = tmp_path / "cli.sqlite"
    out = CliRunner().invoke(cli, ["ingest", str(paths[0].parent), "--cluster", dask_cluster, "--db", str(db),
                                   "--no-resolve", "--json"])
    assert out.exit_code == 0, out.output
    with Store(db) as store:
        assert store.counts()["documents"] == 16


def test_an_unreachable_scheduler_is_a_usage_error(serial, tmp_path: Path):
    pytest.importorskip("distributed")
    paths, _, _ = serial
    with Store(tmp_path / "x.sqlite") as store, pytest.raises(UsageError, match="Dask scheduler"):
        ingest(paths[:1], store, cluster="tcp://127.0.0.1:9")
