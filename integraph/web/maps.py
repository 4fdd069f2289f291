"""The project map in two renderings of the same layers.

`svg` is drawn on the server and works everywhere (the no-JavaScript map);
`geojson` feeds the Leaflet enhancement (`static/map.js`): the same country
shapes, counts and city markers, with no tile layer and nothing fetched from
elsewhere.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from integraph.web import geo
from integraph.web.data import KnowledgeBase
from integraph.web.i18n import Formatter


def layers(fmt: Formatter, kb: KnowledgeBase,
           projects: list[dict[str, Any]] | None = None) -> tuple[Counter[str], list[geo.Marker], dict[str, str]]:
    """Projects per country, city markers, and country names in the interface language."""
    projects = kb.section("projects") if projects is None else projects
    counts: Counter[str] = Counter()
    per_place: Counter[str] = Counter()
    for p in projects:
        counts.update(kb.project_countries(p))
        per_place.update(pid for pid in p.get("places", []))
    markers = []
    for place in kb.cities():
        pos = ((place["lat"], place["lon"]) if place.get("lat") is not None
               else geo.city_position(place.get("name") or "", place.get("country")))
        if pos:
            markers.append(geo.Marker(pos[0], pos[1], place.get("name") or place["id"], f"/places/{place['id']}",
                                      per_place.get(place["id"], 0) or 1))
    return counts, markers, {code: fmt.country_name(code) for code in counts}


def svg(fmt: Formatter, kb: KnowledgeBase, title: str, projects: list[dict[str, Any]] | None = None) -> str:
    counts, markers, names = layers(fmt, kb, projects)
    return geo.render(dict(counts), markers, names, title)


def geojson(fmt: Formatter, kb: KnowledgeBase, projects: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """{"countries": FeatureCollection (code, name, count, href), "cities": FeatureCollection (label, count, href)}."""
    counts, markers, names = layers(fmt, kb, projects)
    countries = []
    for f in geo.country_features():
        code = f["properties"]["code"]
        n = counts.get(code, 0)
        countries.append({**f, "properties": {"code": code, "name": names.get(code) or fmt.country_name(code),
                                              "count": n, "href": f"/countries/{code}" if n else None}})
    cities = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [m.lon, m.lat]},
               "properties": {"label": m.label, "count": m.count, "href": m.href}} for m in markers]
    return {"countries": {"type": "FeatureCollection", "features": countries},
            "cities": {"type": "FeatureCollection", "features": cities}}
