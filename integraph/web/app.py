"""The portal's application: one FastAPI app serving HTML pages and the JSON API.

`create_app(db)` wires the store, the knowledge-base cache, templates,
static files and the one error handler; the routes live in `pages.py`
and `api.py`.
"""
from __future__ import annotations

import os
import shutil
import threading
import time
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, AsyncIterator, Callable
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from integraph.convert.limits import MAX_BYTES
from integraph.errors import IntegraphError, UsageError
from integraph.search import fingerprint, index
from integraph.store import DEFAULT_DB, Store
from integraph.web import geo
from integraph.web.auth import ReadGate, Tokens
from integraph.web.cache import ResponseCache
from integraph.web.data import KnowledgeBase, KnowledgeBaseCache
from integraph.web.i18n import LANGUAGES, Formatter, negotiate, translations

HERE = Path(__file__).resolve().parent
VENDOR = HERE / "static" / "vendor"
VERSION_SECONDS = 1.0  # servers without a cheap change counter (PostgreSQL) are asked this often


class Portal:
    """Per-app state: a store per thread (SQLite connections are not shared), caches, the search index."""

    def __init__(self, db: str | Path, builder: Callable[[Store], dict[str, Any]] | None = None) -> None:
        self.db = str(db)
        self.cache = KnowledgeBaseCache(builder)
        self.write_lock = threading.Lock()  # one write action at a time in this process
        self._local = threading.local()
        self._index_lock = threading.Lock()
        self._indexed: str | None = None
        self._generation = 0  # bumped by our own writes

    def store(self) -> Store:
        s = getattr(self._local, "store", None)
        if s is None:
            s = self._local.store = Store(self.db)
        return s

    def version(self) -> str:
        """The knowledge base's fingerprint, recomputed only when something may have changed.

        The fingerprint counts rows of the largest tables, too slow to run per
        request; SQLite's `data_version` (per connection, bumped by every other
        connection's commit, from any process) says when it is worth running.
        Elsewhere the fingerprint is re-read at most every VERSION_SECONDS.
        """
        store, local = self.store(), self._local
        if store.db.dialect.name == "sqlite":
            probe: Any = store.db.query("PRAGMA data_version")[0]["data_version"]
        else:
            probe = int(time.monotonic() / VERSION_SECONDS)
        probe = (probe, self._generation)
        if getattr(local, "probe", None) != probe:
            local.fingerprint = f"{fingerprint(store)}|{_curation(store)}"
            local.probe = probe
        return str(local.fingerprint)

    def changed(self) -> None:
        """Our own write committed: every thread re-reads the fingerprint."""
        self._generation += 1

    def kb(self) -> KnowledgeBase:
        return self.cache.get(self.store(), self.version())

    def searchable(self) -> Store:
        """The store, with its search index brought up to date if the knowledge base changed."""
        store = self.store()
        key = self.version()
        if key != self._indexed:
            with self._index_lock:
                if key != self._indexed:
                    index(store, export=self.kb().export)
                    self._indexed = key
        return store


def _curation(store: Store) -> str:
    """What `fingerprint` misses: a split swaps a judgement and regroups without changing any row count."""
    groups = store.db.query("SELECT COUNT(DISTINCT canonical) AS n FROM canonical")[0]["n"]
    latest = store.db.query("SELECT MAX(at) AS at FROM judgements")[0]["at"]
    return f"{groups}:{latest}"


@dataclass
class Context:
    """What every page needs to speak the reader's language."""

    request: Request
    lang: str

    def __post_init__(self) -> None:
        self.t = translations(self.lang)
        self.fmt = Formatter(self.lang)

    def gettext(self, message: str, **params: Any) -> str:
        text = self.t.gettext(message)
        return text.format(**params) if params else text

    def url_with(self, **changes: Any) -> str:
        """This page's URL with some query parameters changed (None removes one)."""
        params = dict(self.request.query_params)
        for k, v in changes.items():
            if v is None:
                params.pop(k, None)
            else:
                params[k] = str(v)
        query = urlencode(params)
        return self.request.url.path + ("?" + query if query else "")


def context(request: Request) -> Context:
    return Context(request, negotiate(request.query_params.get("lang"), request.cookies.get("lang"),
                                      request.headers.get("accept-language")))


NODE_MODULES = HERE.parent.parent / "node_modules"


def _install_assets() -> bool:
    """Copy the npm-installed country shapes into static/vendor (git-ignored); False when absent."""
    target = VENDOR / "countries-50m.json"
    if target.exists():
        return True
    source = NODE_MODULES / "world-atlas" / "countries-50m.json"
    if not source.exists():
        return False
    VENDOR.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return True


def _install_leaflet() -> bool:
    """Copy Leaflet's built files (npm package `leaflet`) into static/vendor/leaflet; False when absent."""
    target = VENDOR / "leaflet"
    if (target / "leaflet.js").exists():
        return True
    source = NODE_MODULES / "leaflet" / "dist"
    if not (source / "leaflet.js").exists():
        return False
    target.mkdir(parents=True, exist_ok=True)
    for name in ("leaflet.js", "leaflet.css"):
        shutil.copyfile(source / name, target / name)
    shutil.copytree(source / "images", target / "images", dirs_exist_ok=True)
    return True


def create_app(db: str | Path = DEFAULT_DB, builder: Callable[[Store], dict[str, Any]] | None = None, *,
               tokens: Tokens | None = None, max_upload_bytes: int = MAX_BYTES,
               upload_dir: str | Path | None = None) -> FastAPI:
    """The portal over the knowledge base at `db`.

    `builder` replaces `integraph.export.build` (tests); `tokens` close reading
    and open writing (`auth.py`; default: none, so reading is public and
    writing off); uploads are refused above `max_upload_bytes` per file (the
    converters' limit) and spooled under `upload_dir` (default: the system temp dir).
    """
    portal = Portal(db, builder)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Open the event loop's own store now: opening one writes a row, which could wait on an ingest's lock
        # if it first happened mid-request (the cache asks for the version on the loop, before any thread).
        portal.version()
        yield

    app = FastAPI(title="Integraph", lifespan=lifespan, description="Search and browse the migrant-integration knowledge base. "
                  "Write endpoints need `Authorization: Bearer TOKEN` (see `integraph serve --help`).",
                  version="1", openapi_url="/api/openapi.json", docs_url="/api/docs", redoc_url=None)
    app.state.portal = portal
    app.state.tokens = tokens = tokens or Tokens()
    app.state.max_upload_bytes = max_upload_bytes
    app.state.upload_dir = str(upload_dir) if upload_dir else None
    app.state.assets = _install_assets() and geo.shapes_path() is not None
    app.state.leaflet = app.state.assets and _install_leaflet()  # the enhanced map needs shapes and Leaflet
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(LANGUAGES=LANGUAGES)
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def error(request: Request, status: int, message: str) -> Response:
        # The one error path: JSON under /api/, a page everywhere else.
        if request.url.path.startswith("/api/"):
            return JSONResponse({"ok": False, "error": message, "status": status}, status_code=status)
        ctx = context(request)
        return templates.TemplateResponse(request, "error.html", {"ctx": ctx, "_": ctx.gettext, "status": status,
                                                                  "message": message}, status_code=status)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        response = error(request, exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})  # e.g. WWW-Authenticate on a 401
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', []))}: {e.get('msg')}" for e in exc.errors())
        return error(request, 422, problems or "invalid request")

    @app.exception_handler(UsageError)
    async def usage_error(request: Request, exc: UsageError) -> Response:
        return error(request, 400, str(exc))

    @app.exception_handler(IntegraphError)
    async def integraph_error(request: Request, exc: IntegraphError) -> Response:
        return error(request, 500, exc.reason)

    from integraph.web import api, pages, write

    app.include_router(write.router)
    app.include_router(api.router)
    app.include_router(pages.router)
    # Outermost first in the request's path: the gate, then the cache (so it only ever serves admitted readers).
    app.add_middleware(ResponseCache, version=portal.version, language=_language, private=bool(tokens.read))
    app.add_middleware(ReadGate, tokens=tokens, error=error)
    return app


def _language(scope: Any) -> str:
    request = Request(scope)
    return negotiate(request.query_params.get("lang"), request.cookies.get("lang"), request.headers.get("accept-language"))


def app_from_env() -> FastAPI:
    """The app for `uvicorn --factory` (several worker processes): settings from the environment `serve` sets."""
    return create_app(os.environ.get("INTEGRAPH_DB", str(DEFAULT_DB)), tokens=Tokens.from_env())
