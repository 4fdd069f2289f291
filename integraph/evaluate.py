"""Score a knowledge base against a gold file (`integraph-gold/1`, ../shared/gold/FORMAT.md).

Rules, in the format's order: names are normalised (textutil.normalise);
entities match on an equal name (project titles also at rapidfuzz ratio ≥ 90),
one to one; detection counts organisations and projects; fields of matched
projects and organisations are scored item by item and micro-averaged.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from integraph.textutil import normalise

PROJECT_FIELDS = ("status", "status_history", "start", "end", "lead", "partners", "programmes", "grant_ids",
                  "amounts", "places", "people", "urls", "outputs")
ORG_FIELDS = ("kind", "country", "founded", "staff")


def _names(e: dict[str, Any]) -> set[str]:
    out = set()
    for key in ("name", "title"):
        if e.get(key):
            out.add(normalise(str(e[key])))
    for key in ("names", "titles", "acronyms"):
        out |= {normalise(str(n)) for n in e.get(key) or []}
    if e.get("acronym"):
        out.add(normalise(e["acronym"]))
    if e.get("iso"):
        out.add(normalise(e["iso"]))
    return {n for n in out if n}


def _match(gold: list[dict[str, Any]], pred: list[dict[str, Any]], fuzzy: bool) -> dict[str, str]:
    """gold key → predicted id, one to one, best pairs first."""
    pairs = []
    for g in gold:
        gn = _names(g) | ({normalise(g["key"])} if g.get("kind") == "country" else set())
        for p in pred:
            pn = _names(p)
            if gn & pn:  # ties go to the prediction sharing most names with the gold entity
                pairs.append((100.0 + len(gn & pn), g["key"], p["id"]))
            elif fuzzy:
                score = max((fuzz.ratio(a, b) for a in gn for b in pn), default=0)
                if score >= 90:
                    pairs.append((score, g["key"], p["id"]))
    pairs.sort(key=lambda t: -t[0])
    out: dict[str, str] = {}
    used: set[str] = set()
    for _, gk, pid in pairs:
        if gk not in out and pid not in used:
            out[gk] = pid
            used.add(pid)
    return out


def _date_ok(pred: str | None, gold: str) -> bool:
    return bool(pred) and str(pred).startswith(gold) and len(str(pred)) >= len(gold)


def _url(u: str) -> str:
    u = u.strip().lower()
    for p in ("https://", "http://"):
        if u.startswith(p):
            u = u[len(p):]
    if u.startswith("www."):
        u = u[4:]
    return u.rstrip("/")


class Tally:
    def __init__(self) -> None:
        self.tp: dict[str, int] = defaultdict(int)
        self.fp: dict[str, int] = defaultdict(int)
        self.fn: dict[str, int] = defaultdict(int)
        self.misses: list[dict[str, Any]] = []
        self.false: list[dict[str, Any]] = []

    def score(self, field: str, where: str, gold_items: list[Any], pred_items: list[Any], same: Any,
              optional_items: set[Any] = frozenset(), field_optional: bool = False) -> None:
        left = list(pred_items)
        for g in gold_items:
            hit = next((p for p in left if same(p, g)), None)
            if hit is not None:
                left.remove(hit)
                self.tp[field] += 1
            elif not field_optional and not (isinstance(g, str) and g in optional_items):
                self.fn[field] += 1
                self.misses.append({"entity": where, "field": field, "gold": g})
        for p in left:
            self.fp[field] += 1
            self.false.append({"entity": where, "field": field, "predicted": p})

    def prf(self, fields: tuple[str, ...] | None = None) -> dict[str, float]:
        keys = fields or tuple(set(self.tp) | set(self.fp) | set(self.fn))
        tp = sum(self.tp[k] for k in keys)
        fp = sum(self.fp[k] for k in keys)
        fn = sum(self.fn[k] for k in keys)
        return _prf(tp, fp, fn)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def restrict(kb: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    """Keep only what the gold's documents state: other documents in the KB are not scored."""
    files = {Path(d["file"]).name for d in gold["documents"]}
    docs = {d["id"] for d in kb["documents"] if Path(str(d["source"])).name in files}
    out = dict(kb)
    for section in ("organisations", "programmes", "places", "people", "projects"):
        out[section] = [e for e in kb.get(section, []) if any(s["document"] in docs for s in e.get("sources", []))]
    return out


def evaluate(kb: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    kb = restrict(kb, gold)
    orgs_m = _match(gold["organisations"], kb["organisations"], fuzzy=False)
    projects_m = _match(gold["projects"], kb["projects"], fuzzy=True)
    programmes_m = _match(gold.get("programmes", []), kb["programmes"], fuzzy=False)
    places_m = _match(gold.get("places", []), kb["places"], fuzzy=False)
    pred_key = {pid: gk for m in (orgs_m, programmes_m, places_m) for gk, pid in m.items()}
    iso = {p["id"]: p.get("iso") for p in kb["places"] if p.get("iso")}
    people = {p["id"]: normalise(p.get("name") or "") for p in kb.get("people", [])}

    detection = {}
    for label, gold_list, pred_list, matched in (("organisations", gold["organisations"], kb["organisations"], orgs_m),
                                                 ("projects", gold["projects"], kb["projects"], projects_m)):
        optional = {g["key"] for g in gold_list if g.get("optional") is True}
        tp = len(matched)
        fn = sum(1 for g in gold_list if g["key"] not in matched and g["key"] not in optional)
        fp = len(pred_list) - len(set(matched.values()))
        detection[label] = _prf(tp, fp, fn)
        detection[label]["unmatched_predictions"] = [
            e.get("name") or e.get("title") for e in pred_list if e["id"] not in set(matched.values())][:50]
        detection[label]["missed"] = [g["key"] for g in gold_list if g["key"] not in matched and g["key"] not in optional]

    def ref_same(p: Any, g: Any) -> bool:
        return pred_key.get(p) == g or (iso.get(p) is not None and iso.get(p) == g)

    tally = Tally()
    for g, p, opt in _pairs(gold["projects"], kb["projects"], projects_m):
        where = g["key"]

        def sc(field: str, gi: list[Any], pi: list[Any], same: Any) -> None:
            tally.score(field, where, gi, pi, same, optional_items=opt, field_optional=field in opt)

        if "status" in g:
            sc("status", [g["status"]], [p["status"]] if p.get("status") not in (None, "unknown") else [],
               lambda a, b: a == b)
        sc("status_history", [tuple(x) for x in g.get("status_history", [])],
           [(h["as_of"], h["status"]) for h in p.get("status_history", []) if h.get("as_of")],
           lambda a, b: _date_ok(a[0], b[0]) and a[1] == b[1])
        for f in ("start", "end"):
            if f in g:
                sc(f, [g[f]], [p[f]] if p.get(f) else [], _date_ok)
        if "lead" in g:
            sc("lead", [g["lead"]], [p["lead"]] if p.get("lead") else [], ref_same)
        sc("partners", g.get("partners", []), p.get("partners", []), ref_same)
        sc("programmes", g.get("programmes", []), [f["programme"] for f in p.get("funding", []) if f.get("programme")],
           ref_same)
        sc("grant_ids", [normalise(x) for x in g.get("grant_ids", [])], [normalise(x) for x in p.get("grant_ids", [])],
           lambda a, b: a == b or a.startswith(b))
        sc("amounts", g.get("amounts", []), p.get("amounts", []),
           lambda a, b: a["currency"] == b["currency"] and abs(float(a["value"]) - b["value"]) <= 0.005 * abs(b["value"]))
        sc("places", g.get("places", []), p.get("places", []), ref_same)
        sc("people", [normalise(x) for x in g.get("people", [])],
           [people.get(x["person"], "") for x in p.get("people", [])], lambda a, b: a == b)
        sc("urls", [_url(u) for u in g.get("urls", [])], [_url(u) for u in p.get("urls", [])], lambda a, b: a == b)
        sc("outputs", [normalise(o) for o in g.get("outputs", [])],
           [normalise(o["title"]) for o in p.get("outputs", [])], lambda a, b: a == b or fuzz.ratio(a, b) >= 90)

    org_tally = Tally()
    for g, o, opt in _pairs(gold["organisations"], kb["organisations"], orgs_m):
        for f in ORG_FIELDS:
            if f in g:
                org_tally.score(f, g["key"], [g[f]], [o[f]] if o.get(f) is not None else [], lambda a, b: a == b,
                                field_optional=f in opt)

    per_field = {f: tally.prf((f,)) for f in PROJECT_FIELDS}
    per_field.update({f"organisation.{f}": org_tally.prf((f,)) for f in ORG_FIELDS})
    total_tp = sum(tally.tp.values()) + sum(org_tally.tp.values())
    total_fp = sum(tally.fp.values()) + sum(org_tally.fp.values())
    total_fn = sum(tally.fn.values()) + sum(org_tally.fn.values())
    return {
        "detection": detection,
        "fields": _prf(total_tp, total_fp, total_fn),
        "project_fields": tally.prf(PROJECT_FIELDS),
        "organisation_fields": org_tally.prf(ORG_FIELDS),
        "per_field": per_field,
        "misses": tally.misses + org_tally.misses,
        "false": tally.false + org_tally.false,
    }


def by_language(kb: dict[str, Any], gold: dict[str, Any], texts: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Scores per document language: each language's documents with the gold entities they name.

    The gold is merged across documents, so a fact cannot be traced to one
    language; an entity can.  For a language L the gold keeps L's documents
    and the organisations and projects one of whose names occurs in an L
    document's text (`texts`: file name -> cleaned text); the knowledge base
    keeps the entities with a source in those documents.  An entity named in
    several languages counts in each, with all its facts.
    """
    folded = {Path(f).name: normalise(t) for f, t in texts.items()}
    out: dict[str, dict[str, Any]] = {}
    for lang in sorted({d["language"] for d in gold["documents"]}):
        docs = [d for d in gold["documents"] if d["language"] == lang]
        hay = [folded.get(Path(d["file"]).name, "") for d in docs]

        def named(e: dict[str, Any]) -> bool:
            # whole words only: the acronym "EIN" is not named by German "ein"
            return any(n and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", h)
                       for n in map(normalise, e.get("names") or e.get("titles") or []) for h in hay)

        sub = dict(gold, documents=docs, organisations=[e for e in gold["organisations"] if named(e)],
                   projects=[e for e in gold["projects"] if named(e)])
        r = evaluate(kb, sub)
        out[lang] = {"documents": len(docs), "organisations": len(sub["organisations"]),
                     "projects": len(sub["projects"]),
                     **{k: r[k] for k in ("detection", "fields", "project_fields", "organisation_fields")}}
    return out


def _pairs(gold_list: list[dict[str, Any]], pred_list: list[dict[str, Any]],
           matched: dict[str, str]) -> list[tuple[dict[str, Any], dict[str, Any], set[str]]]:
    """Matched (gold, predicted, optional field names and item keys) triples."""
    by_id = {p["id"]: p for p in pred_list}
    out = []
    for g in gold_list:
        pid = matched.get(g["key"])
        if pid is not None:
            opt = g.get("optional")
            out.append((g, by_id[pid], set(opt) if isinstance(opt, list) else set()))
    return out


def load_gold(path: Path) -> dict[str, Any]:
    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    if gold.get("format") != "integraph-gold/1":
        from integraph.errors import UsageError

        raise UsageError(f"{path}: not an integraph-gold/1 file")
    return gold
