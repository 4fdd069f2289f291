"""HTML pages: server-rendered, usable without JavaScript."""
from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from integraph.search import FACETS, search
from integraph.search.index import programme_label
from integraph.search.thesaurus import load as load_thesaurus
from integraph.web import charts, maps, network
from integraph.web.app import Context, Portal, context
from integraph.web.data import KnowledgeBase, facts, members, segments

router = APIRouter(include_in_schema=False)
PAGE = 20
SECTION_PATH = {"projects": "/projects/", "organisations": "/organisations/", "programmes": "/programmes/",
                "places": "/places/", "people": None}


def portal(request: Request) -> Portal:
    return request.app.state.portal


def render(request: Request, name: str, **values: Any) -> Response:
    ctx = context(request)
    kb = portal(request).kb()
    values.update(ctx=ctx, _=ctx.gettext, fmt=ctx.fmt, kb=kb, href=lambda eid: entity_href(kb, eid),
                  assets=request.app.state.assets, leaflet=request.app.state.leaflet)
    response = request.app.state.templates.TemplateResponse(request, name, values)
    if request.query_params.get("lang") == ctx.lang:
        response.set_cookie("lang", ctx.lang, max_age=365 * 24 * 3600, samesite="lax")
    return response


def entity_href(kb: KnowledgeBase, eid: str | None) -> str | None:
    if not eid or eid not in kb.kind_of:
        return None
    base = SECTION_PATH.get(kb.kind_of[eid])
    return base + eid if base else None


def source_href(src: dict[str, Any]) -> str:
    return f"/documents/{src['document']}?start={src['start']}&end={src['end']}#hl"


def map_svg(ctx: Context, kb: KnowledgeBase, projects: list[dict[str, Any]] | None = None) -> str:
    return maps.svg(ctx.fmt, kb, ctx.gettext("Map of projects by country and city"), projects)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    kb = portal(request).kb()
    ctx = context(request)
    docs = sorted(kb.section("documents"), key=lambda d: d.get("date") or "", reverse=True)
    by_lang = Counter(d.get("language") or "?" for d in kb.section("documents"))
    by_country = kb.countries()
    by_status = Counter(p.get("status") or "unknown" for p in kb.section("projects"))
    lang_chart = charts.bar_chart([charts.Bar(ctx.fmt.language_name(k) if k != "?" else "?", v, ctx.fmt.number(v),
                                              f"/search?q=&language={k}") for k, v in by_lang.most_common()],
                                  ctx.gettext("Documents by language"))
    return render(request, "home.html", counts=kb.counts(), recent=docs[:10], lang_chart=lang_chart,
                  by_country=by_country.most_common(), by_status=by_status.most_common(), map=map_svg(ctx, kb))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", page: int = Query(1, ge=1), lang: str | None = None) -> Response:
    p = portal(request)
    filters = {f: request.query_params.getlist(f) for f in FACETS if request.query_params.getlist(f)}
    result = search(p.searchable(), q, filters, limit=PAGE, offset=(page - 1) * PAGE) if q.strip() else None
    thesaurus = load_thesaurus()
    ctx = context(request)

    def facet_label(facet: str, value: str) -> str:
        if facet == "theme" and value in thesaurus.concepts:
            return thesaurus.concepts[value].label(ctx.lang)
        if facet == "language":
            return ctx.fmt.language_name(value)
        if facet == "country":
            return ctx.fmt.country_name(value)
        if facet in ("status", "type"):
            return ctx.gettext(value)
        return value

    return render(request, "search.html", q=q, result=result, page=page, pages=max(1, -(-(result or {}).get("total", 0) // PAGE)),
                  filters=filters, facet_label=facet_label, source_href=source_href)


def _list(request: Request, section: str, key: str) -> Response:
    """A page listing one section of the knowledge base, sorted by name or title."""
    items = sorted(portal(request).kb().section(section), key=lambda e: (e.get(key) or "").casefold())
    return render(request, "list.html", section=section, items=items)


@router.get("/projects", response_class=HTMLResponse)
def projects(request: Request) -> Response:
    return _list(request, "projects", "title")


@router.get("/organisations", response_class=HTMLResponse)
def organisations(request: Request) -> Response:
    return _list(request, "organisations", "name")


@router.get("/programmes", response_class=HTMLResponse)
def programmes(request: Request) -> Response:
    return _list(request, "programmes", "name")


@router.get("/places", response_class=HTMLResponse)
def places(request: Request) -> Response:
    return _list(request, "places", "name")


def _facts_by_prop(request: Request, eid: str) -> tuple[list[dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    p = portal(request)
    store = p.store()
    all_facts = facts(store, p.kb(), eid, members(store))
    grouped: dict[str, list[dict[str, Any]]] = {}
    for f in all_facts:
        grouped.setdefault(f["prop"], []).append(f)
    return all_facts, grouped


@router.get("/projects/{eid:path}", response_class=HTMLResponse)
def project_page(request: Request, eid: str) -> Response:
    kb = portal(request).kb()
    project = kb.get("projects", eid)
    if project is None:
        raise HTTPException(404, f"no project {eid}")
    all_facts, grouped = _facts_by_prop(request, eid)
    timeline = []
    for h in project.get("status_history", []):
        sources = [f["source"] for f in grouped.get("status", []) if f["value"] == h["status"]
                   and f["source"]["document"] == h.get("document")]
        quotes = [f["quote"] for f in grouped.get("status", []) if f["value"] == h["status"]
                  and f["source"]["document"] == h.get("document")]
        timeline.append({**h, "sources": sources, "quote": quotes[0] if quotes else None})
    return render(request, "project.html", e=project, facts=all_facts, grouped=grouped, timeline=timeline,
                  source_href=source_href, countries=sorted(kb.project_countries(project)))


@router.get("/organisations/{eid:path}", response_class=HTMLResponse)
def organisation_page(request: Request, eid: str) -> Response:
    kb = portal(request).kb()
    org = kb.get("organisations", eid)
    if org is None:
        raise HTTPException(404, f"no organisation {eid}")
    ctx = context(request)
    all_facts, grouped = _facts_by_prop(request, eid)
    roles = sorted(kb.projects_of(eid), key=lambda pr: (kb.year_of(pr[0]) or "", pr[0].get("title") or ""))
    nodes, edges = kb.partner_graph(eid)
    graph = network.render(nodes, edges, lambda n: entity_href(kb, n["id"]) or "#",
                           ctx.gettext("Partner network"), focus=eid) if edges else ""
    return render(request, "organisation.html", e=org, facts=all_facts, grouped=grouped, roles=roles, graph=graph,
                  source_href=source_href)


@router.get("/programmes/{eid:path}", response_class=HTMLResponse)
def programme_page(request: Request, eid: str) -> Response:
    kb = portal(request).kb()
    prog = kb.get("programmes", eid)
    if prog is None:
        raise HTTPException(404, f"no programme {eid}")
    ctx = context(request)
    funded = kb.projects_funded_by(eid)
    rows = [r for r in kb.funding_rows(funded) if r["programme"] == eid]
    by_country: dict[tuple[str, str], float] = Counter()
    by_year: dict[tuple[str, str], float] = Counter()
    for r in rows:
        for c in r["countries"] or ["?"]:
            by_country[(c, r["currency"])] += r["value"]
        by_year[(r["year"] or "?", r["currency"])] += r["value"]
    chart_country = charts.bar_chart([charts.Bar(f"{ctx.fmt.country_name(c) if c != '?' else '?'}", v, ctx.fmt.money(v, cur),
                                                 f"/countries/{c}" if c != "?" else None)
                                      for (c, cur), v in sorted(by_country.items(), key=lambda kv: -kv[1])],
                                     ctx.gettext("Amounts by country"))
    chart_year = charts.bar_chart([charts.Bar(y, v, ctx.fmt.money(v, cur)) for (y, cur), v in sorted(by_year.items())],
                                  ctx.gettext("Amounts by year"))
    years = Counter(kb.year_of(p) or "?" for p in funded)
    chart_projects = charts.bar_chart([charts.Bar(y, n, ctx.fmt.number(n)) for y, n in sorted(years.items())],
                                      ctx.gettext("Projects by year"))
    all_facts, grouped = _facts_by_prop(request, eid)
    return render(request, "programme.html", e=prog, label=programme_label(prog), projects=funded,
                  chart_country=chart_country, chart_year=chart_year, chart_projects=chart_projects,
                  facts=all_facts, source_href=source_href, map=map_svg(ctx, kb, funded))


@router.get("/places/{eid:path}", response_class=HTMLResponse)
def place_page(request: Request, eid: str) -> Response:
    kb = portal(request).kb()
    place = kb.get("places", eid)
    if place is None:
        raise HTTPException(404, f"no place {eid}")
    code = kb.country_of_place(place)
    if place.get("kind") == "country" and code:
        return RedirectResponse(f"/countries/{code}", status_code=307)
    ctx = context(request)
    here = kb.projects_at(eid)
    orgs = {o for p in here for o in [p.get("lead"), *p.get("partners", [])] if o}
    all_facts, _ = _facts_by_prop(request, eid)
    return render(request, "place.html", e=place, code=code, projects=here,
                  organisations=[kb.by_id[o] for o in sorted(orgs) if o in kb.by_id], facts=all_facts,
                  source_href=source_href, map=map_svg(ctx, kb, here), cities=[])


@router.get("/countries/{code}", response_class=HTMLResponse)
def country_page(request: Request, code: str) -> Response:
    kb = portal(request).kb()
    code = code.upper()
    ctx = context(request)
    here = kb.projects_in_country(code)
    orgs = kb.organisations_in_country(code)
    place = kb.country_place(code)
    if not here and not orgs and place is None:
        raise HTTPException(404, f"nothing known about country {code}")
    return render(request, "place.html", e=place or {"id": code, "name": ctx.fmt.country_name(code), "kind": "country"},
                  code=code, projects=here, organisations=orgs, facts=[], source_href=source_href,
                  map=map_svg(ctx, kb, here), cities=kb.cities(code))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> Response:
    kb = portal(request).kb()
    ctx = context(request)
    by_country = kb.countries()
    return render(request, "map.html", map=map_svg(ctx, kb), by_country=by_country.most_common(), cities=kb.cities())


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> Response:
    kb = portal(request).kb()
    ctx = context(request)
    nodes: dict[str, dict[str, Any]] = {}
    edges: set[tuple[str, str]] = set()
    for p in kb.section("projects"):
        for member in [p.get("lead"), *p.get("partners", [])]:
            if member and member in kb.by_id:
                nodes.setdefault(p["id"], {"id": p["id"], "kind": "project", "label": kb.label(p["id"])})
                nodes.setdefault(member, {"id": member, "kind": "organisation", "label": kb.label(member)})
                edges.add((member, p["id"]))
    graph = network.render(list(nodes.values()), sorted(edges), lambda n: entity_href(kb, n["id"]) or "#",
                           ctx.gettext("Organisation–project network")) if edges else ""
    return render(request, "network.html", graph=graph)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, start: int | None = Query(None, ge=0), end: int | None = Query(None, ge=0)) -> Response:
    store = portal(request).store()
    doc = store.document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id}")
    rows = store.db.query("SELECT prop, start_, end_ FROM statements WHERE document = ?", (doc_id,))
    spans = [(r["start_"], r["end_"], r["prop"]) for r in rows]
    highlight = (start, end) if start is not None and end is not None and start < end else None
    return render(request, "document.html", doc=doc, pieces=segments(doc.text, spans, highlight), highlight=highlight,
                  n_facts=len(rows))


@router.get("/documents/{doc_id}/original")
def document_original(request: Request, doc_id: str) -> Response:
    store = portal(request).store()
    doc = store.document(doc_id)
    data = store.original(doc_id)
    if doc is None or data is None:
        raise HTTPException(404, f"no document {doc_id}")
    name = (doc.source.rstrip("/").rsplit("/", 1)[-1] or doc_id).replace('"', "")
    # Served as a download, never rendered: an HTML original could carry scripts.
    return Response(data, media_type=doc.media_type or "application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="{name}"',
                             "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "sandbox"})
