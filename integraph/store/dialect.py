"""The one module that knows SQL dialects.

Everything else writes portable SQL with `?` placeholders and calls
`Dialect.connect`; this module translates placeholders, DDL types and
upserts.  SQLite is the default; PostgreSQL (psycopg 3) is an optional extra.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

from integraph.errors import StoreError, UsageError


@dataclass(frozen=True)
class Dialect:
    name: str  # "sqlite" | "postgresql"
    blob: str
    autoid: str

    def sql(self, statement: str) -> str:
        """Translate portable SQL (`?` placeholders) to this dialect."""
        if self.name == "postgresql":
            return re.sub(r"\?", "%s", statement)
        return statement

    def ddl(self, statement: str) -> str:
        return statement.replace("{BLOB}", self.blob).replace("{AUTOID}", self.autoid)


SQLITE = Dialect("sqlite", blob="BLOB", autoid="INTEGER PRIMARY KEY AUTOINCREMENT")
POSTGRES = Dialect("postgresql", blob="BYTEA", autoid="BIGSERIAL PRIMARY KEY")


class Connection:
    """A thin wrapper giving both backends the same four methods."""

    def __init__(self, raw: Any, dialect: Dialect) -> None:
        self.raw = raw
        self.dialect = dialect

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.raw.execute(self.dialect.sql(sql), tuple(params))
        except sqlite3.DatabaseError as exc:  # psycopg errors are mapped in connect()
            raise StoreError(str(exc)) from exc

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            cur = self.raw.cursor()
            cur.executemany(self.dialect.sql(sql), [tuple(r) for r in rows])
        except sqlite3.DatabaseError as exc:
            raise StoreError(str(exc)) from exc

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def commit(self) -> None:
        self.raw.commit()

    def rollback(self) -> None:
        self.raw.rollback()

    def close(self) -> None:
        self.raw.close()


def connect(url: str | Path) -> Connection:
    """Open `url`: a file path (SQLite) or a `postgresql://` URL."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        try:
            import psycopg  # optional extra: integraph[postgres]
        except ImportError as exc:
            raise UsageError("PostgreSQL needs the extra: pip install 'integraph[postgres]'") from exc
        try:
            return Connection(psycopg.connect(text), POSTGRES)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL: {exc}") from exc
    path = Path(text)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        raw = sqlite3.connect(path, timeout=30, check_same_thread=False)
        # WAL lets the portal read while an ingest writes; NORMAL sync is
        # crash-safe in WAL mode (a power cut loses at most the last commit).
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=NORMAL")
        raw.execute("PRAGMA foreign_keys=ON")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a usable SQLite database ({exc})") from exc
    return Connection(raw, SQLITE)
