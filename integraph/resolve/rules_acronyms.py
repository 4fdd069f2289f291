"""Rules on acronyms: acronym ↔ full name by initials, equal acronyms, one-letter slips.

These run after the name rules, on their provisional groups, because an
acronym is only safe to resolve when the knowledge base gives it exactly one
meaning ("ЦИИ" ↔ "Център за Имиграция и Интеграция"), or when two documents
share a context (the same publisher, the same project lead).
"""
from __future__ import annotations

from typing import Iterator

from integraph.resolve.context import Context
from integraph.resolve.judgement import SAME, Judgement, judge
from integraph.resolve.names import initials
from integraph.resolve.records import Record

ACRONYM = "resolve.acronym.v1"
ACRONYM_EQUAL = "resolve.acronym_equal.v1"
ACRONYM_NEAR = "resolve.acronym_near.v1"
SCHEMATA = ("Organisation", "Programme")


def owners(ctx: Context, schema: str) -> dict[str, dict[str, tuple[str, str]]]:
    """acronym → {group: (an entity, the full name)} for the full names it most plainly abbreviates.

    A declared acronym (level 0) beats plain initials (1), which beat
    initials with the legal form or function words (2): only the groups at
    the best level present are kept, so "ABS" of "Verein Auspendeln
    Beidhändig Strichweise" is not made ambiguous by "Association Blowie
    Superhuman".
    """
    found: dict[str, dict[str, tuple[int, str, str]]] = {}

    def offer(acro: str, group: str, level: int, entity: str, name: str) -> None:
        slot = found.setdefault(acro, {})
        if group not in slot or slot[group][0] > level:
            slot[group] = (level, entity, name)

    for rec in ctx.of(schema):
        forms = ctx.forms[rec.id]
        if not forms:
            continue
        group = ctx.group_of(rec.id)
        for f in forms:
            for acro, level in initials(f).items():
                offer(acro, group, level, rec.id, f.raw)
        for acro in ctx.acronyms[rec.id]:
            offer(acro, group, 0, rec.id, forms[0].raw)
    out: dict[str, dict[str, tuple[str, str]]] = {}
    for acro, slot in found.items():
        best = min(level for level, _, _ in slot.values())
        out[acro] = {g: (e, n) for g, (level, e, n) in slot.items() if level == best}
    return out


def rule_acronym(ctx: Context) -> Iterator[Judgement]:
    """resolve.acronym.v1: an acronym-only entity joins the one full name whose initials (or declaration) it matches.

    In its own document the acronym may match any full name there; across
    documents only when exactly one group in the whole knowledge base owns it.
    """
    for schema in SCHEMATA:
        table = owners(ctx, schema)
        for rec in ctx.of(schema):
            if ctx.forms[rec.id]:
                continue
            for acro in ctx.acronyms[rec.id]:
                owned = table.get(acro, {})
                local = {g: v for g, v in owned.items() if ctx.by_id[v[0]].doc == rec.doc}
                local |= _local_owners(ctx, rec, acro, schema)
                if len(local) == 1:
                    (target, name), = local.values()
                    scope, score = "document", 0.95
                elif not local and len(owned) == 1:
                    (target, name), = owned.values()
                    scope, score = "knowledge base", 0.85
                else:
                    continue
                yield judge(rec.id, target, SAME, ACRONYM, score,
                            {"acronym": acro, "name": name, "scope": scope, "meanings": len(owned)})
                break


def _local_owners(ctx: Context, rec: Record, acro: str, schema: str) -> dict[str, tuple[str, str]]:
    out = {}
    for other in ctx.by_doc.get(rec.doc, []):
        if other.schema != schema or other.id == rec.id:
            continue
        for f in ctx.forms[other.id]:
            if acro in initials(f) or acro in ctx.acronyms[other.id]:  # any reading, inside one document
                out[ctx.group_of(other.id)] = (other.id, f.raw)
    return out


def doc_context(ctx: Context) -> dict[str, set[str]]:
    """document → what makes two documents 'of the same organisation': publisher and project leads."""
    out: dict[str, set[str]] = {}
    for rec in ctx.records:
        facts = out.setdefault(rec.doc, set())
        if rec.publisher:
            facts.add("publisher:" + rec.publisher)
        for lead in rec.links.get("lead", ()):
            facts.add("lead:" + ctx.group_of(lead))
    return out


def rule_acronym_equal(ctx: Context) -> Iterator[Judgement]:
    """resolve.acronym_equal.v1: the same acronym in two documents that share a context."""
    context = doc_context(ctx)
    for schema in SCHEMATA:
        table = owners(ctx, schema)
        holders: dict[str, list[Record]] = {}
        for rec in ctx.of(schema):
            for acro in ctx.acronyms[rec.id]:
                holders.setdefault(acro, []).append(rec)
        for acro, recs in sorted(holders.items()):
            if len(table.get(acro, {})) > 1 or len(recs) < 2:
                continue  # the knowledge base gives it several meanings
            first = recs[0]
            for rec in recs[1:]:
                if rec.doc == first.doc or _names_clash(ctx, first, rec):
                    continue
                shared = context.get(first.doc, set()) & context.get(rec.doc, set())
                if schema == "Organisation" and not shared:
                    continue
                yield judge(first.id, rec.id, SAME, ACRONYM_EQUAL, 0.8,
                            {"acronym": acro, "context": sorted(shared)[:3]})


def _names_clash(ctx: Context, a: Record, b: Record) -> bool:
    """Both have full names in one language and none agrees: one acronym, two bodies."""
    fa, fb = ctx.forms[a.id], ctx.forms[b.id]
    if not fa or not fb or a.lang != b.lang:
        return False
    return not {f.key for f in fa} & {f.key for f in fb}


def rule_acronym_near(ctx: Context) -> Iterator[Judgement]:
    """resolve.acronym_near.v1 (weak): acronyms one letter apart, both partners of one lead's projects.

    A report may spell a partner "ЦМП" one year and "СМП" the next; only the
    shared role (partner of projects led by the same group, in different
    documents) and the absence of any other reading make this safe enough.
    """
    table = owners(ctx, "Organisation")
    partners: dict[str, dict[str, set[str]]] = {}  # lead group → acronym → partner entity ids
    for proj in ctx.of("Project"):
        for lead in proj.links.get("lead", ()):
            lg = ctx.group_of(lead)
            for p in proj.links.get("partner", ()):
                rec = ctx.by_id.get(p)
                if rec is None:
                    continue
                for acro in ctx.acronyms[rec.id]:
                    partners.setdefault(lg, {}).setdefault(acro, set()).add(p)
    for lead, acros in sorted(partners.items()):
        keys = sorted(acros)
        for i, x in enumerate(keys):
            near = [y for y in keys if y != x and _one_letter(x, y)]
            if len(near) != 1 or near[0] < x:
                continue
            y = near[0]
            if len([z for z in keys if z != y and _one_letter(y, z)]) != 1:
                continue
            gx, gy = set(table.get(x, {})), set(table.get(y, {}))
            if gx and gy and not gx & gy:
                continue  # each is the acronym of a different full name
            ax, ay = sorted(acros[x]), sorted(acros[y])
            if {ctx.by_id[e].doc for e in ax} & {ctx.by_id[e].doc for e in ay}:
                continue  # both spellings in one document: two organisations
            yield judge(ax[0], ay[0], SAME, ACRONYM_NEAR, 0.6,
                        {"acronyms": [x, y], "role": "partner", "lead": lead})


def _one_letter(x: str, y: str) -> bool:
    return len(x) == len(y) >= 3 and sum(a != b for a, b in zip(x, y)) == 1
