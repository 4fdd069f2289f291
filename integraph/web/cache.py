"""Whole GET responses cached per knowledge-base version, served with ETag, gzip and Cache-Control.

Every page and API answer is a function of the knowledge base, the URL and
the interface language, so between two ingests the portal need not render a
page twice: the first answer is kept (LRU, bounded in entries and bytes) under
(version, path, query, language) and replayed.  A new version empties the
cache.  Answers that set a cookie, are not 200, or are large (originals,
exports) stream through untouched.

Browsers get an ETag and `Cache-Control: no-cache` (revalidate, 304 when
unchanged) for pages, a max-age for static assets, and gzip when they ask.
"""
from __future__ import annotations

import gzip
import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_ENTRIES = 2000
MAX_BYTES = 64 * 1024 * 1024
MAX_ENTRY_BYTES = 4 * 1024 * 1024  # larger answers (an original PDF, the full export of a big KB) stream through
GZIP_MIN_BYTES = 1024
STATIC_MAX_AGE = 3600
COMPRESSIBLE = (b"text/", b"application/json", b"application/javascript", b"image/svg+xml", b"application/geo+json")
_DROPPED = {b"content-length", b"etag", b"cache-control", b"content-encoding", b"vary", b"last-modified"}


@dataclass
class Entry:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes
    compressible: bool
    gz: bytes | None = None

    def size(self) -> int:
        return len(self.body) + len(self.gz or b"")


class ResponseCache:
    """ASGI middleware; `version()` names the knowledge base's state, `language(scope)` the reader's language."""

    def __init__(self, app: ASGIApp, version: Callable[[], str], language: Callable[[Scope], str],
                 private: bool = False, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.app = app
        self.version = version
        self.language = language
        self.private = private
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[tuple[str, ...], Entry] = OrderedDict()
        self._bytes = 0
        self._version: str | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        static = path.startswith("/static/")
        key = self._key(scope, path, static)
        entry = self._entries.get(key)
        if entry is None:
            entry = await self._render(scope, receive, send)
            if entry is None:  # streamed through
                return
            self._keep(key, entry)
        else:
            self._entries.move_to_end(key)
        await self._reply(scope, entry, static, send)

    # -- keys and storage ----------------------------------------------------
    def _key(self, scope: Scope, path: str, static: bool) -> tuple[str, ...]:
        query = scope.get("query_string", b"").decode("latin-1")
        if static:  # files on disk: the knowledge base does not change them
            return ("static", path, query)
        version = self.version()
        if version != self._version:  # the knowledge base changed: nothing kept is valid any more
            self._drop_pages()
            self._version = version
        return (version, path, query, self.language(scope))  # the API names countries in it too

    def _drop_pages(self) -> None:
        for key in [k for k in self._entries if k[0] != "static"]:
            self._bytes -= self._entries.pop(key).size()

    def _keep(self, key: tuple[str, ...], entry: Entry) -> None:
        self._entries[key] = entry
        self._bytes += entry.size()
        while self._entries and (len(self._entries) > self.max_entries or self._bytes > self.max_bytes):
            _, old = self._entries.popitem(last=False)
            self._bytes -= old.size()

    # -- rendering -------------------------------------------------------------
    async def _render(self, scope: Scope, receive: Receive, send: Send) -> Entry | None:
        """Run the app; a cacheable answer is returned whole, anything else is passed on as it comes."""
        start: Message | None = None
        chunks: list[bytes] = []
        streaming = False

        async def capture(message: Message) -> None:
            nonlocal start, streaming
            if streaming:
                await send(message)
            elif message["type"] == "http.response.start":
                start = message
                if not _cacheable(message):
                    streaming = True
                    await send(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if sum(len(c) for c in chunks) > MAX_ENTRY_BYTES:
                    streaming = True
                    await send(start)  # type: ignore[arg-type]
                    await send({"type": "http.response.body", "body": b"".join(chunks),
                                "more_body": message.get("more_body", False)})

        await self.app(scope, receive, capture)
        if streaming or start is None:
            return None
        body = b"".join(chunks)
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in _DROPPED]
        ctype = Headers(raw=headers).get("content-type", "").encode("latin-1")
        return Entry(start["status"], headers, body, b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode()
                     + b'"', ctype.startswith(COMPRESSIBLE) and len(body) >= GZIP_MIN_BYTES)

    async def _reply(self, scope: Scope, entry: Entry, static: bool, send: Send) -> None:
        request = Headers(scope=scope)
        policy = f"max-age={STATIC_MAX_AGE}" if static else "no-cache"
        headers = [*entry.headers, (b"etag", entry.etag),
                   (b"cache-control", f"{'private' if self.private else 'public'}, {policy}".encode())]
        vary = [b"Accept-Encoding"] if entry.compressible else []
        if not static:
            vary += [b"Accept-Language", b"Cookie"]
        if vary:
            headers.append((b"vary", b", ".join(vary)))
        if _matches(request.get("if-none-match"), entry.etag):
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        body = entry.body
        if entry.compressible and "gzip" in request.get("accept-encoding", ""):
            if entry.gz is None:
                entry.gz = gzip.compress(entry.body, compresslevel=6, mtime=0)
                self._bytes += len(entry.gz)
            body = entry.gz
            headers.append((b"content-encoding", b"gzip"))
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": entry.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _cacheable(start: Message) -> bool:
    if start["status"] != 200:
        return False
    for k, v in start.get("headers", []):
        name = k.lower()
        if name == b"set-cookie":
            return False
        if name == b"content-length" and int(v) > MAX_ENTRY_BYTES:
            return False
    return True


def _matches(if_none_match: str | None, etag: bytes) -> bool:
    if not if_none_match:
        return False
    tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
    return "*" in tags or etag.decode() in tags

