"""Write actions behind the write token: upload + ingest, merge, split; against real temp stores."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from integraph.web.app import create_app
from integraph.web.auth import Tokens
from integraph.web.write import safe_name

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "corpus" / "en-lihn-project-summary.md"
TOKEN = "w-" + "s3cret" * 4
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def uploads(tmp_path: Path) -> Path:
    folder = tmp_path / "spool" / "inner"
    folder.mkdir(parents=True)
    return folder


@pytest.fixture()
def writer(fresh_kb: Path, uploads: Path):
    with TestClient(create_app(fresh_kb, tokens=Tokens(write=TOKEN), upload_dir=uploads)) as c:
        yield c


def _new_word(client: TestClient, path: Path) -> str:
    """A word of the example's first heading that the knowledge base does not know yet."""
    heading = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#"))
    return next(w for w in sorted(re.findall(r"\w{4,}", heading), key=len, reverse=True)
                if client.get("/api/search", params={"q": w}).json()["total"] == 0)


def _error(r) -> str:
    body = r.json()
    assert body == {"ok": False, "error": body["error"], "status": r.status_code}
    return body["error"]


def test_writing_is_off_without_a_write_token(fresh_kb):
    with TestClient(create_app(fresh_kb)) as c:
        for url, kwargs in (("/api/ingest", {"files": {"file": ("a.txt", b"x")}}),
                            ("/api/merge", {"json": {"a": "O1", "b": "O3"}}),
                            ("/api/split", {"json": {"a": "O1", "b": "O3"}})):
            r = c.post(url, headers=AUTH, **kwargs)
            assert r.status_code == 403
            assert "--write-token" in _error(r) and "INTEGRAPH_WRITE_TOKEN" in _error(r)


def test_missing_or_wrong_write_token_is_401(writer):
    for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": f"Basic {TOKEN}"},
                    {"Authorization": f"Bearer {TOKEN}x"}):
        r = writer.post("/api/merge", json={"a": "O1", "b": "O3"}, headers=headers)
        assert r.status_code == 401, headers
        assert r.headers["www-authenticate"].startswith("Bearer")
        assert _error(r)
    assert writer.get("/api/organisations").json()["count"] == 4  # nothing was merged


def test_upload_is_ingested_and_then_found_by_search(writer, uploads):
    word = _new_word(writer, EXAMPLE)
    r = writer.post("/api/ingest", headers=AUTH, files=[("file", (EXAMPLE.name, EXAMPLE.read_bytes(), "text/markdown"))])
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["ok"] is True and report["new"] == 1 and report["failed"] == 0
    assert report["by_language"] == {"en": 1}
    hits = writer.get("/api/search", params={"q": word}).json()
    assert hits["total"] >= 1
    doc = writer.get(f"/api/documents/{hits['hits'][0]['document']}").json()["document"]
    assert doc["source"] == f"upload:{EXAMPLE.name}"
    assert list(uploads.iterdir()) == []  # the spooled copy is gone
    again = writer.post("/api/ingest", headers=AUTH, files={"f": (EXAMPLE.name, EXAMPLE.read_bytes())}).json()
    assert again["new"] == 0 and again["unchanged"] == 1


def test_several_files_and_a_failure_in_one_upload(writer):
    files = [("a", ("one.md", EXAMPLE.read_bytes())), ("b", ("two.txt", b"\x00\x01\x02" * 10))]
    report = writer.post("/api/ingest", headers=AUTH, files=files, params={"resolve": "false"}).json()
    assert report["new"] == 1 and report["failed"] == 1
    assert report["failures"][0]["source"] == "upload:two.txt" and report["failures"][0]["reason"]


def test_upload_over_the_size_limit_is_413(fresh_kb, uploads):
    app = create_app(fresh_kb, tokens=Tokens(write=TOKEN), max_upload_bytes=1000, upload_dir=uploads)
    with TestClient(app) as c:
        r = c.post("/api/ingest", headers=AUTH, files={"file": ("big.txt", b"word " * 300)})
        assert r.status_code == 413 and "limit" in _error(r)
        r = c.post("/api/ingest", headers=AUTH, files={"file": ("huge.txt", b"word " * 2000)})
        assert r.status_code == 413  # over the whole request's allowance too
        assert c.get("/api/export.json").json()["documents"] and list(uploads.iterdir()) == []
        ok = c.post("/api/ingest", headers=AUTH, files={"file": ("small.txt", b"A short note about language courses.")})
        assert ok.status_code == 200


def test_path_traversal_filename_stays_in_the_temp_dir(writer, uploads, tmp_path):
    before = {p for p in tmp_path.rglob("*")}
    r = writer.post("/api/ingest", headers=AUTH, params={"resolve": "false"},
                    files={"file": ("../../x.md", EXAMPLE.read_bytes())})
    assert r.status_code == 200 and r.json()["new"] == 1
    after = {p for p in tmp_path.rglob("*")}
    assert not [p for p in after - before if p.name.startswith("x")]  # nothing landed beside or above the spool
    assert not (uploads.parent / "x.md").exists() and not (uploads.parent.parent / "x.md").exists()
    sources = [d["source"] for d in writer.get("/api/export.json").json()["documents"]]
    assert "upload:x.md" in sources


def test_bad_upload_requests(writer):
    assert writer.post("/api/ingest", headers=AUTH, json={"a": 1}).status_code == 415
    r = writer.post("/api/ingest", headers=AUTH, data={"note": "no file"}, files={})
    assert r.status_code in (400, 415) and _error(r)


@pytest.mark.parametrize("filename,expected", [("../../x.pdf", "x.pdf"), ("..\\..\\evil.docx", "evil.docx"),
                                               ("/etc/passwd", "passwd"), ("..", "upload"), ("", "upload"),
                                               ("a b?*<>.txt", "a b_.txt"), ("Zpráva 2025.pdf", "Zpráva 2025.pdf")])
def test_safe_name(filename, expected):
    assert safe_name(filename, set()) == expected


def test_safe_name_is_unique_and_plain():
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.text(max_size=40), min_size=1, max_size=6))
    def check(names):
        taken: set[str] = set()
        out = [safe_name(n, taken) for n in names]
        assert len({o.casefold() for o in out}) == len(out)
        for o in out:
            assert "/" not in o and "\\" not in o and o not in (".", "..") and o and not o.startswith(".")

    check()


def test_merge_then_split_change_what_readers_see(writer):
    assert writer.get("/api/organisations").json()["count"] == 4
    r = writer.post("/api/merge", headers=AUTH, json={"a": "O1", "b": "O3", "note": "same NGO"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ok"] is True and body["members"] == 2 and body["merged"] == ["O1", "O3"]
    assert writer.get("/api/organisations").json()["count"] == 3  # the cached listing was refreshed
    r = writer.post("/api/split", headers=AUTH, json={"a": "O1", "b": "O3"})
    assert r.status_code == 200, r.text
    left, right = r.json()["canonical"]
    assert left != right
    assert writer.get("/api/organisations").json()["count"] == 4


def test_merge_errors(writer):
    r = writer.post("/api/merge", headers=AUTH, json={"a": "O1", "b": "P1"})
    assert r.status_code == 400 and "cannot merge" in _error(r)
    r = writer.post("/api/merge", headers=AUTH, json={"a": "O1", "b": "no such thing at all"})
    assert r.status_code == 400 and _error(r)
    r = writer.post("/api/merge", headers=AUTH, json={"a": "O1"})
    assert r.status_code == 422 and _error(r)


def test_write_endpoints_are_documented(writer):
    spec = writer.get("/api/openapi.json").json()
    for path in ("/api/ingest", "/api/merge", "/api/split"):
        assert "post" in spec["paths"][path]
