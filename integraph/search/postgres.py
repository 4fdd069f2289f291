"""PostgreSQL search backend: `tsvector` columns, GIN indexes, `phraseto_tsquery`, `ts_rank_cd`.

PostgreSQL's snowball configurations cover a dozen of our 26 languages, so
every column uses the `simple` configuration (no stemming, no stop words)
over text we prepare ourselves: the words as written and their simplemma
lemmas, both passed through `textutil.fold` (case, diacritics, punctuation)
first.  Folding in Python rather than with the `unaccent` extension keeps the
index the same whatever extensions or collation the server has (in a C-locale
database PostgreSQL would not even lower-case Cyrillic), and makes a query
fold exactly as the text did.

Tables mirror the FTS5 backend's (`search_paragraphs` holds what FTS5 keeps
in `search_fts` plus `search_rows`); ranking, paging and passages are shared
(`integraph.search.ranking`, `integraph.search.highlight`).
"""
from __future__ import annotations

from typing import Any, Iterable, Sequence

from integraph.errors import UsageError
from integraph.search.backend import CONCEPTS, LEMMAS, SURFACE, Paragraph, Query, SqlTables
from integraph.textutil import fold

SCHEMA = "pg1"  # search tables' layout; an index of another layout is rebuilt
TABLES = [
    """CREATE TABLE IF NOT EXISTS search_paragraphs (
        row_ BIGINT PRIMARY KEY,
        document TEXT NOT NULL,
        idx INTEGER NOT NULL,
        start_ INTEGER NOT NULL,
        end_ INTEGER NOT NULL,
        language TEXT,
        surface TEXT NOT NULL,
        surface_tsv TSVECTOR NOT NULL,
        lemmas_tsv TSVECTOR NOT NULL,
        concepts_tsv TSVECTOR NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS search_paragraphs_document ON search_paragraphs(document)",
    "CREATE INDEX IF NOT EXISTS search_paragraphs_surface ON search_paragraphs USING GIN (surface_tsv)",
    "CREATE INDEX IF NOT EXISTS search_paragraphs_lemmas ON search_paragraphs USING GIN (lemmas_tsv)",
    "CREATE INDEX IF NOT EXISTS search_paragraphs_concepts ON search_paragraphs USING GIN (concepts_tsv)",
    "CREATE TABLE IF NOT EXISTS search_docs (document TEXT PRIMARY KEY)",
    """CREATE TABLE IF NOT EXISTS search_tags (row_ BIGINT NOT NULL, facet TEXT NOT NULL, value TEXT NOT NULL,
        PRIMARY KEY (row_, facet, value))""",
    "CREATE INDEX IF NOT EXISTS search_tags_facet ON search_tags(facet, value)",
    """CREATE TABLE IF NOT EXISTS search_names (name TEXT NOT NULL, latin TEXT NOT NULL, entity TEXT NOT NULL,
        type TEXT NOT NULL, tsv TSVECTOR NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS search_names_tsv ON search_names USING GIN (tsv)",
    "CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
]
DROP_ORDER = ("search_paragraphs", "search_docs", "search_tags", "search_names", "search_meta")
COLUMNS = {SURFACE: "surface_tsv", LEMMAS: "lemmas_tsv", CONCEPTS: "concepts_tsv"}
WEIGHTS = {SURFACE: 2.0, LEMMAS: 1.0, CONCEPTS: 1.0}  # as the FTS5 backend's bm25 weights


def _folded(text: str) -> str:
    return fold(text) if text else ""


def _tsquery(phrases: Sequence[tuple[str, ...]]) -> tuple[str, list[Any]]:
    """SQL for the OR of `phrases` (each a phrase of consecutive words), and its parameters."""
    sql = " || ".join("phraseto_tsquery('simple', ?)" for _ in phrases)
    return f"({sql})", [_folded(" ".join(words)) for words in phrases]


class PostgresBackend(SqlTables):
    SCHEMA = SCHEMA
    TABLES = DROP_ORDER

    def ensure(self) -> None:
        tables = self.db.tables()
        if ("search_meta" in tables and self.get_meta("schema") != SCHEMA) or (
                "search_meta" not in tables and "search_docs" in tables):
            self.reset()
        self.db.create_schema(TABLES)
        self.set_meta("schema", SCHEMA)
        self.db.commit()

    # -- writing ------------------------------------------------------------
    def add_paragraphs(self, rows: Iterable[Paragraph]) -> list[int]:
        rows = list(rows)
        top = self.db.query("SELECT MAX(row_) AS m FROM search_paragraphs")[0]["m"] or 0
        numbers = list(range(top + 1, top + 1 + len(rows)))
        self.db.executemany(
            "INSERT INTO search_paragraphs(row_, document, idx, start_, end_, language, surface, surface_tsv, "
            "lemmas_tsv, concepts_tsv) VALUES (?, ?, ?, ?, ?, ?, ?, to_tsvector('simple', ?), "
            "to_tsvector('simple', ?), to_tsvector('simple', ?))",
            [(n, doc, idx, start, start + len(surface), language, surface, _folded(surface), _folded(lemmas),
              concepts) for n, (doc, idx, start, surface, lemmas, language, concepts) in zip(numbers, rows)],
        )
        return numbers

    def drop_document(self, document: str) -> None:
        self.db.execute("DELETE FROM search_tags WHERE row_ IN (SELECT row_ FROM search_paragraphs "
                        "WHERE document = ?)", (document,))
        self.db.execute("DELETE FROM search_paragraphs WHERE document = ?", (document,))
        self.db.execute("DELETE FROM search_docs WHERE document = ?", (document,))

    def spans_of(self, document: str) -> list[tuple[int, int, int]]:
        return [(r["row_"], r["start_"], r["end_"]) for r in self.db.query(
            "SELECT row_, start_, end_ FROM search_paragraphs WHERE document = ?", (document,))]

    def set_tags(self, rows: Iterable[tuple[int, str, str]], facets: Sequence[str]) -> None:
        self.db.execute("DELETE FROM search_tags WHERE facet = ANY(?)", (list(facets),))
        self.add_tags(rows)

    def set_names(self, rows: Iterable[tuple[str, str, str, str]]) -> None:
        self.db.execute("DELETE FROM search_names")
        self.db.executemany(
            "INSERT INTO search_names(name, latin, entity, type, tsv) VALUES (?, ?, ?, ?, to_tsvector('simple', ?))",
            [(name, latin, entity, type_, f"{_folded(name)} {_folded(latin)}")
             for name, latin, entity, type_ in rows])

    def size(self) -> int:
        """About how many paragraphs are indexed (the highest row number)."""
        return self.db.query("SELECT MAX(row_) AS m FROM search_paragraphs")[0]["m"] or 0

    def optimise(self) -> None:
        for table in ("search_paragraphs", "search_tags"):
            self.db.execute(f"ANALYZE {table}")  # fresh statistics: the planner picks GIN scans

    # -- reading ------------------------------------------------------------
    def _where(self, query: Query) -> tuple[str, list[Any]]:
        if query.empty:
            raise UsageError("empty query")
        parts: list[str] = []
        params: list[Any] = []
        for group in query.groups:
            alts = []
            for column, phrases in _by_column(group).items():
                sql, args = _tsquery(phrases)
                alts.append(f"{COLUMNS[column]} @@ {sql}")
                params += args
            if alts:
                parts.append("(" + " OR ".join(alts) + ")")
        for facet, values in sorted(query.filters.items()):
            if values:
                parts.append("row_ IN (SELECT row_ FROM search_tags WHERE facet = ? AND value = ANY(?))")
                params += [facet, list(values)]
        return " AND ".join(parts), params

    def _score(self, query: Query) -> tuple[str, list[Any]]:
        # ts_rank_cd (cover density) per column over every alternative of every group, weighted
        # like the FTS5 backend's bm25 columns.
        terms: list[str] = []
        params: list[Any] = []
        merged: dict[str, list[tuple[str, ...]]] = {}
        for group in query.groups:
            for column, phrases in _by_column(group).items():
                merged.setdefault(column, []).extend(phrases)
        for column, phrases in sorted(merged.items()):
            sql, args = _tsquery(phrases)
            terms.append(f"{WEIGHTS[column]} * ts_rank_cd({COLUMNS[column]}, {sql})")
            params += args
        return " + ".join(terms) or "0", params

    def candidates(self, query: Query, start: int, count: int) -> list[tuple[int, float]]:
        where, wparams = self._where(query)
        score, sparams = self._score(query)
        rows = self.db.query(
            f"SELECT row_ AS r, {score} AS s FROM search_paragraphs WHERE {where} ORDER BY row_ DESC LIMIT ? OFFSET ?",
            [*sparams, *wparams, count, start])
        return [(r["r"], float(r["s"])) for r in rows]

    def count(self, query: Query, cap: int) -> int:
        where, params = self._where(query)
        return self.db.query(f"SELECT COUNT(*) AS n FROM (SELECT 1 FROM search_paragraphs WHERE {where} LIMIT ?) t",
                             [*params, cap])[0]["n"]

    def rows(self, rows: Sequence[int]) -> dict[int, dict[str, Any]]:
        if not rows:
            return {}
        found = self.db.query("SELECT row_, document, idx, start_, surface, language FROM search_paragraphs "
                              "WHERE row_ = ANY(?)", (list(rows),))
        return {r["row_"]: r for r in found}

    def facet_counts(self, rows: Sequence[int]) -> list[dict[str, Any]]:
        if not rows:
            return []
        return self.db.query("SELECT facet, value, COUNT(*) AS n FROM search_tags WHERE row_ = ANY(?) "
                             "GROUP BY facet, value ORDER BY facet, n DESC, value", (list(rows),))

    def tags_of(self, rows: Sequence[int], facet: str) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        if not rows:
            return out
        for r in self.db.query("SELECT row_, value FROM search_tags WHERE facet = ? AND row_ = ANY(?) ORDER BY value",
                               (facet, list(rows))):
            out.setdefault(r["row_"], []).append(r["value"])
        return out

    def names(self, words: Sequence[str], limit: int) -> list[dict[str, Any]]:
        # Every word must occur, as a prefix, in the name or its Latin form: 'w':* lexemes ANDed.
        lexemes = [w for word in words for w in _folded(word).split()]
        if not lexemes:
            return []
        text = " & ".join("'" + w.replace("'", "''").replace("\\", "\\\\") + "':*" for w in lexemes)
        return self.db.query(
            "SELECT entity, type, name FROM (SELECT entity, type, name, MAX(ts_rank(tsv, q)) AS score "
            "FROM search_names, to_tsquery('simple', ?) AS q WHERE tsv @@ q GROUP BY entity, type, name) t "
            "ORDER BY score DESC, name LIMIT ?", (text, limit))


def _by_column(group: Sequence[Any]) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in group:
        if phrase.words and phrase.words not in out.get(phrase.column, []):
            out.setdefault(phrase.column, []).append(phrase.words)
    return out
