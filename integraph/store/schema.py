"""Tables of the knowledge base, in portable DDL ({BLOB}/{AUTOID}/{FLOAT} filled per dialect).

Facts are statements (one row per entity, property, value and span), after
nomenklatura's statement store; resolution is stored as judgements, and the
canonical id of an entity is derived from them, never written over the facts.
"""
from __future__ import annotations

VERSION = 1  # raise it whenever TABLES change: an existing database is only re-created up to date when its version differs

TABLES: list[str] = [
    """CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    # A source is where documents come from (a path or URL); each distinct
    # content seen there is a document version.
    """CREATE TABLE IF NOT EXISTS sources (
        locator TEXT PRIMARY KEY,
        latest TEXT,
        versions INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS documents (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        version INTEGER NOT NULL,
        media_type TEXT NOT NULL,
        language TEXT,
        title TEXT,
        date TEXT,
        text TEXT NOT NULL,
        sections TEXT NOT NULL,
        original {BLOB} NOT NULL,
        size INTEGER NOT NULL,
        ingested_at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS paragraphs (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start_ INTEGER NOT NULL,
        end_ INTEGER NOT NULL,
        language TEXT,
        text TEXT NOT NULL,
        lemmas TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (document, idx))""",
    """CREATE TABLE IF NOT EXISTS failures (
        locator TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS statements (
        id {AUTOID},
        entity TEXT NOT NULL,
        schema_ TEXT NOT NULL,
        prop TEXT NOT NULL,
        value TEXT NOT NULL,
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start_ INTEGER NOT NULL,
        end_ INTEGER NOT NULL,
        extractor TEXT NOT NULL,
        confidence {FLOAT} NOT NULL,
        as_of TEXT)""",
    """CREATE INDEX IF NOT EXISTS statements_entity ON statements(entity)""",
    """CREATE INDEX IF NOT EXISTS statements_document ON statements(document)""",
    # Resolution: each judgement links two entity ids, with why.  `verdict` is
    # 'same' or 'different'; `author` is a rule name or 'user'.
    """CREATE TABLE IF NOT EXISTS judgements (
        left_ TEXT NOT NULL,
        right_ TEXT NOT NULL,
        verdict TEXT NOT NULL,
        rule TEXT NOT NULL,
        score {FLOAT} NOT NULL,
        evidence TEXT NOT NULL,
        author TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (left_, right_))""",
    """CREATE TABLE IF NOT EXISTS canonical (
        entity TEXT PRIMARY KEY,
        canonical TEXT NOT NULL)""",
    """CREATE INDEX IF NOT EXISTS canonical_canonical ON canonical(canonical)""",
]

# Every table of the knowledge base in an order that satisfies foreign keys
# (what `integraph migrate` copies); derived tables such as the search index
# are rebuilt from these.
COPY_ORDER: list[str] = ["meta", "sources", "documents", "paragraphs", "failures", "statements", "judgements",
                         "canonical"]
