"""The same store behaviour on SQLite and on a real PostgreSQL server (`store_url` runs each test on both)."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from integraph.errors import StoreError
from integraph.model import Document, Section, Span, Statement, content_id
from integraph.store import Store
from integraph.store.dialect import _to_pyformat


def doc(data: bytes, source: str = "a.txt") -> Document:
    text = data.decode()
    return Document(id=content_id(data), source=source, media_type="text/plain", text=text, original=data,
                    title="T", language="pl", sections=[Section(0, len(text), "T", 1, "pl")],
                    paragraphs=[(0, len(text))])


def fact(d: Document, value: str, confidence: float = 0.85) -> Statement:
    return Statement("org-1", "Organisation", "name", value, Span(d.id, 0, len(value)), "test", confidence, "2024")


def test_documents_versions_and_originals_round_trip(store_url: str):
    with Store(store_url) as store:
        first, second = doc(b"first text \xc5\xbc"), doc(b"second text")
        assert store.save_document(first, [fact(first, "first")]) == 1
        assert store.save_document(second, []) == 2
        assert store.db.query("SELECT versions, latest FROM sources WHERE locator = ?", ("a.txt",)) == [
            {"versions": 2, "latest": second.id}]
        assert store.original(first.id) == first.original
        back = store.document(first.id, with_original=True)
        assert back is not None and back.text == first.text and back.sections == first.sections
        assert back.original == first.original
        assert [d.id for d in store.documents()] == [first.id, second.id]
        assert [r["version"] for r in store.document_rows()] == [1, 2]
        assert store.has_document(second.id) and not store.has_document("nope")
        assert store.counts() == {"documents": 2, "failures": 0, "statements": 1, "paragraphs": 2, "judgements": 0}


def test_statements_keep_exact_confidences_and_order(store_url: str):
    with Store(store_url) as store:
        d = doc(b"Fundacja Most i Fundacja Brzeg")
        facts = [fact(d, "Fundacja Most", 0.85), fact(d, "Fundacja Brzeg", 1 / 3)]
        store.save_document(d, facts)
        assert store.statements(document=d.id) == facts  # 0.85 must not come back as 0.8500000238
        assert store.statements(entity="org-1") == facts
        store.replace_statements(d.id, facts[1:])
        assert store.statements() == facts[1:]


def test_a_failed_save_rolls_everything_back_and_the_store_stays_usable(store_url: str):
    with Store(store_url) as store:
        d = doc(b"Fundacja Most")
        bad = Statement("e", "Organisation", "name", "x", Span("no-such-document", 0, 1), "t")
        with pytest.raises(StoreError):
            store.save_document(d, [bad])
        assert not store.has_document(d.id)
        assert store.db.query("SELECT COUNT(*) AS n FROM sources")[0]["n"] == 0
        store.save_document(d, [fact(d, "Fundacja")])
        assert store.counts()["statements"] == 1


@pytest.mark.parametrize("n", [0, 1, 7, 31, 32, 33, 63, 100])
def test_statements_keep_their_order_and_ids_across_insert_blocks(store_url: str, n: int):
    # insert_rows writes blocks of 32, 16, … 1 rows per statement on SQLite and COPYs them on PostgreSQL:
    # order, ids and values (tabs, backslashes, the text \N, line breaks: COPY's escapes) must not show it
    with Store(store_url) as store:
        d = doc(b"Fundacja Most")
        facts = [Statement(f"org-{i % 5}", "Organisation", "name", f"v{i}\t\\N\n'\"%?ż\\", Span(d.id, 0, i % 13),
                           "test", i / 7, None if i % 3 else "2024") for i in range(n)]
        store.save_document(d, facts)
        assert store.statements() == facts
        ids = [r["id"] for r in store.db.query("SELECT id FROM statements ORDER BY id")]
        assert ids == list(range(ids[0], ids[0] + n)) if n else ids == []
        store.replace_statements(d.id, facts[::-1])
        assert store.statements(document=d.id) == facts[::-1]


def test_a_bad_row_late_in_a_block_rolls_the_whole_document_back(store_url: str):
    with Store(store_url) as store:
        d = doc(b"Fundacja Most")
        facts = [fact(d, f"name {i}") for i in range(40)]
        facts[37] = Statement("e", "Organisation", "name", "x", Span("no-such-document", 0, 1), "t")
        with pytest.raises(StoreError):
            store.save_document(d, facts)
        assert store.counts()["statements"] == 0 and not store.has_document(d.id)
        with pytest.raises(StoreError):  # a row of the wrong width is refused before anything is written
            store.db.insert_rows("meta", ("key", "value"), [("a", "1"), ("b",)])
        assert store.db.query("SELECT key FROM meta WHERE key IN ('a', 'b')") == []


def test_a_failing_statement_outside_a_transaction_does_not_poison_the_connection(store_url: str):
    with Store(store_url) as store:
        with pytest.raises(StoreError):
            store.db.execute("INSERT INTO meta(key, value) VALUES ('schema', 'again')")  # primary key taken
        with pytest.raises(StoreError):
            store.db.query("SELECT no_such_column FROM meta")
        store.record_failure("x.pdf", "corrupt", "corrupt: truncated")
        assert [f["locator"] for f in store.failures()] == ["x.pdf"]


def test_failures_upsert_and_are_cleared_by_a_success(store_url: str):
    with Store(store_url) as store:
        store.record_failure("a.txt", "corrupt", "corrupt: one")
        store.record_failure("a.txt", "empty", "empty: two")
        assert [(f["kind"], f["reason"]) for f in store.failures()] == [("empty", "empty: two")]
        store.save_document(doc(b"now fine"), [])
        assert store.failures() == []


def test_question_marks_and_percent_signs_in_values_and_literals(store_url: str):
    with Store(store_url) as store:
        store.db.execute("INSERT INTO meta(key, value) VALUES (?, '100% ? sure')", ("k?%s",))
        store.db.commit()
        assert store.db.query("SELECT value FROM meta WHERE key = ? AND value LIKE '100%'", ("k?%s",)) == [
            {"value": "100% ? sure"}]


def test_opening_the_same_database_twice_is_harmless(store_url: str):
    with Store(store_url) as a, Store(store_url) as b:
        d = doc(b"seen by both")
        a.save_document(d, [])
        assert b.has_document(d.id)
        assert b.db.query("SELECT value FROM meta WHERE key = 'schema'")[0]["value"] == "1"


def test_stream_reads_in_batches(store_url: str):
    with Store(store_url) as store:
        for i in range(7):
            store.save_document(doc(f"text {i}".encode(), source=f"{i}.txt"), [])
        batches = list(store.db.stream("SELECT id FROM documents ORDER BY id", batch=3))
        assert [len(b) for b in batches] == [3, 3, 1]
        assert store.db.tables() >= {"documents", "statements", "paragraphs"}
        assert store.db.columns("failures") == ["locator", "kind", "reason", "at"]


def test_the_example_corpus_ingests_the_same_on_both_backends(store_url: str, tmp_path: Path, examples_dir: Path):
    from integraph.pipeline import ingest

    corpus = sorted((examples_dir / "corpus").iterdir())
    with Store(store_url) as store, Store(tmp_path / "reference.sqlite") as reference:
        got = ingest(corpus, store).as_dict()
        want = ingest(corpus, reference).as_dict()
        assert got == want
        assert store.counts() == reference.counts()
        assert store.statements() == reference.statements()
        again = ingest(corpus, store).as_dict()
        assert again["new"] == 0 and again["unchanged"] == got["new"] + got["unchanged"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60))
def test_any_text_round_trips(store_url: str, value: str):
    with Store(store_url) as store:
        store.db.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
                         "excluded.value", ("probe", value))
        store.db.commit()
        assert store.db.query("SELECT value FROM meta WHERE key = ?", ("probe",)) == [{"value": value}]


@given(st.text(alphabet="ab?%'\" ", max_size=30))
def test_placeholders_outside_quotes_only(sql: str):
    out = _to_pyformat(sql)
    quoteless = out.count("%s")
    assert quoteless <= sql.count("?")
    if "'" not in sql and '"' not in sql:
        assert out == sql.replace("%", "%%").replace("?", "%s")
