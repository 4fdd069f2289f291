"""The seam between search logic and the database's full-text engine.

The rest of `integraph.search` speaks in `Query` objects and plain rows; each
engine implements `Backend`:

* `Fts5Backend` (`integraph.search.fts5`): SQLite FTS5, the default;
* `PostgresBackend` (`integraph.search.postgres`): `tsvector` columns, GIN
  indexes, `phraseto_tsquery` and `ts_rank_cd`.

`backend_for(db)` picks the one for a connection's dialect.  Ranking, paging,
highlighting and facet bookkeeping are shared (`integraph.search.ranking`),
so both engines answer alike.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Protocol, Sequence

from integraph.errors import StoreError, UsageError
from integraph.store.dialect import Connection

# Which column an alternative is looked up in: the words as written, their lemmas, or the
# tokens of the thesaurus concepts the paragraph mentions (`thesaurus.concept_token`).
SURFACE, LEMMAS, CONCEPTS = "surface", "lemmas", "concepts"

# What `Backend.add_paragraphs` takes: (document, idx, start, surface, lemmas, language, concept tokens).
Paragraph = tuple[str, int, int, str, str, str | None, str]


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
    # -- writing (integraph.search.index) ---------------------------------------------------
    def ensure(self) -> None:
        """Create the search tables; drop an index of an older layout."""
        ...
    def current(self) -> bool:
        """Whether an index of the current layout exists."""
        ...
    def indexed_documents(self) -> set[str]: ...
    def add_paragraphs(self, rows: Iterable[Paragraph]) -> list[int]:
        """Index paragraphs; return the row number given to each, in order (rising)."""
        ...
    def mark_documents(self, documents: Iterable[str]) -> None: ...
    def drop_document(self, document: str) -> None: ...
    def spans_of(self, document: str) -> list[tuple[int, int, int]]: ...
    def set_tags(self, rows: Iterable[tuple[int, str, str]], facets: Sequence[str]) -> None: ...
    def add_tags(self, rows: Iterable[tuple[int, str, str]]) -> None: ...
    def set_names(self, rows: Iterable[tuple[str, str, str, str]]) -> None: ...
    def refresh_languages(self) -> None: ...
    def size(self) -> int: ...
    def optimise(self) -> None:
        """Make the index fast to read after a large addition."""
        ...
    def get_meta(self, key: str) -> str | None: ...
    def set_meta(self, key: str, value: str) -> None: ...

    # -- reading (integraph.search.ranking) -------------------------------------------------
    def languages(self) -> set[str]: ...
    def candidates(self, query: Query, start: int, count: int) -> list[tuple[int, float]]:
        """(row, score) of matching paragraphs number start .. start+count-1, newest row first;
        a higher score is a better match."""
        ...
    def count(self, query: Query, cap: int) -> int:
        """How many paragraphs match, counting no further than `cap`."""
        ...
    def rows(self, rows: Sequence[int]) -> dict[int, dict[str, Any]]:
        """row -> {row_, document, idx, start_, surface, language}."""
        ...
    def facet_counts(self, rows: Sequence[int]) -> list[dict[str, Any]]:
        """{facet, value, n} over the tags of `rows`."""
        ...
    def tags_of(self, rows: Sequence[int], facet: str) -> dict[int, list[str]]: ...
    def names(self, words: Sequence[str], limit: int) -> list[dict[str, Any]]: ...


def backend_for(db: Connection) -> Backend:
    """The full-text backend for this connection's dialect."""
    if db.dialect.name == "sqlite":
        from integraph.search.fts5 import Fts5Backend

        return Fts5Backend(db)
    if db.dialect.name == "postgresql":
        from integraph.search.postgres import PostgresBackend

        return PostgresBackend(db)
    raise UsageError(f"full-text search is not implemented for {db.dialect.name}")


class SqlTables:
    """What both backends do the same way over their portable tables (search_docs, search_tags,
    search_meta): bookkeeping of indexed documents, facet tags, languages and the layout version.
    Each backend says its layout version in SCHEMA and keeps its own full-text machinery."""

    SCHEMA = ""
    TABLES: tuple[str, ...] = ()  # every table of the index, dropped in this order by `reset`

    def reset(self) -> None:
        """Drop the whole index (it is derived data: `index` rebuilds it from the store)."""
        for table in self.TABLES:
            self.db.execute(f"DROP TABLE IF EXISTS {table}")
        self.db.commit()

    def __init__(self, db: Connection) -> None:
        self.db = db

    def current(self) -> bool:
        """Whether an index of this version exists (else `index` must (re)build it first)."""
        try:
            return self.get_meta("schema") == self.SCHEMA
        except StoreError:
            return False

    def indexed_documents(self) -> set[str]:
        return {r["document"] for r in self.db.query("SELECT document FROM search_docs")}

    def mark_documents(self, documents: Iterable[str]) -> None:
        self.db.executemany(
            "INSERT INTO search_docs(document) VALUES (?) ON CONFLICT(document) DO NOTHING", [(d,) for d in documents]
        )

    def add_tags(self, rows: Iterable[tuple[int, str, str]]) -> None:
        self.db.executemany(
            "INSERT INTO search_tags(row_, facet, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", list(rows)
        )

    def refresh_languages(self) -> None:
        """Note the indexed paragraphs' languages once, at index time: DISTINCT over the tags
        reads one index entry per paragraph (37 ms a search at 20 000 documents)."""
        found = sorted(r["value"] for r in self.db.query(
            "SELECT DISTINCT value FROM search_tags WHERE facet = 'language'"))
        self.set_meta("languages", json.dumps(found))

    def languages(self) -> set[str]:
        """Languages of the indexed paragraphs."""
        noted = self.get_meta("languages")
        if noted is not None:
            return set(json.loads(noted))
        return {r["value"] for r in self.db.query("SELECT DISTINCT value FROM search_tags WHERE facet = 'language'")}

    def get_meta(self, key: str) -> str | None:
        rows = self.db.query("SELECT value FROM search_meta WHERE key = ?", (key,))
        return rows[0]["value"] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO search_meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
