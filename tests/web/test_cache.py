"""Answers cached per knowledge-base version: ETag/304, gzip, Cache-Control, invalidation on change."""
from __future__ import annotations


from fastapi.testclient import TestClient

from integraph.model import Document, Span, Statement, content_id
from integraph.store import Store
from integraph.web.app import create_app


def test_etag_and_304(client):
    first = client.get("/projects")
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "public, no-cache"
    again = client.get("/projects", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert client.get("/projects", headers={"If-None-Match": '"other"'}).status_code == 200


def test_gzip_when_asked(client):
    plain = client.get("/api/export.json", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    packed = client.get("/api/export.json", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip" and "Accept-Encoding" in packed.headers["vary"]
    assert packed.json() == plain.json()  # httpx decodes; the raw body is smaller
    assert int(packed.headers["content-length"]) < len(plain.content)


def test_static_assets_get_a_max_age(client):
    r = client.get("/static/style.css")
    assert r.status_code == 200 and "max-age=" in r.headers["cache-control"] and r.headers["etag"]


def test_languages_are_cached_apart(client):
    en = client.get("/projects", headers={"Accept-Language": "en"}).text
    bg = client.get("/projects", headers={"Accept-Language": "bg"}).text
    assert '<html lang="en"' in en and '<html lang="bg"' in bg
    assert "Accept-Language" in client.get("/projects").headers["vary"]


def test_errors_and_cookies_are_not_cached(client):
    assert "etag" not in client.get("/projects/NOPE").headers
    assert "etag" not in client.get("/projects", params={"lang": "pl"}).headers  # sets the lang cookie


def test_a_new_document_is_seen_at_once(fresh_kb):
    with TestClient(create_app(fresh_kb)) as c:
        before = c.get("/api/export.json").json()
        etag = c.get("/").headers["etag"]
        text = "Riga Welcome Centre\n\nA second page about the Welcome Riga project."
        raw = text.encode()
        doc = Document(id=content_id(raw), source="tests/second.txt", media_type="text/plain", text=text, original=raw,
                       title="Second", date="2023", language="en", paragraphs=[(0, 19), (21, len(text))])
        with Store(fresh_kb) as writer:  # another connection, as another process would
            writer.save_document(doc, [Statement("P9", "Project", "title", "Second page", Span(doc.id, 0, 19),
                                                 confidence=0.9, extractor="test")])
        after = c.get("/api/export.json").json()
        assert len(after["documents"]) == len(before["documents"]) + 1
        assert c.get("/", headers={"If-None-Match": etag}).status_code == 200
        assert c.get("/api/search", params={"q": "second page"}).json()["total"] >= 1
