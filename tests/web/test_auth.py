"""A read token closes every page, API call and asset; Bearer header or ?token= once (then a cookie)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from integraph.web.app import create_app
from integraph.web.auth import COOKIE, Tokens, bearer, cookie_value, same
from integraph.web.commands import serve_cmd

READ = "r-" + "open-sesame" * 3
WRITE = "w-" + "scribe" * 5


@pytest.fixture(scope="module")
def private(kb_db):
    with TestClient(create_app(kb_db[0], tokens=Tokens(read=READ, write=WRITE)), follow_redirects=False) as c:
        yield c


def test_everything_is_closed_without_the_token(private):
    for url in ("/", "/projects/P1", "/search?q=AMIF", "/static/style.css", "/api/projects", "/api/export.json",
                "/api/openapi.json", "/api/search?q=AMIF"):
        r = private.get(url)
        assert r.status_code == 401, url
        assert r.headers["www-authenticate"].startswith("Bearer")
        assert r.headers["cache-control"] == "no-store"
        if url.startswith("/api/"):
            body = r.json()
            assert body == {"ok": False, "error": body["error"], "status": 401} and "token" in body["error"]
        else:
            assert "?token=" in r.text
    assert private.get("/api/projects", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert private.get("/", params={"token": "wrong"}).status_code == 401
    assert private.get("/", cookies={COOKIE: READ}).status_code == 401  # the cookie never holds the token itself


def test_bearer_read_or_write_token_reads(private):
    for token in (READ, WRITE):
        r = private.get("/api/projects", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 200 and r.json()["count"] == 2
    r = private.get("/", headers={"Authorization": f"Bearer {READ}"})
    assert r.status_code == 200 and "private" in r.headers["cache-control"]


def test_query_token_once_sets_an_httponly_cookie(kb_db):
    with TestClient(create_app(kb_db[0], tokens=Tokens(read=READ)), follow_redirects=False) as c:
        r = c.get("/projects", params={"token": READ, "lang": "pl"})
        assert r.status_code == 303
        assert r.headers["location"] == "/projects?lang=pl"  # the token leaves the address bar
        set_cookie = r.headers["set-cookie"]
        assert f"{COOKIE}={cookie_value(READ)}" in set_cookie and "HttpOnly" in set_cookie and READ not in set_cookie
        assert c.get("/projects?lang=pl").status_code == 200  # the client kept the cookie
        assert c.get("/static/style.css").status_code == 200
        c.cookies.clear()
        api = c.get("/api/projects", params={"token": READ})
        assert api.status_code == 200 and "httponly" in api.headers["set-cookie"].lower()
        assert c.get("/api/places").status_code == 200


def test_the_read_token_does_not_write(private):
    r = private.post("/api/merge", json={"a": "O1", "b": "O3"}, headers={"Authorization": f"Bearer {READ}"})
    assert r.status_code == 401


def test_public_by_default(client):
    assert client.get("/api/projects").status_code == 200
    assert "public" in client.get("/").headers["cache-control"]


def test_helpers():
    assert bearer("Bearer abc") == "abc" and bearer("bearer  abc ") == "abc"
    assert bearer("Basic abc") is None and bearer(None) is None and bearer("Bearer ") is None
    assert same("x", "x") and not same("x", "y") and not same(None, "x") and not same("", "")
    assert cookie_value("a") != cookie_value("b") and "a" not in cookie_value("a")[:0]


def test_serve_help_documents_tokens_and_workers():
    out = CliRunner().invoke(serve_cmd, ["--help"]).output
    for needle in ("--write-token", "--read-token", "--workers", "INTEGRAPH_WRITE_TOKEN", "INTEGRAPH_READ_TOKEN",
                   "Authorization: Bearer", "/api/ingest", "?token="):
        assert needle in out, needle
