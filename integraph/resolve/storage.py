"""The resolver's reads and writes of the `judgements` and `canonical` tables (portable SQL)."""
from __future__ import annotations

import json
from typing import Any

from integraph.resolve.judgement import Judgement
from integraph.store import Store, now
from integraph.store.dialect import Connection

USER = "user"  # the rule name of every judgement a person made; `author` says who


def row_to_judgement(r: dict[str, Any]) -> Judgement:
    return Judgement(r["left_"], r["right_"], r["verdict"], r["rule"], float(r["score"]),
                     json.loads(r["evidence"] or "{}"), r["author"])


def load_judgements(store: Store, user_only: bool = False) -> list[Judgement]:
    """Stored judgements, all or only those a person made (rule 'user', author their name)."""
    sql = "SELECT left_, right_, verdict, rule, score, evidence, author FROM judgements"
    params: tuple[str, ...] = ()
    if user_only:
        sql += " WHERE rule = ?"
        params = (USER,)
    return [row_to_judgement(r) for r in store.db.query(sql + " ORDER BY left_, right_", params)]


def judgements_about(store: Store, entities: list[str]) -> list[Judgement]:
    """Judgements with both ends among `entities`."""
    wanted = set(entities)
    out = []
    for chunk in _chunks(sorted(wanted), 400):
        marks = ", ".join("?" for _ in chunk)
        rows = store.db.query(
            "SELECT left_, right_, verdict, rule, score, evidence, author FROM judgements "
            f"WHERE left_ IN ({marks}) ORDER BY left_, right_", chunk)
        out.extend(row_to_judgement(r) for r in rows if r["right_"] in wanted)
    return out


def save_user_judgement(store: Store, j: Judgement) -> None:
    """Insert or replace one user judgement (it replaces any rule judgement on the pair)."""
    with store.transaction() as db:
        db.execute("DELETE FROM judgements WHERE left_ = ? AND right_ = ?", (j.left, j.right))
        _insert(db, [j], {})


def replace_rule_judgements(db: Connection, judgements: list[Judgement]) -> None:
    """Swap every rule judgement for `judgements`, keeping the timestamp of unchanged ones (inside a transaction)."""
    old = {(r["left_"], r["right_"], r["verdict"], r["rule"]): r["at"] for r in db.query(
        "SELECT left_, right_, verdict, rule, at FROM judgements WHERE rule <> ?", (USER,))}
    db.execute("DELETE FROM judgements WHERE rule <> ?", (USER,))
    _insert(db, judgements, old)


def _insert(db: Connection, judgements: list[Judgement], stamps: dict[tuple[str, str, str, str], str]) -> None:
    stamp = now()
    db.executemany(
        "INSERT INTO judgements(left_, right_, verdict, rule, score, evidence, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(j.left, j.right, j.verdict, j.rule, j.score, json.dumps(j.evidence, ensure_ascii=False, sort_keys=True),
          j.author, stamps.get((j.left, j.right, j.verdict, j.rule), stamp)) for j in judgements],
    )


def replace_canonical(db: Connection, mapping: dict[str, str]) -> None:
    db.execute("DELETE FROM canonical")
    db.executemany("INSERT INTO canonical(entity, canonical) VALUES (?, ?)", sorted(mapping.items()))


def read_canonical(store: Store) -> dict[str, str]:
    return {r["entity"]: r["canonical"] for r in store.db.query("SELECT entity, canonical FROM canonical")}


def members_of(store: Store, canonical: str) -> list[str]:
    rows = store.db.query("SELECT entity FROM canonical WHERE canonical = ? ORDER BY entity", (canonical,))
    return [r["entity"] for r in rows]


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)]
