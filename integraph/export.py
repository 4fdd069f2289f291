"""The knowledge-base export (`integraph/1`, ../shared/spec/export.md).

Statements are grouped by canonical entity (resolution's `canonical` table;
an unresolved entity is its own canonical) and folded into one record per
entity.  Single-valued properties take the value of the newest document
that states it (by `as_of`), ties broken by confidence; `status` is the
latest reported, or `completed` once a known end date has passed.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date, datetime, timezone
from typing import Any, Iterable

from integraph.model import Statement
from integraph.store import Store
from integraph.textutil import normalise

SCHEMA = "integraph/1"
SECTIONS = {"Organisation": "organisations", "Programme": "programmes", "Place": "places",
            "Person": "people", "Project": "projects"}


def canonical_map(store: Store) -> dict[str, str]:
    try:
        from integraph.resolve import canonical_map as resolved
    except ImportError:
        return {}
    return resolved(store)


def build(store: Store, today: date | None = None) -> dict[str, Any]:
    """The whole knowledge base as one `integraph/1` object."""
    today = today or date.today()
    canon = canonical_map(store)
    groups: dict[str, list[Statement]] = defaultdict(list)
    for st in store.statements():
        groups[canon.get(st.entity, st.entity)].append(st)

    def ref(local: str) -> str:
        return canon.get(local, local)

    out: dict[str, Any] = {
        "schema": SCHEMA,
        "generated": datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "documents": [
            {"id": d["id"], "source": d["source"], "media_type": d["media_type"], "language": d["language"],
             "title": d["title"], "date": d["date"]}
            for d in store.document_rows()
        ],
    }
    for section in SECTIONS.values():
        out[section] = []
    by_schema: dict[str, list[tuple[str, list[Statement]]]] = defaultdict(list)
    for eid, sts in groups.items():
        by_schema[sts[0].schema].append((eid, sts))
    existing = {eid for eid in groups}
    project_names = {normalise(s.value) for _, sts in by_schema["Project"] for s in sts if s.prop in ("title", "acronym")}
    for eid, sts in sorted(by_schema["Organisation"]):
        if _is_project_name(sts, project_names):
            existing.discard(eid)  # "LIHN" used where an organisation would stand is the project itself
            continue
        out["organisations"].append(_organisation(eid, sts))
    for eid, sts in sorted(by_schema["Programme"]):
        out["programmes"].append(_programme(eid, sts))
    for eid, sts in sorted(by_schema["Place"]):
        out["places"].append(_place(eid, sts))
    for eid, sts in sorted(by_schema["Person"]):
        out["people"].append({"id": eid, "name": _best(sts, "name"), "sources": _sources(sts, "name")})
    for eid, sts in sorted(by_schema["Project"]):
        out["projects"].append(_project(eid, sts, ref, existing, today))
    return out


def dumps(kb: dict[str, Any]) -> str:
    return json.dumps(kb, ensure_ascii=False, indent=1)


# -- folding statements --------------------------------------------------

def _values(sts: Iterable[Statement], prop: str) -> list[Statement]:
    return [s for s in sts if s.prop == prop]


def _distinct(sts: Iterable[Statement], prop: str) -> list[str]:
    seen: dict[str, str] = {}
    for s in _values(sts, prop):
        seen.setdefault(normalise(s.value), s.value)
    return list(seen.values())


def _is_project_name(sts: list[Statement], project_names: set[str]) -> bool:
    """An 'organisation' known only by names the knowledge base knows as a project's, with no
    legal form or profile fact of its own."""
    names = {normalise(s.value) for s in sts if s.prop in ("name", "acronym")}
    # "Sieć Lokalnych Centrów Integracji" reads as a network by its head word, and is the project
    has_profile = any(s.prop in ("founded", "staff", "identifier", "ref") or s.prop == "kind" and s.value != "network"
                      for s in sts)
    return bool(names) and not has_profile and names <= project_names


def _best(sts: list[Statement], prop: str) -> str | None:
    """Newest document first, then confidence, then how often it is said."""
    vals = _values(sts, prop)
    if not vals:
        return None
    freq = Counter(normalise(s.value) for s in vals)
    top = max(vals, key=lambda s: (s.as_of or "", s.confidence, freq[normalise(s.value)], len(s.value)))
    return top.value


def _history(sts: list[Statement], prop: str) -> list[dict[str, Any]]:
    seen = {}
    for s in sorted(_values(sts, prop), key=lambda s: (s.as_of or "", s.span.start)):
        seen[(s.as_of, s.value)] = {"value": s.value, "as_of": s.as_of, "document": s.span.document}
    return list(seen.values())


def _sources(sts: list[Statement], *props: str) -> list[dict[str, Any]]:
    chosen = [s for s in sts if not props or s.prop in props] or sts
    seen = {}
    for s in chosen:
        seen.setdefault((s.span.document, s.span.start, s.span.end),
                        {"document": s.span.document, "start": s.span.start, "end": s.span.end})
    return list(seen.values())


def _int(v: str | None) -> int | None:
    try:
        return int(float(v)) if v is not None else None
    except ValueError:
        return None


def _display_name(sts: list[Statement]) -> str | None:
    """Prefer a full name over an acronym, and the form said most often."""
    names = _values(sts, "name")
    full = [s for s in names if not s.value.isupper()] or names
    if not full:
        return None
    freq = Counter(normalise(s.value) for s in full)
    return max(full, key=lambda s: (freq[normalise(s.value)], s.confidence, -abs(len(s.value) - 40))).value


def _organisation(eid: str, sts: list[Statement]) -> dict[str, Any]:
    idents: dict[str, str] = {}
    for v in _distinct(sts, "identifier"):
        scheme, _, value = v.partition(":")
        idents[scheme] = value
    names = _distinct(sts, "name")
    acronyms = _distinct(sts, "acronym")
    refkey = _best(sts, "ref")
    if refkey:  # a well-known body: its names in every language from the gazetteer
        from integraph.gazetteer import orgs

        body = orgs.bodies().get(refkey) or {}
        seen = {normalise(n) for n in names}
        for lang_names in (body.get("names") or {}).values():
            names += [n for n in lang_names if normalise(n) not in seen and not seen.add(normalise(n))]
        acronyms = list(dict.fromkeys(acronyms + list(body.get("acronyms") or [])))
    rec = {
        "id": eid, "name": _display_name(sts) or _best(sts, "acronym"), "names": names,
        "acronyms": acronyms, "ref": refkey, "kind": _best(sts, "kind"), "country": _best(sts, "country"),
        "founded": _int(_best(sts, "founded")), "staff": _int(_best(sts, "staff")),
        "identifiers": idents, "urls": _distinct(sts, "url"), "sources": _sources(sts, "name", "acronym"),
    }
    if len(_history(sts, "staff")) > 1:
        rec["staff_history"] = _history(sts, "staff")
    return rec


def _programme(eid: str, sts: list[Statement]) -> dict[str, Any]:
    names = _distinct(sts, "name")
    refkey = _best(sts, "ref")
    acronyms = _distinct(sts, "acronym")
    name = _display_name(sts)
    if refkey:
        from integraph.gazetteer import funds

        rec = funds.get(refkey) or {}
        acronyms = list(dict.fromkeys(acronyms + list(rec.get("acronyms", []))))
        canonical = funds.name(refkey, "en")
        if canonical:
            name = canonical
        for lang_names in rec.get("names", {}).values():
            for n in lang_names:
                if normalise(n) not in {normalise(x) for x in names}:
                    names.append(n)
    return {"id": eid, "name": name, "names": names, "acronyms": acronyms, "level": _best(sts, "level"),
            "ref": refkey, "sources": _sources(sts, "name")}


def _place(eid: str, sts: list[Statement]) -> dict[str, Any]:
    kind = _best(sts, "kind")
    refv = _best(sts, "ref")
    names = _distinct(sts, "name")
    name = _display_name(sts)
    rec: dict[str, Any] = {"id": eid, "name": name, "names": names, "kind": kind, "country": _best(sts, "country"),
                           "sources": _sources(sts, "name")}
    if kind == "country" and refv:
        rec["iso"] = refv
        try:
            import pycountry

            c = pycountry.countries.get(alpha_2=refv)
            if c is not None:
                rec["name"] = getattr(c, "common_name", None) or c.name
                if normalise(rec["name"]) not in {normalise(n) for n in names}:
                    names.append(rec["name"])
        except (ImportError, LookupError):
            pass
    elif kind == "city" and refv:
        try:
            from integraph.gazetteer import cities

            info = cities.city(refv) or {}
        except ImportError:
            info = {}
        rec["geonames"] = refv
        if info:
            rec["name"] = info.get("name") or name
            rec["lat"], rec["lon"] = info.get("lat"), info.get("lon")
            if rec["name"] and normalise(rec["name"]) not in {normalise(n) for n in names}:
                names.append(rec["name"])
    return rec


def _status(history: list[dict[str, Any]], end: str | None, start: str | None, today: date) -> str:
    iso = today.isoformat()
    if end and _date_passed(end, iso):
        return "completed"
    if history:
        last = history[-1]["status"]
        # "planned" was true when the document spoke; once the start has passed it runs
        if last == "planned" and start and start[:len(iso)] <= iso and (not end or not _date_passed(end, iso)):
            return "ongoing"
        return last
    if start and not _date_passed(start, iso) and start > iso:
        return "planned"
    if start and end:
        return "ongoing"
    return "unknown"


def _date_passed(d: str, today: str) -> bool:
    """True when every day the (partial) date `d` may mean is before today."""
    padded = {4: d + "-12-31", 7: d + "-31"}.get(len(d), d)
    return padded < today


def _project(eid: str, sts: list[Statement], ref: Any, existing: set[str], today: date) -> dict[str, Any]:
    titles = _distinct(sts, "title")
    history = [{"status": h["value"], "as_of": h["as_of"], "document": h["document"]} for h in _history(sts, "status")]
    history.sort(key=lambda h: h["as_of"] or "")
    starts = sorted({s.value for s in _values(sts, "start")}, key=lambda v: (len(v) * -1, v))
    ends = sorted({s.value for s in _values(sts, "end")}, key=lambda v: (-len(v), v))
    start = min(starts, key=lambda v: (v[:4], -len(v))) if starts else None
    end = max(ends, key=lambda v: (v[:4], len(v))) if ends else None
    leads = Counter(ref(s.value) for s in _values(sts, "lead") if ref(s.value) in existing)
    lead = leads.most_common(1)[0][0] if leads else None
    partners = [p for p in dict.fromkeys(ref(s.value) for s in _values(sts, "partner")) if p != lead and p in existing]
    funders = list(dict.fromkeys(ref(s.value) for s in _values(sts, "funder")))
    grants = _distinct(sts, "grant_id")
    amounts = []
    for a in _distinct(sts, "amount"):
        value, _, currency = a.partition(" ")
        try:
            num = float(value)
        except ValueError:
            continue
        amounts.append({"value": int(num) if num.is_integer() else num, "currency": currency})
    funding: list[dict[str, Any]] = [{"programme": f} for f in funders]
    if len(funding) == 1:
        if grants:
            funding[0]["grant_id"] = grants[0]
        if amounts:
            funding[0]["amount"] = amounts[0]
        extra_g, extra_a = grants[1:], amounts[1:]
    else:
        extra_g, extra_a = grants, amounts
    funding += [{"programme": None, "grant_id": g} for g in extra_g]
    funding += [{"programme": None, "amount": a} for a in extra_a]
    people = []
    for v in dict.fromkeys(s.value for s in _values(sts, "person")):
        pid, _, role = v.partition("|")
        people.append({"person": ref(pid), "role": role or None})
    full = [t for t in titles if not t.isupper()] or titles  # a project's name before its acronym
    title = max(full, key=lambda t: (sum(1 for s in sts if s.prop == "title" and normalise(s.value) == normalise(t)),
                                     len(t))) if full else None
    return {
        "id": eid, "title": title, "titles": titles, "acronym": _best(sts, "acronym"),
        "status": _status(history, end, start, today), "status_history": history,
        "start": start, "end": end, "lead": lead, "partners": partners, "funding": funding,
        "grant_ids": grants, "amounts": amounts,
        "places": list(dict.fromkeys(ref(s.value) for s in _values(sts, "place"))),
        "people": people,
        "outputs": [{"title": o, "url": None} for o in _distinct(sts, "output")],
        "urls": _distinct(sts, "url"),
        "sources": _sources(sts, "title"),
    }
