"""The one module that knows SQL dialects.

Everything else writes portable SQL with `?` placeholders and calls
`connect`; this module translates placeholders, DDL types and sequences, maps
driver errors to `StoreError`, and makes both backends behave alike:

* a statement outside a transaction that fails leaves the connection usable
  (PostgreSQL would otherwise refuse everything until a rollback);
* a read outside a write transaction does not keep a transaction open (as
  Python's sqlite3 does), so a long-lived reader never holds a snapshot.

SQLite is the default; PostgreSQL (psycopg 3) is the optional server backend
(`pip install 'integraph[postgres]'`).  Other modules that need to branch on
the backend (full-text search) read `Connection.dialect.name`.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, count
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from integraph.errors import StoreError, UsageError

SQLITE_BUSY_SECONDS = 60  # a reader or second writer waits this long for the writer's lock
POSTGRES_URL_PREFIXES = ("postgresql://", "postgres://")


@dataclass(frozen=True)
class Dialect:
    name: str  # "sqlite" | "postgresql"
    blob: str
    autoid: str
    float: str

    def sql(self, statement: str) -> str:
        """Translate portable SQL (`?` placeholders) to this dialect."""
        if self.name == "postgresql":
            return _to_pyformat(statement)
        return statement

    def ddl(self, statement: str) -> str:
        """Fill the portable type names of `schema.TABLES` ({BLOB}, {AUTOID}, {FLOAT})."""
        return (statement.replace("{BLOB}", self.blob).replace("{AUTOID}", self.autoid)
                .replace("{FLOAT}", self.float))


SQLITE = Dialect("sqlite", blob="BLOB", autoid="INTEGER PRIMARY KEY AUTOINCREMENT", float="REAL")
# PostgreSQL's REAL is 4 bytes: confidences would come back as 0.8500000238.
POSTGRES = Dialect("postgresql", blob="BYTEA", autoid="BIGSERIAL PRIMARY KEY", float="DOUBLE PRECISION")


@lru_cache(maxsize=1024)
def _to_pyformat(statement: str) -> str:
    """`?` → `%s` and `%` → `%%` outside quoted literals and identifiers (psycopg's format)."""
    out: list[str] = []
    quote: str | None = None
    for ch in statement:
        if quote:
            out.append("%%" if ch == "%" else ch)  # psycopg scans literals for % too
            if ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
            out.append(ch)
        elif ch == "?":
            out.append("%s")
        elif ch == "%":
            out.append("%%")
        else:
            out.append(ch)
    return "".join(out)


_BLOCKS = (32, 16, 8, 4, 2, 1)  # rows per INSERT in `Connection.insert_rows`, largest first


@lru_cache(maxsize=256)
def _insert_sql(table: str, columns: tuple[str, ...], rows: int) -> str:
    """`INSERT INTO table(columns) VALUES (?, …), (?, …)…` for `rows` rows."""
    one = "(" + ", ".join("?" * len(columns)) + ")"
    return f"INSERT INTO {table}({', '.join(columns)}) VALUES " + ", ".join([one] * rows)


class Connection:
    """A thin wrapper giving both backends the same methods."""

    def __init__(self, raw: Any, dialect: Dialect, errors: tuple[type[BaseException], ...]) -> None:
        self.raw = raw
        self.dialect = dialect
        self._errors = errors
        self._cursor_names = count()

    # -- transaction state ---------------------------------------------------
    def in_transaction(self) -> bool:
        if self.dialect.name == "sqlite":
            return self.raw.in_transaction
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        was_idle = not self.in_transaction()
        try:
            return self.raw.execute(self.dialect.sql(sql), tuple(params))
        except self._errors as exc:
            if was_idle and self.dialect.name == "postgresql":
                self.raw.rollback()  # the failed statement opened this transaction: close it
            raise StoreError(_one_line(exc)) from exc

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        was_idle = not self.in_transaction()
        try:
            cur = self.raw.cursor()
            cur.executemany(self.dialect.sql(sql), [tuple(r) for r in rows])
        except self._errors as exc:
            if was_idle and self.dialect.name == "postgresql":
                self.raw.rollback()
            raise StoreError(_one_line(exc)) from exc

    def insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Insert `rows` into `table` in their order (ids follow it), in as few statements as it takes.

        `executemany` runs one statement per row.  SQLite then opens cursors on the table and its
        indexes again, reads and writes the AUTOINCREMENT counter, and releases and takes back the
        GIL, for every row: blocks of 32, 16, 8, 4, 2 and 1 rows cut a document's ~120 statements
        from 120 runs to 5 (−20 % CPU of inserting them, `bench/ingest.py --store`) and keep at
        most six statement shapes per table in the driver's cache.  PostgreSQL takes all rows in
        one COPY (a round trip per block would cost it more than the per-row work it saves)."""
        width = len(columns)
        if any(len(row) != width for row in rows):
            raise StoreError(f"{table}: every row needs {width} values")
        if self.dialect.name == "postgresql":
            self._copy_rows(table, columns, rows)
            return
        flat = list(chain.from_iterable(rows))
        start, left = 0, len(rows)
        try:
            for block in _BLOCKS:
                if left < block:
                    continue
                sql = _insert_sql(table, tuple(columns), block)
                step = block * width
                while left >= block:
                    self.raw.execute(sql, flat[start:start + step])
                    start += step
                    left -= block
        except self._errors as exc:
            raise StoreError(_one_line(exc)) from exc

    def _copy_rows(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """PostgreSQL: COPY … FROM STDIN, one round trip for all rows; rows are stored, and draw
        their ids from the sequence, in input order.  Measured on 40 example documents against
        the pipelined `executemany`: 2.4 → 1.0 ms/doc of the writer's CPU for `save_rows`."""
        if not rows:
            return
        was_idle = not self.in_transaction()
        try:
            with self.raw.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        except self._errors as exc:
            if was_idle:
                self.raw.rollback()  # the failed COPY opened this transaction: close it
            raise StoreError(_one_line(exc)) from exc

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        was_idle = not self.in_transaction()
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, row)) for row in cur.fetchall()]
        if was_idle and self.dialect.name == "postgresql":
            self.raw.commit()  # a read must not leave a transaction (and its locks) open
        return rows

    def stream(self, sql: str, params: Sequence[Any] = (), batch: int = 500) -> Iterator[list[dict[str, Any]]]:
        """Rows of a large result in batches, without loading it all (a server-side cursor on PostgreSQL)."""
        try:
            if self.dialect.name == "postgresql":
                cur = self.raw.cursor(name=f"integraph_stream_{next(self._cursor_names)}")
            else:
                cur = self.raw.cursor()
            cur.execute(self.dialect.sql(sql), tuple(params))
            names = [d[0] for d in cur.description]
            while rows := cur.fetchmany(batch):
                yield [dict(zip(names, row)) for row in rows]
            cur.close()
        except self._errors as exc:
            raise StoreError(_one_line(exc)) from exc
        if self.dialect.name == "postgresql":
            self.raw.commit()  # server-side cursors live in a transaction

    def create_schema(self, statements: Iterable[str]) -> None:
        """Run portable DDL once, even when several processes open a new database at the same time."""
        if self.dialect.name == "postgresql":
            # CREATE ... IF NOT EXISTS races in PostgreSQL (duplicate pg_type rows): serialise it.
            self.execute("SELECT pg_advisory_xact_lock(7210)")
        for ddl in statements:
            self.execute(self.dialect.ddl(ddl))
        self.commit()

    def tables(self) -> set[str]:
        """Names of the ordinary tables in this database."""
        if self.dialect.name == "postgresql":
            rows = self.query("SELECT table_name AS name FROM information_schema.tables "
                              "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
        else:
            rows = self.query("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {r["name"] for r in rows}

    def columns(self, table: str) -> list[str]:
        """Column names of `table`, in order (an unknown table gives an empty list)."""
        if self.dialect.name == "postgresql":
            rows = self.query("SELECT column_name AS name FROM information_schema.columns "
                              "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
                              (table,))
            return [r["name"] for r in rows]
        if table not in self.tables():
            return []
        return [r["name"] for r in self.query("SELECT name FROM pragma_table_info(?) ORDER BY cid", (table,))]

    def sync_autoid(self, table: str, column: str) -> None:
        """After rows were inserted with explicit ids, make the next generated id follow the largest one."""
        if self.dialect.name == "postgresql":
            self.execute(f"SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX({column}), 0) + 1, false) "
                         f"FROM {table}", (table, column))
        # SQLite's AUTOINCREMENT already tracks explicit ids in sqlite_sequence.

    def commit(self) -> None:
        try:
            self.raw.commit()
        except self._errors as exc:
            raise StoreError(_one_line(exc)) from exc

    def rollback(self) -> None:
        try:
            self.raw.rollback()
        except self._errors as exc:
            raise StoreError(_one_line(exc)) from exc

    def close(self) -> None:
        self.raw.close()


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__


def is_postgres_url(url: str | Path) -> bool:
    return str(url).startswith(POSTGRES_URL_PREFIXES)


def connect(url: str | Path) -> Connection:
    """Open `url`: a file path (SQLite) or a `postgresql://` URL."""
    if is_postgres_url(url):
        return _connect_postgres(str(url))
    return _connect_sqlite(Path(url))


def _connect_postgres(url: str) -> Connection:
    try:
        import psycopg  # optional extra: integraph[postgres]
    except ImportError as exc:
        raise UsageError("PostgreSQL needs the extra: pip install 'integraph[postgres]'") from exc
    try:
        raw = psycopg.connect(url, connect_timeout=10, application_name="integraph")
    except (psycopg.Error, ValueError) as exc:  # ValueError: a malformed URL
        raise StoreError(f"cannot connect to PostgreSQL: {_one_line(exc)}") from exc
    return Connection(raw, POSTGRES, (psycopg.Error,))


def _connect_sqlite(path: Path) -> Connection:
    if "\x00" in str(path):
        raise StoreError("a database path cannot contain a NUL character")
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{path}: cannot create its folder ({exc.strerror or exc})") from exc
    try:
        raw = sqlite3.connect(path, timeout=SQLITE_BUSY_SECONDS, check_same_thread=False)
        raw.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}")
        # WAL lets the portal read while an ingest writes; NORMAL sync is
        # crash-safe in WAL mode (a power cut loses at most the last commit).
        raw.execute("PRAGMA journal_mode=WAL")
        raw.execute("PRAGMA synchronous=NORMAL")
        raw.execute("PRAGMA foreign_keys=ON")
    except (sqlite3.Error, ValueError) as exc:  # ValueError: a NUL in the path
        raise StoreError(f"{path}: not a usable SQLite database ({exc})") from exc
    return Connection(raw, SQLITE, (sqlite3.Error,))
