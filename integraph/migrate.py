"""Copy a knowledge base between backends: `integraph migrate kb.sqlite postgresql://…` (or back).

Every table of `store.schema.COPY_ORDER` is streamed from the source in
batches and written to the destination inside one transaction, so a failed
migration leaves the destination as it was.  Derived tables (the search index)
are not copied: they are rebuilt from the copied ones.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from integraph.errors import StoreError, UsageError
from integraph.store import Store
from integraph.store.dialect import is_postgres_url
from integraph.store.schema import COPY_ORDER


def migrate(src: str | Path, dst: str | Path, batch: int = 500, progress: bool = False) -> dict[str, Any]:
    """Copy every table of `src` into the empty knowledge base `dst`; return the rows copied per table."""
    if batch < 1:
        raise UsageError("--batch must be at least 1")
    if not is_postgres_url(src) and not Path(src).is_file():
        raise UsageError(f"no such knowledge base: {src}")
    if str(src) == str(dst):
        raise UsageError("source and destination are the same")
    with Store(src) as source, Store(dst) as target:
        filled = [t for t in COPY_ORDER if t != "meta" and target.db.query(f"SELECT COUNT(*) AS n FROM {t}")[0]["n"]]
        if filled:
            raise UsageError(f"the destination is not empty ({', '.join(filled)}); migrate into a new database")
        present = source.db.tables()
        copied: dict[str, int] = {}
        with target.transaction() as db:
            db.execute("DELETE FROM meta")  # the source's schema version and settings win
            for table in COPY_ORDER:
                if table in present:
                    copied[table] = _copy_table(source, db, table, batch, progress)
            if "statements" in present:
                db.sync_autoid("statements", "id")
        for table, n in copied.items():
            now = target.db.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]
            if now != n:
                raise StoreError(f"migrate: {table} has {now} rows in the destination, {n} were copied")
        skipped = sorted(present - set(COPY_ORDER) - {"sqlite_sequence"})
    return {"copied": copied, "skipped": skipped}


def _copy_table(source: Store, db: Any, table: str, batch: int, progress: bool) -> int:
    wanted = set(db.columns(table))
    columns = [c for c in source.db.columns(table) if c in wanted]
    if not columns:
        return 0
    total = source.db.query(f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]
    bar = _bar(table, total, progress)
    names = ", ".join(columns)
    insert = f"INSERT INTO {table}({names}) VALUES ({', '.join('?' for _ in columns)})"
    n = 0
    for rows in source.db.stream(f"SELECT {names} FROM {table}", batch=batch):
        db.executemany(insert, [[_portable(r[c]) for c in columns] for r in rows])
        n += len(rows)
        bar.update(len(rows))
    bar.close()
    return n


def _portable(value: Any) -> Any:
    return bytes(value) if isinstance(value, memoryview) else value


def _bar(table: str, total: int, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="row", desc=table, leave=False, disable=not enabled)
