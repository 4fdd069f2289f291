"""The JSON API under /api/: the export shape, entity by entity, plus search and CSV.

Every error leaves through the app's one handler as
`{"ok": false, "error": "...", "status": N}`.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from integraph.search import FACETS, search
from integraph.web.data import ENTITY_SECTIONS, facts, members

router = APIRouter(prefix="/api", tags=["api"])
SECTIONS = ("projects", "organisations", "programmes", "places", "people")
CSV_COLUMNS = {
    "projects": ["id", "title", "acronym", "status", "start", "end", "lead", "partners", "programmes", "places", "urls"],
    "organisations": ["id", "name", "acronyms", "kind", "country", "founded", "staff", "urls"],
    "programmes": ["id", "name", "acronyms", "level"],
    "places": ["id", "name", "kind", "country"],
    "people": ["id", "name"],
}


def _portal(request: Request) -> Any:
    return request.app.state.portal


@router.get("/search", summary="Search paragraphs and entity names in every language")
def api_search(request: Request, q: str = Query(..., min_length=1, description="words; \"quoted\" for an exact phrase"),
               limit: int = Query(20, ge=1, le=200), offset: int = Query(0, ge=0),
               lang: str | None = Query(None, description="the query's language, if known")) -> dict[str, Any]:
    filters = {f: request.query_params.getlist(f) for f in FACETS if request.query_params.getlist(f)}
    result = search(_portal(request).searchable(), q, filters, limit=limit, offset=offset, lang=lang)
    return {"ok": True, **result}


@router.get("/export.json", summary="The whole knowledge base in the integraph/1 export shape")
def api_export(request: Request) -> Response:
    return Response(json.dumps(_portal(request).kb().export, ensure_ascii=False), media_type="application/json")


def _csv_value(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return "; ".join(_csv_value(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def _listing(request: Request, section: str) -> dict[str, Any]:
    items = _portal(request).kb().section(section)
    return {"ok": True, "count": len(items), section: items}


def _one(request: Request, section: str, eid: str) -> dict[str, Any]:
    p = _portal(request)
    kb = p.kb()
    entity = kb.get(section, eid)
    if entity is None:
        raise HTTPException(404, f"no {ENTITY_SECTIONS[section]} {eid}")
    store = p.store()
    out: dict[str, Any] = {"ok": True, ENTITY_SECTIONS[section]: entity, "facts": facts(store, kb, eid, members(store))}
    if section == "organisations":
        out["projects"] = [{"project": pr["id"], "role": role} for pr, role in kb.projects_of(eid)]
    elif section == "programmes":
        out["projects"] = [pr["id"] for pr in kb.projects_funded_by(eid)]
    elif section == "places":
        out["projects"] = [pr["id"] for pr in kb.projects_at(eid)]
    return out


def _csv(request: Request, section: str) -> Response:
    buf = io.StringIO()
    cols = CSV_COLUMNS[section]
    writer = csv.writer(buf)
    writer.writerow(cols)
    for e in _portal(request).kb().section(section):
        row = dict(e)
        if section == "projects":
            row["programmes"] = [f.get("programme") for f in e.get("funding", []) if f.get("programme")]
        writer.writerow([_csv_value(row.get(c)) for c in cols])
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{section}.csv"'})


# One set of routes per entity section; registered in a loop so they stay alike.
for _section in SECTIONS:
    def _make(section: str) -> None:
        noun = ENTITY_SECTIONS[section]

        @router.get(f"/{section}.csv", summary=f"All {section} as CSV", response_class=Response)
        def as_csv(request: Request) -> Response:
            return _csv(request, section)

        @router.get(f"/{section}", summary=f"All {section}")
        def listing(request: Request) -> dict[str, Any]:
            return _listing(request, section)

        @router.get(f"/{section}/{{eid:path}}", summary=f"One {noun} with its facts and their sources")
        def one(request: Request, eid: str) -> dict[str, Any]:
            return _one(request, section, eid)

        as_csv.__name__, listing.__name__, one.__name__ = f"{section}_csv", f"list_{section}", f"get_{noun}"

    _make(_section)


@router.get("/facts", summary="Statements about one entity, each with its source span and quote")
def api_facts(request: Request, entity: str = Query(..., min_length=1)) -> dict[str, Any]:
    p = _portal(request)
    kb = p.kb()
    if entity not in kb.by_id:
        raise HTTPException(404, f"no entity {entity}")
    store = p.store()
    return {"ok": True, "entity": entity, "facts": facts(store, kb, entity, members(store))}


@router.get("/documents/{doc_id}", summary="One document's metadata and cleaned text")
def api_document(request: Request, doc_id: str) -> dict[str, Any]:
    doc = _portal(request).store().document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id}")
    return {"ok": True, "document": {"id": doc.id, "source": doc.source, "media_type": doc.media_type,
                                     "language": doc.language, "title": doc.title, "date": doc.date, "text": doc.text}}


@router.get("/map", summary="The project map's layers: country shapes with project counts, and city markers (GeoJSON)")
def api_map(request: Request) -> dict[str, Any]:
    from integraph.web import maps
    from integraph.web.app import context

    return {"ok": True, **maps.geojson(context(request).fmt, _portal(request).kb())}


@router.get("/{rest:path}", include_in_schema=False)
def api_not_found(rest: str) -> None:
    raise HTTPException(404, f"no API endpoint /api/{rest}")
