"""The curator's tools: merge, split and explain.

A merge or split is a user judgement; it is stored next to the rule
judgements, survives every later `resolve()` (rules never overwrite a user
judgement) and is applied at once by re-deriving the groups from the stored
judgements, without re-running the rules.
"""
from __future__ import annotations

from typing import Any

from integraph.errors import UsageError
from integraph.resolve import rules_refs
from integraph.resolve.clusters import canonical_id, cluster
from integraph.resolve.judgement import DIFFERENT, SAME, Judgement, judge
from integraph.resolve.records import load_records
from integraph.resolve.storage import (
    USER, judgements_about, row_to_judgement, load_judgements, members_of, read_canonical, replace_canonical, save_user_judgement,
)
from integraph.store import Store
from integraph.textutil import normalise


def find_entity(store: Store, query: str) -> str:
    """A local id, a canonical id (its first member), or a name / title / acronym to look up."""
    if store.db.query("SELECT 1 AS x FROM statements WHERE entity = ? LIMIT 1", (query,)):
        return query
    members = members_of(store, query)
    if members:
        return members[0]
    wanted = normalise(query)
    rows = store.db.query(
        "SELECT entity, value FROM statements WHERE prop IN ('name', 'title', 'acronym') ORDER BY entity")
    exact = sorted({r["entity"] for r in rows if normalise(r["value"]) == wanted})
    partial = sorted({r["entity"] for r in rows if wanted and wanted in normalise(r["value"])})
    found = exact or partial
    if not found:
        raise UsageError(f"no entity, canonical id or name matches {query!r}")
    return found[0]


def _schema(store: Store, entity: str) -> str:
    rows = store.db.query("SELECT schema_ FROM statements WHERE entity = ? LIMIT 1", (entity,))
    if not rows:
        raise UsageError(f"unknown entity {entity!r}")
    return str(rows[0]["schema_"])


def merge(store: Store, a: str, b: str, author: str = USER, note: str = "") -> None:
    """Record that `a` and `b` are the same (a user judgement) and regroup."""
    a, b = find_entity(store, a), find_entity(store, b)
    if a == b:
        return
    sa, sb = _schema(store, a), _schema(store, b)
    if sa != sb:
        raise UsageError(f"cannot merge a {sa} with a {sb}")
    save_user_judgement(store, judge(a, b, SAME, "user", 1.0, {"note": note} if note else {}, author))
    regroup(store)


def split(store: Store, entity: str, from_entity: str, author: str = USER, note: str = "") -> None:
    """Record that `entity` is not `from_entity` (a 'different' user judgement) and regroup."""
    a, b = find_entity(store, entity), find_entity(store, from_entity)
    if a == b:
        raise UsageError("cannot split an entity from itself")
    save_user_judgement(store, judge(a, b, DIFFERENT, "user", 1.0, {"note": note} if note else {}, author))
    regroup(store)


def regroup(store: Store) -> dict[str, str]:
    """Re-derive canonical ids from the stored judgements (no rules run) and store them."""
    records = load_records(store)
    ids = {r.id for r in records}
    judgements = [j for j in load_judgements(store) if j.left in ids and j.right in ids]
    groups, _ = cluster(sorted(ids), judgements, rules_refs.labels(records))
    schema_of = {r.id: r.schema for r in records}
    refs = {r.id: r.ref for r in records if r.ref and r.schema in ("Place", "Programme")}
    mapping = {m: canonical_id(schema_of[ms[0]], ms, refs) for ms in groups.values() for m in ms}
    with store.transaction() as db:
        replace_canonical(db, mapping)
    return mapping


def explain(store: Store, entity: str) -> dict[str, Any]:
    """The canonical group of `entity`: every member's names and documents, and every judgement about them."""
    local = find_entity(store, entity)
    cid = read_canonical(store).get(local, local)
    members = members_of(store, cid) or [local]
    docs = {r["id"]: r for r in store.db.query("SELECT id, source, language, title, date FROM documents")}
    out_members = []
    for m in members:
        rows = store.db.query("SELECT schema_, prop, value, document FROM statements WHERE entity = ? ORDER BY id", (m,))
        names = [r["value"] for r in rows if r["prop"] in ("name", "title")]
        doc_ids = sorted({r["document"] for r in rows})
        out_members.append({
            "entity": m,
            "schema": rows[0]["schema_"] if rows else None,
            "names": list(dict.fromkeys(names)),
            "acronyms": list(dict.fromkeys(r["value"] for r in rows if r["prop"] == "acronym")),
            "documents": [{"id": d, "source": docs[d]["source"], "language": docs[d]["language"]}
                          for d in doc_ids if d in docs],
        })
    inside = judgements_about(store, members)
    boundary = _boundary(store, members)
    return {
        "canonical": cid,
        "query": entity,
        "entity": local,
        "members": out_members,
        "judgements": [_as_dict(j) for j in inside],
        "boundary": [_as_dict(j) for j in boundary],
    }


def _boundary(store: Store, members: list[str]) -> list[Judgement]:
    """Judgements from a member to an entity outside the group (why something is *not* in it)."""
    inside = set(members)
    out = []
    for side in ("left_", "right_"):
        for chunk in [members[i:i + 400] for i in range(0, len(members), 400)]:
            marks = ", ".join("?" for _ in chunk)
            rows = store.db.query(
                "SELECT left_, right_, verdict, rule, score, evidence, author FROM judgements "
                f"WHERE {side} IN ({marks}) ORDER BY left_, right_", chunk)
            out.extend(j for j in map(row_to_judgement, rows) if (j.left in inside) != (j.right in inside))
    return sorted(set(out), key=lambda j: j.pair)


def _as_dict(j: Judgement) -> dict[str, Any]:
    return {"left": j.left, "right": j.right, "verdict": j.verdict, "rule": j.rule, "score": j.score,
            "evidence": j.evidence, "author": j.author}
