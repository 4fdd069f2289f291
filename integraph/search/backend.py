"""The seam between search logic and the database's full-text engine.

Everything FTS5-specific (virtual tables, MATCH syntax, bm25) lives here, in
`Fts5Backend`.  The rest of `integraph.search` speaks in `Query` objects and
plain rows, so a PostgreSQL backend (`tsvector` + `websearch_to_tsquery`)
only has to implement the same methods and be returned by `backend_for`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Protocol, Sequence

from integraph.errors import UsageError
from integraph.store.dialect import Connection

# Which column an alternative is looked up in: the words as written or their lemmas.
SURFACE, LEMMAS = "surface", "lemmas"


@dataclass(frozen=True)
class Phrase:
    """Consecutive words to find in one column."""

    column: str  # SURFACE or LEMMAS
    words: tuple[str, ...]


@dataclass
class Query:
    """A conjunction of groups; each group is satisfied by any of its phrases."""

    groups: list[list[Phrase]] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)  # facet -> accepted values (OR)

    @property
    def empty(self) -> bool:
        return not any(self.groups)


class Backend(Protocol):
    def ensure(self) -> None: ...
    def indexed_documents(self) -> set[str]: ...
    def add_paragraphs(self, rows: Iterable[tuple[str, int, int, str, str, str | None]]) -> None: ...
    def drop_document(self, document: str) -> None: ...
    def set_tags(self, rows: Iterable[tuple[int, str, str]], facets: Sequence[str]) -> None: ...
    def hits(self, query: Query, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]: ...
    def facet_counts(self, query: Query) -> list[dict[str, Any]]: ...
    def set_names(self, rows: Iterable[tuple[str, str, str, str]]) -> None: ...
    def tags_of(self, rows: Sequence[int], facet: str) -> dict[int, list[str]]: ...
    def names(self, words: Sequence[str], limit: int) -> list[dict[str, Any]]: ...


FACET_SAMPLE = 2000  # matching passages whose tags the facet counts look at


def _quote(words: Sequence[str]) -> str:
    # A double-quoted FTS5 string is a phrase; inner quotes are doubled.  This
    # keeps user text from ever being read as FTS5 operators.
    return '"' + " ".join(words).replace('"', '""') + '"'


class Fts5Backend:
    """SQLite FTS5 with `unicode61 remove_diacritics 2` (bake-off §9)."""

    TOKENIZE = "unicode61 remove_diacritics 2"

    def __init__(self, db: Connection) -> None:
        self.db = db

    def ensure(self) -> None:
        # A contentful table (it keeps its own copy of the text) so that a
        # document deleted from the store can still be dropped from the index.
        self.db.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
            "surface, lemmas, document UNINDEXED, idx UNINDEXED, start_ UNINDEXED, language UNINDEXED, "
            f"tokenize = '{self.TOKENIZE}')"
        )
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS search_docs (document TEXT PRIMARY KEY)"
        )
        # Where each indexed paragraph sits (FTS rowid = row_); FTS5 cannot
        # index its UNINDEXED columns, so lookups by document go through here.
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS search_rows (row_ INTEGER PRIMARY KEY, document TEXT NOT NULL, "
            "start_ INTEGER NOT NULL, end_ INTEGER NOT NULL)"
        )
        self.db.execute("CREATE INDEX IF NOT EXISTS search_rows_document ON search_rows(document)")
        # Facet values per paragraph: (rowid of search_fts, facet, value).
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS search_tags (row_ INTEGER NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL, "
            "PRIMARY KEY (row_, facet, value))"
        )
        self.db.execute("CREATE INDEX IF NOT EXISTS search_tags_facet ON search_tags(facet, value)")
        self.db.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_names USING fts5("
            "name, latin, entity UNINDEXED, type UNINDEXED, "
            f"tokenize = '{self.TOKENIZE}')"
        )
        self.db.execute("CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        self.db.commit()

    # -- writing ------------------------------------------------------------
    def indexed_documents(self) -> set[str]:
        return {r["document"] for r in self.db.query("SELECT document FROM search_docs")}

    def add_paragraphs(self, rows: Iterable[tuple[str, int, int, str, str, str | None]]) -> None:
        """rows: (document, idx, start, surface, lemmas, language)."""
        rows = list(rows)
        top = self.db.query("SELECT MAX(row_) AS m FROM search_rows")[0]["m"] or 0
        numbered = [(top + 1 + i, *r) for i, r in enumerate(rows)]
        self.db.executemany(
            "INSERT INTO search_rows(row_, document, start_, end_) VALUES (?, ?, ?, ?)",
            [(n, r[0], r[2], r[2] + len(r[3])) for n, *r in numbered],
        )
        self.db.executemany(
            "INSERT INTO search_fts(rowid, document, idx, start_, surface, lemmas, language) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", numbered
        )
        self.db.executemany(
            "INSERT INTO search_docs(document) VALUES (?) ON CONFLICT(document) DO NOTHING",
            sorted({(r[0],) for r in rows}),
        )

    def mark_documents(self, documents: Iterable[str]) -> None:
        self.db.executemany(
            "INSERT INTO search_docs(document) VALUES (?) ON CONFLICT(document) DO NOTHING", [(d,) for d in documents]
        )

    def drop_document(self, document: str) -> None:
        rows = [(r["row_"],) for r in self.db.query("SELECT row_ FROM search_rows WHERE document = ?", (document,))]
        self.db.executemany("DELETE FROM search_tags WHERE row_ = ?", rows)
        self.db.executemany("DELETE FROM search_fts WHERE rowid = ?", rows)
        self.db.execute("DELETE FROM search_rows WHERE document = ?", (document,))
        self.db.execute("DELETE FROM search_docs WHERE document = ?", (document,))

    def spans_of(self, document: str) -> list[tuple[int, int, int]]:
        """(rowid, start, end) of one document's indexed paragraphs."""
        return [(r["row_"], r["start_"], r["end_"]) for r in self.db.query(
            "SELECT row_, start_, end_ FROM search_rows WHERE document = ?", (document,))]

    def set_tags(self, rows: Iterable[tuple[int, str, str]], facets: Sequence[str]) -> None:
        """Replace every tag of `facets` by `rows` of (rowid, facet, value)."""
        for facet in facets:
            self.db.execute("DELETE FROM search_tags WHERE facet = ?", (facet,))
        self.add_tags(rows)

    def add_tags(self, rows: Iterable[tuple[int, str, str]]) -> None:
        self.db.executemany(
            "INSERT INTO search_tags(row_, facet, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", list(rows)
        )

    def set_names(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        """Replace the entity-name index by rows of (name, latin, entity, type)."""
        self.db.execute("DELETE FROM search_names")
        self.db.executemany("INSERT INTO search_names(name, latin, entity, type) VALUES (?, ?, ?, ?)", list(rows))

    def languages(self) -> set[str]:
        """Languages of the indexed paragraphs."""
        return {r["value"] for r in self.db.query("SELECT DISTINCT value FROM search_tags WHERE facet = 'language'")}

    def get_meta(self, key: str) -> str | None:
        rows = self.db.query("SELECT value FROM search_meta WHERE key = ?", (key,))
        return rows[0]["value"] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO search_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def optimise(self) -> None:
        self.db.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")

    # -- reading ------------------------------------------------------------
    @staticmethod
    def match_expression(query: Query) -> str:
        parts = []
        for group in query.groups:
            alts = sorted({f"{p.column} : {_quote(p.words)}" for p in group if p.words})
            if alts:
                parts.append("(" + " OR ".join(alts) + ")")
        return " AND ".join(parts)

    def _where(self, query: Query) -> tuple[str, list[Any]]:
        if query.empty:
            raise UsageError("empty query")
        sql = "search_fts MATCH ?"
        params: list[Any] = [self.match_expression(query)]
        for facet, values in sorted(query.filters.items()):
            if not values:
                continue
            marks = ", ".join("?" for _ in values)
            sql += f" AND search_fts.rowid IN (SELECT row_ FROM search_tags WHERE facet = ? AND value IN ({marks}))"
            params += [facet, *values]
        return sql, params

    def hits(self, query: Query, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        where, params = self._where(query)
        total = self.db.query(f"SELECT COUNT(*) AS n FROM search_fts WHERE {where}", params)[0]["n"]
        # bm25 weights: a surface match ranks above a lemma-only match.
        rows = self.db.query(
            f"SELECT rowid AS row_, document, idx, start_, surface, language, bm25(search_fts, 2.0, 1.0) AS score "
            f"FROM search_fts WHERE {where} ORDER BY score LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return total, rows

    def facet_counts(self, query: Query) -> list[dict[str, Any]]:
        # Facets count the first FACET_SAMPLE matching passages: a broad query over a large
        # index would otherwise touch every hit's tags (p95 352 ms at 20 000 documents).
        where, params = self._where(query)
        return self.db.query(
            f"SELECT facet, value, COUNT(*) AS n FROM search_tags WHERE row_ IN "
            f"(SELECT rowid FROM search_fts WHERE {where} LIMIT ?) GROUP BY facet, value ORDER BY facet, n DESC, value",
            [*params, FACET_SAMPLE],
        )

    def tags_of(self, rows: Sequence[int], facet: str) -> dict[int, list[str]]:
        """rowid -> values of one facet, for a page of hits."""
        if not rows:
            return {}
        marks = ", ".join("?" for _ in rows)
        out: dict[int, list[str]] = {}
        for r in self.db.query(f"SELECT row_, value FROM search_tags WHERE facet = ? AND row_ IN ({marks}) "
                               "ORDER BY value", [facet, *rows]):
            out.setdefault(r["row_"], []).append(r["value"])
        return out

    def names(self, words: Sequence[str], limit: int) -> list[dict[str, Any]]:
        if not words:
            return []
        # Every word must occur, as a prefix, in the name or its Latin form.
        expr = " AND ".join(f"({{name latin}} : {_quote([w])} *)" for w in words)
        return self.db.query(
            "SELECT DISTINCT entity, type, name FROM search_names WHERE search_names MATCH ? ORDER BY rank LIMIT ?",
            (expr, limit),
        )


def backend_for(db: Connection) -> Fts5Backend:
    """The full-text backend for this connection's dialect."""
    if db.dialect.name == "sqlite":
        return Fts5Backend(db)
    raise UsageError(f"full-text search is not implemented for {db.dialect.name} yet")
