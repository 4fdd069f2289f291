from __future__ import annotations

import csv
import io


def test_search_api_returns_hits_with_offsets(client, doc_ids):
    r = client.get("/api/search", params={"q": "e-services"})
    assert r.status_code == 200
    body = r.json()
    assert body["ok"] is True and body["total"] >= 1
    hit = body["hits"][0]
    assert hit["document"] == doc_ids["bg2023"]
    assert hit["highlights"] and hit["match"]


def test_search_api_filters(client):
    body = client.get("/api/search", params=[("q", "AMIF"), ("city", "Riga")]).json()
    assert body["total"] >= 1
    assert all(h["title"] == "Riga Welcome Centre" for h in body["hits"])


def test_entities_and_facts_with_sources(client, doc_ids):
    listing = client.get("/api/projects").json()
    assert listing["count"] == 2
    p1 = client.get("/api/projects/P1").json()
    assert p1["project"]["status"] == "completed"
    assert [h["status"] for h in p1["project"]["status_history"]] == ["ongoing", "completed"]
    status_facts = [f for f in p1["facts"] if f["prop"] == "status"]
    assert {f["source"]["document"] for f in status_facts} == {doc_ids["bg2023"], doc_ids["bg2024"]}
    for f in status_facts:
        assert f["quote"]
    org = client.get("/api/organisations/O1").json()
    assert org["projects"] == [{"project": "P1", "role": "lead"}]
    prog = client.get("/api/programmes/PR1").json()
    assert sorted(prog["projects"]) == ["P1", "P2"]
    assert client.get("/api/facts", params={"entity": "O3"}).json()["facts"]


def test_export_and_csv(client):
    export = client.get("/api/export.json").json()
    assert export["schema"] == "integraph/1"
    assert {p["id"] for p in export["projects"]} == {"P1", "P2"}
    r = client.get("/api/projects.csv")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["id"] for row in rows} == {"P1", "P2"}
    assert next(row for row in rows if row["id"] == "P2")["programmes"] == "PR1"


def test_one_error_shape(client):
    for url in ("/api/projects/NOPE", "/api/nothing-here", "/api/search", "/api/search?q=x&limit=0",
                "/api/documents/missing"):
        r = client.get(url)
        body = r.json()
        assert r.status_code in (404, 422)
        assert body == {"ok": False, "error": body["error"], "status": r.status_code}
        assert body["error"]


def test_openapi_lists_the_api(client):
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/search", "/api/projects", "/api/projects/{eid}", "/api/export.json", "/api/projects.csv"):
        assert path in spec["paths"], path


def test_map_layers_in_the_interface_language(client):
    body = client.get("/api/map", params={"lang": "bg"}).json()
    countries = {f["properties"]["code"]: f for f in body["countries"]["features"]}
    assert len(countries) > 30 and countries["BG"]["geometry"]["type"] == "MultiPolygon"
    assert countries["BG"]["properties"]["count"] >= 1 and countries["BG"]["properties"]["href"] == "/countries/BG"
    assert countries["BG"]["properties"]["name"] == "България"
    assert countries["FR"]["properties"]["href"] is None
    cities = {f["properties"]["label"]: f for f in body["cities"]["features"]}
    lon, lat = cities["Riga"]["geometry"]["coordinates"]
    assert 20 < lon < 30 and 55 < lat < 60
