"""`resolve(store)`: statements in, judgements and canonical ids out, in one transaction."""
from __future__ import annotations

from collections import Counter
from typing import Any

from integraph.resolve import rules_refs
from integraph.resolve.clusters import canonical_id, cluster
from integraph.resolve.engine import match
from integraph.resolve.judgement import SAME
from integraph.resolve.places import PlaceLexicon
from integraph.resolve.records import Record, load_records
from integraph.resolve.storage import load_judgements, replace_canonical, replace_rule_judgements
from integraph.store import Store


def known_places(records: list[Record]) -> PlaceLexicon:
    """The place lexicon, taught every Place of the knowledge base that states its country."""
    lexicon = PlaceLexicon()
    for rec in records:
        if rec.schema != "Place":
            continue
        is_country = bool(rec.ref and len(rec.ref) == 2 and rec.ref.isalpha())
        country = rec.ref.upper() if is_country and rec.ref else rec.country
        if not country:
            continue
        for name in rec.names:
            lexicon.add(name, rec.lang, "country" if is_country else (rec.kind or "city"), country)
    return lexicon


def resolve(store: Store, progress: bool = False) -> dict[str, Any]:
    """Judge every pair worth judging, derive canonical ids, rewrite `canonical`; return a summary.

    Idempotent: the same statements and user judgements give the same
    judgements and canonical ids.  User judgements are never rewritten.
    """
    records = load_records(store)
    ids = {r.id for r in records}
    user = [j for j in load_judgements(store, user_only=True) if j.left in ids and j.right in ids]
    judged = {j.pair for j in user}
    rules = [j for j in match(records, user, known_places(records), progress) if j.pair not in judged]
    ctx_labels = rules_refs.labels(records)
    groups, refused = cluster(sorted(ids), user + rules, ctx_labels)
    schema_of = {r.id: r.schema for r in records}
    refs = {r.id: r.ref for r in records if r.ref and r.schema in ("Place", "Programme")}
    mapping: dict[str, str] = {}
    for members in groups.values():
        cid = canonical_id(schema_of[members[0]], members, refs)
        for m in members:
            mapping[m] = cid
    with store.transaction() as db:
        replace_rule_judgements(db, rules)
        replace_canonical(db, mapping)
    return summary(records, mapping, rules, user, refused)


def summary(records: list[Record], mapping: dict[str, str], rules: list, user: list, refused: list) -> dict[str, Any]:
    entities: dict[str, dict[str, int]] = {}
    for schema in sorted({r.schema for r in records}):
        members = [r.id for r in records if r.schema == schema]
        entities[schema] = {"in": len(members), "out": len({mapping[m] for m in members})}
    refused_pairs = {j.pair for j in refused}
    merges = Counter(j.rule for j in rules if j.verdict == SAME and j.pair not in refused_pairs)
    different = Counter(j.rule for j in rules if j.verdict != SAME)
    return {
        "entities": entities,
        "merges": dict(sorted(merges.items())),
        "different": dict(sorted(different.items())),
        "refused": len(refused),
        "user_judgements": len(user),
    }
