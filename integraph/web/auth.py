"""Who may read and who may write: two optional bearer tokens.

* Writing (`POST /api/ingest`, `/api/merge`, `/api/split`) needs the write
  token in an `Authorization: Bearer …` header.  With no write token
  configured, writing is off (403) rather than open to anyone.  Cookies never
  authorise a write, so a page on another site cannot make a visitor's
  browser write (no CSRF surface).
* Reading is public unless a read token is configured; then every page, API
  call and asset needs the read (or write) token, as a Bearer header or, for
  browsers, `?token=…` once, which sets an HttpOnly cookie.  The cookie holds
  an HMAC of the token, never the token itself.

Tokens are compared with `hmac.compare_digest` so timing reveals nothing.
"""
from __future__ import annotations

import hashlib
import hmac
import os
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any, Callable
from urllib.parse import parse_qsl, urlencode

from fastapi import HTTPException, Request
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

READ_ENV = "INTEGRAPH_READ_TOKEN"
WRITE_ENV = "INTEGRAPH_WRITE_TOKEN"
COOKIE = "integraph_read"
COOKIE_DAYS = 30
HOW_TO_ENABLE = (f"writing is disabled on this portal: start it with `integraph serve --write-token TOKEN` "
                 f"(or set {WRITE_ENV}) and send `Authorization: Bearer TOKEN`")


@dataclass(frozen=True)
class Tokens:
    read: str | None = None
    write: str | None = None

    @classmethod
    def from_env(cls, read: str | None = None, write: str | None = None) -> "Tokens":
        """Explicit values first, then the environment; empty strings mean 'not set'."""
        return cls(read or os.environ.get(READ_ENV) or None, write or os.environ.get(WRITE_ENV) or None)


def same(given: str | None, expected: str | None) -> bool:
    """Constant-time equality; False when either side is missing."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def cookie_value(token: str) -> str:
    """What the read cookie holds: proof of the token without the token (a stolen cookie can't write)."""
    return hmac.new(token.encode("utf-8"), b"integraph read cookie", hashlib.sha256).hexdigest()


def bearer(authorization: str | None) -> str | None:
    scheme, _, value = (authorization or "").partition(" ")
    return (value.strip() or None) if scheme.lower() == "bearer" else None


def require_write(request: Request) -> None:
    """FastAPI dependency of every write endpoint: 403 when writing is off, 401 without the right token."""
    tokens: Tokens = request.app.state.tokens
    if not tokens.write:
        raise HTTPException(403, HOW_TO_ENABLE)
    given = bearer(request.headers.get("authorization"))
    if not same(given, tokens.write):
        raise HTTPException(401, "a valid write token is required: send `Authorization: Bearer TOKEN`"
                            if given is None else "the write token is not valid",
                            headers={"WWW-Authenticate": 'Bearer realm="integraph-write"'})


ErrorPage = Callable[[Request, int, str], Response]


class ReadGate:
    """ASGI middleware closing every route when a read token is set; a no-op otherwise."""

    def __init__(self, app: ASGIApp, tokens: Tokens, error: ErrorPage) -> None:
        self.app = app
        self.tokens = tokens
        self.error = error
        self._cookie = cookie_value(tokens.read) if tokens.read else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.tokens.read:
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        given = bearer(request.headers.get("authorization"))
        if any(same(given, t) for t in (self.tokens.read, self.tokens.write)):
            await self.app(scope, receive, send)
            return
        if same(request.cookies.get(COOKIE), self._cookie):
            await self.app(scope, receive, send)
            return
        query_token = request.query_params.get("token")
        if query_token is not None and same(query_token, self.tokens.read):
            await self._admit(request, scope, receive, send)
            return
        message = ("this portal is private: send `Authorization: Bearer TOKEN`, or open it once with ?token=TOKEN"
                   if given is None and query_token is None else "the read token is not valid")
        response = self.error(request, 401, message)
        response.headers["WWW-Authenticate"] = 'Bearer realm="integraph"'
        response.headers["Cache-Control"] = "no-store"
        await response(scope, receive, send)

    async def _admit(self, request: Request, scope: Scope, receive: Receive, send: Send) -> None:
        """A valid ?token=: set the cookie; pages redirect to the same URL without the token (kept out of history)."""
        secure = request.url.scheme == "https"
        if request.method in ("GET", "HEAD") and not request.url.path.startswith("/api/"):
            rest = urlencode([(k, v) for k, v in parse_qsl(request.url.query, keep_blank_values=True) if k != "token"])
            response: Response = RedirectResponse(request.url.path + ("?" + rest if rest else ""), status_code=303)
            _set_cookie(response, self._cookie or "", secure)
            await response(scope, receive, send)
            return

        async def send_with_cookie(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                jar: SimpleCookie = SimpleCookie()
                jar[COOKIE] = self._cookie or ""
                morsel = jar[COOKIE]
                morsel.update({"httponly": True, "samesite": "lax", "path": "/", "max-age": str(COOKIE_DAYS * 86400)})
                if secure:
                    morsel["secure"] = True
                message["headers"] = [*message.get("headers", []), (b"set-cookie", morsel.OutputString().encode("latin-1"))]
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def _set_cookie(response: Response, value: str, secure: bool) -> None:
    response.set_cookie(COOKIE, value, max_age=COOKIE_DAYS * 86400, httponly=True, samesite="lax", secure=secure)

