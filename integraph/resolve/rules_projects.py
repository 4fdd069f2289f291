"""Rules for projects: the same title, the same acronym with the same organisations, or (across
languages) the same period, programme and towns."""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from rapidfuzz import fuzz

from integraph.resolve.blocking import candidate_pairs
from integraph.resolve.context import Context
from integraph.resolve.judgement import SAME, Judgement, judge
from integraph.resolve.records import Record
from integraph.textutil import normalise

TITLE = "resolve.project_title.v1"
ACRONYM = "resolve.project_acronym.v1"
SUBTITLE = "resolve.project_subtitle.v1"
PROFILE = "resolve.project_profile.v1"
LONG_ACRONYM = 4
TITLE_SAME = 90.0  # the gold scorer's threshold for "the same title"


def rule_project_title(ctx: Context) -> Iterator[Judgement]:
    """resolve.project_title.v1: titles at a normalised rapidfuzz ratio of 90 or more."""
    items: list[tuple[Record, str]] = []
    for rec in ctx.of("Project"):
        for title in rec.names:
            norm = normalise(title)
            if len(norm) >= 4:
                items.append((rec, norm))
    words = [tuple(n.split()) for _, n in items]
    best: dict[tuple[str, str], Judgement] = {}
    exact: dict[str, Record] = {}
    for rec, norm in items:
        first = exact.setdefault(norm, rec)
        if first.id != rec.id:
            j = judge(first.id, rec.id, SAME, TITLE, 1.0, {"titles": [norm, norm]})
            best.setdefault(j.pair, j)
    for i, k in candidate_pairs(words):
        (a, ta), (b, tb) = items[i], items[k]
        if a.id == b.id or ta == tb:
            continue
        score = fuzz.ratio(ta, tb)
        if score >= TITLE_SAME:
            j = judge(a.id, b.id, SAME, TITLE, score / 100, {"titles": [ta, tb], "ratio": round(score, 1)})
            if j.pair not in best or best[j.pair].score < j.score:
                best[j.pair] = j
    yield from (best[p] for p in sorted(best))


def _organisations(ctx: Context, rec: Record) -> set[str]:
    return {ctx.group_of(e) for rel in ("lead", "partner") for e in rec.links.get(rel, ())}


def rule_project_acronym(ctx: Context) -> Iterator[Judgement]:
    """resolve.project_acronym.v1: the same project acronym and at least one organisation in common."""
    by_acronym: dict[str, list[Record]] = {}
    for rec in ctx.of("Project"):
        for acro in ctx.acronyms[rec.id]:
            by_acronym.setdefault(acro, []).append(rec)
    for acro, recs in sorted(by_acronym.items()):
        for i, a in enumerate(recs):
            orgs_a = _organisations(ctx, a)
            for b in recs[i + 1:]:
                common = orgs_a & _organisations(ctx, b)
                # a long acronym names one project; a short one needs an organisation in common
                if (common or len(acro) >= LONG_ACRONYM) and a.doc != b.doc:
                    yield judge(a.id, b.id, SAME, ACRONYM, 0.9 if common else 0.8,
                                {"acronym": acro, "organisations": sorted(common)[:5]})
                    break


def rule_project_subtitle(ctx: Context) -> Iterator[Judgement]:
    """resolve.project_subtitle.v1: 'Title' and 'Title – subtitle' are one project."""
    full: dict[str, list[tuple[Record, str]]] = {}
    for rec in ctx.of("Project"):
        for title in rec.names:
            head = re.split(r"\s+[-–—:]\s+", title, maxsplit=1)
            if len(head) == 2 and len(normalise(head[0])) >= 8:
                full.setdefault(normalise(head[0]), []).append((rec, title))
    for rec in ctx.of("Project"):
        for title in rec.names:
            for other, long_title in full.get(normalise(title), []):
                if other.id != rec.id:
                    yield judge(rec.id, other.id, SAME, SUBTITLE, 0.9, {"titles": [title, long_title]})


MONTH = 7  # "2024-11": an ISO date's length at month precision
TOWNS_IN_COMMON = 2


def _months(dates: set[str]) -> set[str]:
    """The months of the dates stated at month precision or better ("2024-11-01" → "2024-11")."""
    return {d[:MONTH] for d in dates if len(d) >= MONTH}


def _refs(ctx: Context, rec: Record, relation: str, kind: str | None = None) -> set[str]:
    out = set()
    for local in rec.links.get(relation, ()):
        other = ctx.by_id.get(local)
        if other is not None and other.ref and (kind is None or other.kind == kind):
            out.add(other.ref)
    return out


def _grants(rec: Record) -> set[str]:
    return {i for i in rec.identifiers if i.startswith("grant:")}


def rule_project_profile(ctx: Context) -> Iterator[Judgement]:
    """resolve.project_profile.v1: one project told in two languages, where titles cannot meet.

    A Portuguese partner's blog and the Irish lead's English page name the same project in their own
    words; what they share is its profile: the same first and last month, a programme in common, and
    two or more towns in common.  A pair is judged only when each document has one project with that
    profile (a consortium's two projects of one call stay apart) and no grant numbers disagree."""
    by_period: dict[tuple[str, str], list[Record]] = {}
    for rec in ctx.of("Project"):
        for start in sorted(_months(rec.starts)):
            for end in sorted(_months(rec.ends)):
                if start < end:
                    by_period.setdefault((start, end), []).append(rec)
    best: dict[tuple[str, str], Judgement] = {}
    for period, recs in sorted(by_period.items()):
        per_doc = Counter(r.doc for r in recs)
        single = [r for r in recs if per_doc[r.doc] == 1]
        for i, a in enumerate(single):
            for b in single[i + 1:]:
                if a.lang == b.lang or not a.lang or not b.lang:
                    continue
                if _grants(a) and _grants(b) and not _grants(a) & _grants(b):
                    continue
                programmes = _refs(ctx, a, "funder") & _refs(ctx, b, "funder")
                towns = _refs(ctx, a, "place", "city") & _refs(ctx, b, "place", "city")
                if programmes and len(towns) >= TOWNS_IN_COMMON:
                    j = judge(a.id, b.id, SAME, PROFILE, 0.8, {"period": list(period), "programmes": sorted(programmes),
                                                              "towns": sorted(towns)})
                    best.setdefault(j.pair, j)
    yield from (best[p] for p in sorted(best))
