"""Ingest end to end on real files: new, unchanged, failed, and a re-run that picks up the rest."""
from __future__ import annotations

import json
from pathlib import Path

from integraph.pipeline import MAX_FILE_BYTES, ingest
from integraph.store import Store

GOOD_PL = ("Fundacja Wspólna Droga realizuje projekt „Razem w Lublinie“ w partnerstwie z Urzędem Miasta Lublin.\n\n"
           "Projekt jest finansowany z Funduszu Azylu, Migracji i Integracji (FAMI).\n")
GOOD_DE = "Der Verein Brücken e.V. berät seit 2015 geflüchtete Familien in Leipzig.\n"


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD_PL, encoding="utf-8")
    (folder / "sub" / "b.txt").write_text(GOOD_DE, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    return folder


def test_one_bad_file_never_stops_the_batch(tmp_path: Path, store: Store):
    summary = ingest([corpus(tmp_path)], store)
    report = summary.as_dict()
    assert report["new"] == 2 and report["failed"] == 3
    reasons = {Path(f["source"]).name: f["reason"] for f in report["failures"]}
    assert reasons["empty.txt"].startswith("empty")
    assert set(reasons) == {"empty.txt", "junk.txt", "broken.pdf"}
    assert {Path(f["locator"]).name for f in store.failures()} == set(reasons)
    assert report["by_language"] == {"pl": 1, "de": 1}


def test_reingesting_is_a_noop_and_a_rerun_picks_up_what_is_missing(tmp_path: Path, store: Store):
    folder = corpus(tmp_path)
    ingest([folder], store)
    n_statements = store.counts()["statements"]
    (folder / "empty.txt").write_text("Stowarzyszenie Nowy Dom działa w Krakowie od 2010 roku.\n", encoding="utf-8")
    again = ingest([folder], store).as_dict()
    assert again["new"] == 1 and again["unchanged"] == 2 and again["failed"] == 2
    assert store.counts()["documents"] == 3
    assert store.counts()["statements"] > n_statements
    assert "empty.txt" not in {Path(f["locator"]).name for f in store.failures()}


def test_every_statement_has_a_span_inside_its_document(tmp_path: Path, store: Store):
    ingest([corpus(tmp_path)], store)
    docs = {d.id: d for d in store.documents()}
    statements = store.statements()
    assert statements
    for s in statements:
        text = docs[s.span.document].text
        assert 0 <= s.span.start < s.span.end <= len(text)


def test_files_over_the_limit_are_refused_before_reading(tmp_path: Path, store: Store):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: the test does not write 50 MB
        fh.seek(MAX_FILE_BYTES + 1)
        fh.write(b"x")
    report = ingest([big], store).as_dict()
    assert report["failed"] == 1 and report["failures"][0]["reason"].startswith("too-large")


def test_two_workers_store_the_same_as_one(tmp_path: Path):
    folder = corpus(tmp_path)
    with Store(tmp_path / "one.sqlite") as one, Store(tmp_path / "two.sqlite") as two:
        ingest([folder], one, workers=1)
        ingest([folder], two, workers=2)
        key = lambda s: (s.entity, s.prop, s.value, s.span.start)  # noqa: E731
        assert sorted(map(key, one.statements())) == sorted(map(key, two.statements()))


def test_cli_ingest_json_summary_and_exit_codes(tmp_path: Path):
    from click.testing import CliRunner

    from integraph.cli import cli

    folder = corpus(tmp_path)
    db = str(tmp_path / "kb.sqlite")
    result = CliRunner().invoke(cli, ["ingest", str(folder), "--db", db, "--json", "--no-resolve"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["new"] == 2 and report["failed"] == 3
    only_bad = tmp_path / "bad"
    only_bad.mkdir()
    (only_bad / "x.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["ingest", str(only_bad), "--db", db, "--json"])
    assert result.exit_code == 1  # nothing at all could be ingested
