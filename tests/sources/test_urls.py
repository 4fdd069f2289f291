"""fetch against a real local HTTP server: body, media type, robots.txt, limits, errors."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from integraph.errors import FetchError
from integraph.sources import fetch, read_url_list
from integraph.sources.urls import USER_AGENT

PAGES = {
    "/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private/\n"),
    "/page.html": (200, "text/html; charset=utf-8", "<html><body><p>Zażółć</p></body></html>".encode()),
    "/big.bin": (200, "application/octet-stream", b"x" * 50_000),
    "/private/x.html": (200, "text/html", b"<p>secret</p>"),
}
SEEN_AGENTS: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        status, media_type, body = PAGES.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_returns_body_and_media_type(server):
    body, media_type = fetch(server + "/page.html")
    assert body == PAGES["/page.html"][2] and media_type == "text/html"
    assert SEEN_AGENTS and all(a == USER_AGENT for a in SEEN_AGENTS)


def test_robots_txt_is_respected(server):
    with pytest.raises(FetchError, match="robots.txt"):
        fetch(server + "/private/x.html")


def test_size_limit(server):
    with pytest.raises(FetchError, match="limit"):
        fetch(server + "/big.bin", max_bytes=10_000)


def test_http_errors_have_a_reason(server):
    with pytest.raises(FetchError, match="404"):
        fetch(server + "/missing")


def test_unreachable_and_bad_urls():
    with pytest.raises(FetchError):
        fetch("http://127.0.0.1:9/x", timeout=2)
    with pytest.raises(FetchError, match="not an http"):
        fetch("ftp://example.org/file")


def test_read_url_list(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_text("# sources\nhttps://example.org/a\n\n  https://example.org/b#part  \n# end\n", encoding="utf-8")
    assert read_url_list(path) == ["https://example.org/a", "https://example.org/b#part"]
