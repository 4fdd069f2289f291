"""Rules on hard evidence: registry identifiers and gazetteer references."""
from __future__ import annotations

from typing import Iterator

from integraph.resolve.context import Context
from integraph.resolve.judgement import DIFFERENT, SAME, Judgement, judge
from integraph.resolve.records import Record

IDENTIFIER = "resolve.identifier.v1"
REF = "resolve.ref.v1"


def _scheme(identifier: str) -> str:
    return identifier.split(":", 1)[0] if ":" in identifier else ""


def rule_identifier(ctx: Context) -> Iterator[Judgement]:
    """resolve.identifier.v1: one registry number → same; two numbers of one registry → different."""
    for schema in ("Organisation", "Project"):
        holders: dict[str, list[str]] = {}
        by_scheme: dict[str, dict[str, list[str]]] = {}
        for rec in ctx.of(schema):
            for ident in sorted(rec.identifiers):
                holders.setdefault(ident, []).append(rec.id)
                by_scheme.setdefault(_scheme(ident), {}).setdefault(ident, []).append(rec.id)
        for ident, ids in sorted(holders.items()):
            for other in ids[1:]:
                yield judge(ids[0], other, SAME, IDENTIFIER, 1.0, {"identifier": ident})


def rule_ref(ctx: Context) -> Iterator[Judgement]:
    """resolve.ref.v1: the same gazetteer reference → same; different references → different."""
    for schema in ("Programme", "Place", "Organisation"):
        by_ref: dict[str, list[str]] = {}
        for rec in ctx.of(schema):
            if rec.ref:
                by_ref.setdefault(rec.ref, []).append(rec.id)
        for ref, ids in sorted(by_ref.items()):
            for other in ids[1:]:
                yield judge(ids[0], other, SAME, REF, 1.0, {"ref": ref})


def labels(records: list[Record]) -> dict[str, dict[str, str]]:
    """Exclusive facts per entity ({scheme: value}); a group may hold one value per scheme."""
    out: dict[str, dict[str, str]] = {}
    for rec in records:
        found: dict[str, str] = {}
        if rec.ref and rec.schema in ("Programme", "Place"):
            found["ref"] = rec.ref
        if rec.schema == "Organisation":
            for ident in sorted(rec.identifiers):
                if _scheme(ident):
                    found.setdefault(_scheme(ident), ident)
        if found:
            out[rec.id] = found
    return out


def veto(ctx: Context, proposed: Judgement) -> Judgement | None:
    """A 'different' judgement when hard evidence contradicts a proposed 'same'."""
    a, b = ctx.by_id.get(proposed.left), ctx.by_id.get(proposed.right)
    if a is None or b is None or proposed.verdict != SAME:
        return None
    if a.schema in ("Programme", "Place") and a.ref and b.ref and a.ref != b.ref:
        return judge(a.id, b.id, DIFFERENT, REF, 1.0, {"refs": [a.ref, b.ref], "overrules": proposed.rule})
    if a.schema == "Organisation" and not a.identifiers & b.identifiers:
        sa = {_scheme(i): i for i in a.identifiers if _scheme(i)}
        sb = {_scheme(i): i for i in b.identifiers if _scheme(i)}
        for scheme in sorted(set(sa) & set(sb)):
            return judge(a.id, b.id, DIFFERENT, IDENTIFIER, 1.0,
                         {"identifiers": [sa[scheme], sb[scheme]], "scheme": scheme, "overrules": proposed.rule})
    return None
