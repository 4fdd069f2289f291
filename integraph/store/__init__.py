"""The knowledge base: documents, failures, statements and judgements.

`Store` is the only object the rest of the code uses to read or write; SQL
dialects are `integraph.store.dialect`'s business.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from integraph.model import Document, Section, Span, Statement
from integraph.store.dialect import Connection, connect
from integraph.store.schema import TABLES, VERSION

DEFAULT_DB = Path("var/integraph.sqlite")
# The columns `DocumentRows` fills, in the order of its tuples.
PARAGRAPH_COLUMNS = ("document", "idx", "start_", "end_", "language", "text")
STATEMENT_COLUMNS = ("entity", "schema_", "prop", "value", "document", "start_", "end_", "extractor", "confidence",
                     "as_of")


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class Store:
    def __init__(self, url: str | Path = DEFAULT_DB) -> None:
        self.url = str(url)
        self.db: Connection = connect(url)
        try:
            # Only a new database is written to on opening: a reader (the portal) opening the store
            # during a long ingest must not wait for the writer's lock.
            if not self._schema_present():
                self.db.create_schema(TABLES)
                self.db.execute("INSERT INTO meta(key, value) VALUES ('schema', ?) ON CONFLICT(key) DO NOTHING",
                                (str(VERSION),))
                self.db.commit()
        except BaseException:
            self.db.close()
            raise

    def _schema_present(self) -> bool:
        if "meta" not in self.db.tables():
            return False
        rows = self.db.query("SELECT value FROM meta WHERE key = 'schema'")
        return bool(rows) and rows[0]["value"] == str(VERSION)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """All or nothing: one document's results commit together or not at all."""
        try:
            yield self.db
        except BaseException:
            self.db.rollback()
            raise
        else:
            self.db.commit()

    # -- documents -------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return bool(self.db.query("SELECT 1 AS x FROM documents WHERE id = ?", (doc_id,)))

    def save_document(self, doc: Document, statements: list[Statement]) -> int:
        """Store a document, its paragraphs and its statements atomically; return its version."""
        return self.save_rows(document_rows(doc, statements), doc.original)

    def save_rows(self, rows: DocumentRows, original: bytes) -> int:
        """`save_document` for rows built elsewhere (`document_rows` in a pool worker): the writing
        process only inserts.  `original` is the document's file, which the writer already holds."""
        with self.transaction() as db:
            row = db.query("SELECT versions FROM sources WHERE locator = ?", (rows.source,))
            version = (row[0]["versions"] if row else 0) + 1
            stamp = now()
            db.execute(
                "INSERT INTO sources(locator, latest, versions, first_seen, last_seen) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(locator) DO UPDATE SET latest = excluded.latest, versions = excluded.versions, "
                "last_seen = excluded.last_seen",
                (rows.source, rows.id, version, stamp, stamp),
            )
            db.execute(
                "INSERT INTO documents(id, source, version, media_type, language, title, date, text, sections, "
                "original, size, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (rows.id, rows.source, version, rows.media_type, rows.language, rows.title, rows.date, rows.text,
                 rows.sections, original, len(original), stamp),
            )
            db.insert_rows("paragraphs", PARAGRAPH_COLUMNS, rows.paragraphs)
            db.insert_rows("statements", STATEMENT_COLUMNS, rows.statements)
            db.execute("DELETE FROM failures WHERE locator = ?", (rows.source,))
        return version

    def document(self, doc_id: str, with_original: bool = False) -> Document | None:
        cols = "*" if with_original else "id, source, version, media_type, language, title, date, text, sections"
        rows = self.db.query(f"SELECT {cols} FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            return None
        return _document_from_row(rows[0])

    def documents(self) -> list[Document]:
        rows = self.db.query(
            "SELECT id, source, version, media_type, language, title, date, text, sections FROM documents ORDER BY source, version"
        )
        return [_document_from_row(r) for r in rows]

    def document_rows(self) -> list[dict[str, Any]]:
        return self.db.query(
            "SELECT id, source, version, media_type, language, title, date, size, ingested_at FROM documents ORDER BY source, version"
        )

    def original(self, doc_id: str) -> bytes | None:
        rows = self.db.query("SELECT original FROM documents WHERE id = ?", (doc_id,))
        return bytes(rows[0]["original"]) if rows else None

    # -- failures --------------------------------------------------------
    def record_failure(self, locator: str, kind: str, reason: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO failures(locator, kind, reason, at) VALUES (?, ?, ?, ?) ON CONFLICT(locator) "
                "DO UPDATE SET kind = excluded.kind, reason = excluded.reason, at = excluded.at",
                (locator, kind, reason, now()),
            )

    def failures(self) -> list[dict[str, Any]]:
        return self.db.query("SELECT locator, kind, reason, at FROM failures ORDER BY locator")

    # -- statements ------------------------------------------------------
    def statements(self, entity: str | None = None, document: str | None = None) -> list[Statement]:
        sql = "SELECT entity, schema_, prop, value, document, start_, end_, extractor, confidence, as_of FROM statements"
        where, params = [], []
        if entity is not None:
            where.append("entity = ?")
            params.append(entity)
        if document is not None:
            where.append("document = ?")
            params.append(document)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id"
        return [
            Statement(r["entity"], r["schema_"], r["prop"], r["value"], Span(r["document"], r["start_"], r["end_"]),
                      r["extractor"], r["confidence"], r["as_of"])
            for r in self.db.query(sql, params)
        ]

    def replace_statements(self, doc_id: str, statements: list[Statement]) -> None:
        """Re-extraction of a stored document: swap its statements in one transaction."""
        with self.transaction() as db:
            db.execute("DELETE FROM statements WHERE document = ?", (doc_id,))
            db.insert_rows("statements", STATEMENT_COLUMNS, statement_rows(statements))

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("documents", "failures", "statements", "paragraphs", "judgements"):
            out[table] = self.db.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]
        return out


@dataclass(slots=True)
class DocumentRows:
    """One document and its statements as the rows `Store.save_rows` inserts, without the original
    file.  Plain tuples of plain values: they cross a process boundary (a pool worker builds them)
    several times cheaper than the `Document` and `Statement` objects they come from."""

    id: str
    source: str
    media_type: str
    language: str | None
    title: str | None
    date: str | None
    text: str
    sections: str  # JSON, as the documents table holds it
    paragraphs: list[tuple[Any, ...]]  # (document, idx, start_, end_, language, text)
    statements: list[tuple[Any, ...]]  # the statements table's columns but id, in order


def document_rows(doc: Document, statements: list[Statement]) -> DocumentRows:
    """The rows `Store.save_rows` writes for `doc` and its statements."""
    sections = json.dumps([[s.start, s.end, s.heading, s.level, s.language] for s in doc.sections], ensure_ascii=False)
    paragraphs = [(doc.id, i, a, b, _language_at(doc, a), doc.text[a:b]) for i, (a, b) in enumerate(doc.paragraphs)]
    return DocumentRows(doc.id, doc.source, doc.media_type, doc.language, doc.title, doc.date, doc.text, sections,
                        paragraphs, statement_rows(statements))


def statement_rows(statements: list[Statement]) -> list[tuple[Any, ...]]:
    return [(s.entity, s.schema, s.prop, s.value, s.span.document, s.span.start, s.span.end, s.extractor,
             s.confidence, s.as_of) for s in statements]


def _language_at(doc: Document, offset: int) -> str | None:
    section = doc.section_at(offset)
    return (section.language if section and section.language else None) or doc.language


def _document_from_row(r: dict[str, Any]) -> Document:
    sections = [Section(a, b, h, lvl, lang) for a, b, h, lvl, lang in json.loads(r["sections"])]
    return Document(
        id=r["id"], source=r["source"], media_type=r["media_type"], text=r["text"],
        original=bytes(r["original"]) if r.get("original") is not None else b"",
        title=r["title"], date=r["date"], language=r["language"], sections=sections,
    )
