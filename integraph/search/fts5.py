"""SQLite FTS5 search backend (`unicode61 remove_diacritics 2`, bake-off §9).

Everything FTS5-specific (virtual tables, MATCH syntax, bm25) lives here.
"""
from __future__ import annotations

import json
from typing import Any, Iterable, Sequence

from integraph.errors import UsageError
from integraph.search.backend import Paragraph, Query, SqlTables


def _quote(words: Sequence[str]) -> str:
    # A double-quoted FTS5 string is a phrase; inner quotes are doubled.  This
    # keeps user text from ever being read as FTS5 operators.
    return '"' + " ".join(words).replace('"', '""') + '"'


SCHEMA = "2"  # search tables' layout; an index of another layout is rebuilt


class Fts5Backend(SqlTables):
    """SQLite FTS5 with `unicode61 remove_diacritics 2` (bake-off §9)."""

    TOKENIZE = "unicode61 remove_diacritics 2"
    SCHEMA = SCHEMA
    TABLES = ("search_fts", "search_docs", "search_rows", "search_tags", "search_names", "search_meta")

    def ensure(self) -> None:
        tables = self.db.tables()
        if "search_meta" in tables and self.get_meta("schema") != SCHEMA or (
                "search_meta" not in tables and "search_docs" in tables):
            self.reset()  # built by an older version: rebuilt from the store by the caller
        # A contentful table (it keeps its own copy of the text) so that a
        # document deleted from the store can still be dropped from the index.
        # `concepts` holds a token per thesaurus concept the paragraph mentions.
        self.db.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
            "surface, lemmas, concepts, document UNINDEXED, idx UNINDEXED, start_ UNINDEXED, language UNINDEXED, "
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
        self.set_meta("schema", SCHEMA)
        self.db.commit()

    # -- writing ------------------------------------------------------------
    def add_paragraphs(self, rows: Iterable[Paragraph]) -> list[int]:
        """Index paragraphs; return the row number given to each, in order."""
        rows = list(rows)
        top = self.db.query("SELECT MAX(row_) AS m FROM search_rows")[0]["m"] or 0
        numbers = list(range(top + 1, top + 1 + len(rows)))
        self.db.executemany(
            "INSERT INTO search_rows(row_, document, start_, end_) VALUES (?, ?, ?, ?)",
            [(n, r[0], r[2], r[2] + len(r[3])) for n, r in zip(numbers, rows)],
        )
        self.db.executemany(
            "INSERT INTO search_fts(rowid, document, idx, start_, surface, lemmas, language, concepts) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [(n, *r) for n, r in zip(numbers, rows)]
        )
        return numbers

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

    def set_names(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        """Replace the entity-name index by rows of (name, latin, entity, type)."""
        self.db.execute("DELETE FROM search_names")
        self.db.executemany("INSERT INTO search_names(name, latin, entity, type) VALUES (?, ?, ?, ?)", list(rows))

    def size(self) -> int:
        """About how many paragraphs are indexed (the highest row number)."""
        return self.db.query("SELECT MAX(row_) AS m FROM search_rows")[0]["m"] or 0

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

    def candidates(self, query: Query, start: int, count: int) -> list[tuple[int, float]]:
        # FTS5 walks its doclists in rowid order and stops at the LIMIT, so a block costs what
        # it holds, not what the whole query matches.  bm25 weights: surface 2, lemmas and concepts 1.
        where, params = self._where(query)
        rows = self.db.query(
            f"SELECT rowid AS r, bm25(search_fts, 2.0, 1.0, 1.0) AS s FROM search_fts WHERE {where} "
            "ORDER BY rowid DESC LIMIT ? OFFSET ?", [*params, count, start])
        return [(row["r"], -row["s"]) for row in rows]

    def count(self, query: Query, cap: int) -> int:
        where, params = self._where(query)
        return self.db.query(f"SELECT COUNT(*) AS n FROM (SELECT 1 FROM search_fts WHERE {where} LIMIT ?)",
                             [*params, cap])[0]["n"]

    def rows(self, rows: Sequence[int]) -> dict[int, dict[str, Any]]:
        if not rows:
            return {}
        found = self.db.query(
            "SELECT rowid AS row_, document, idx, start_, surface, language FROM search_fts "
            "WHERE rowid IN (SELECT value FROM json_each(?))", [json.dumps(list(rows))])
        return {r["row_"]: r for r in found}

    def facet_counts(self, rows: Sequence[int]) -> list[dict[str, Any]]:
        if not rows:
            return []
        return self.db.query(
            "SELECT facet, value, COUNT(*) AS n FROM search_tags WHERE row_ IN (SELECT value FROM json_each(?)) "
            "GROUP BY facet, value ORDER BY facet, n DESC, value", [json.dumps(list(rows))])

    def tags_of(self, rows: Sequence[int], facet: str) -> dict[int, list[str]]:
        """row -> values of one facet, for a page of hits."""
        out: dict[int, list[str]] = {}
        if not rows:
            return out
        for r in self.db.query("SELECT row_, value FROM search_tags WHERE facet = ? AND row_ IN "
                               "(SELECT value FROM json_each(?)) ORDER BY value", [facet, json.dumps(list(rows))]):
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

