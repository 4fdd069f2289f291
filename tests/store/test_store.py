"""The store on a real SQLite file: versions, atomic saves, failures."""
from __future__ import annotations

import pytest

from integraph.errors import StoreError
from integraph.model import Document, Span, Statement, content_id
from integraph.store import Store


def doc(data: bytes, source: str = "a.txt") -> Document:
    text = data.decode()
    return Document(id=content_id(data), source=source, media_type="text/plain", text=text, original=data,
                    language="en", paragraphs=[(0, len(text))])


def test_a_changed_file_is_a_new_version_of_the_same_source(store: Store):
    assert store.save_document(doc(b"first text"), []) == 1
    assert store.save_document(doc(b"second text"), []) == 2
    rows = store.db.query("SELECT versions, latest FROM sources WHERE locator = 'a.txt'")
    assert rows == [{"versions": 2, "latest": content_id(b"second text")}]
    assert store.original(content_id(b"first text")) == b"first text"


def test_a_document_and_its_statements_commit_together(store: Store):
    d = doc(b"Fundacja Most")
    bad = Statement("e", "Organisation", "name", "x", Span("no-such-document", 0, 1), "t")
    with pytest.raises(StoreError):
        store.save_document(d, [bad])  # the statement's document does not exist: all rolled back
    assert not store.has_document(d.id)
    good = Statement("e", "Organisation", "name", "Fundacja Most", Span(d.id, 0, 13), "t")
    store.save_document(d, [good])
    assert [s.value for s in store.statements(document=d.id)] == ["Fundacja Most"]


def test_a_success_clears_the_failure_of_the_same_source(store: Store):
    store.record_failure("a.txt", "corrupt", "corrupt: not a PDF")
    assert store.failures()[0]["reason"] == "corrupt: not a PDF"
    store.save_document(doc(b"now fine"), [])
    assert store.failures() == []


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    bad = tmp_path / "kb.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(bad)
