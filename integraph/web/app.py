"""The portal's application: one FastAPI app serving HTML pages and the JSON API.

`create_app(db)` wires the store, the knowledge-base cache, templates,
static files and the one error handler; the routes live in `pages.py`
and `api.py`.
"""
from __future__ import annotations

import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from integraph.errors import IntegraphError, UsageError
from integraph.search import fingerprint, index
from integraph.store import DEFAULT_DB, Store
from integraph.web import geo
from integraph.web.data import KnowledgeBase, KnowledgeBaseCache
from integraph.web.i18n import LANGUAGES, Formatter, negotiate, translations

HERE = Path(__file__).resolve().parent
VENDOR = HERE / "static" / "vendor"


class Portal:
    """Per-app state: a store per thread (SQLite connections are not shared), caches, the search index."""

    def __init__(self, db: str | Path, builder: Callable[[Store], dict[str, Any]] | None = None) -> None:
        self.db = str(db)
        self.cache = KnowledgeBaseCache(builder)
        self._local = threading.local()
        self._index_lock = threading.Lock()
        self._indexed: str | None = None

    def store(self) -> Store:
        s = getattr(self._local, "store", None)
        if s is None:
            s = self._local.store = Store(self.db)
        return s

    def kb(self) -> KnowledgeBase:
        return self.cache.get(self.store())

    def searchable(self) -> Store:
        """The store, with its search index brought up to date if the knowledge base changed."""
        store = self.store()
        key = fingerprint(store)
        if key != self._indexed:
            with self._index_lock:
                if key != self._indexed:
                    index(store, export=self.kb().export)
                    self._indexed = fingerprint(store)
        return store


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


def _install_assets() -> bool:
    """Copy the npm-installed country shapes into static/vendor (git-ignored); False when absent."""
    target = VENDOR / "countries-50m.json"
    if target.exists():
        return True
    source = HERE.parent.parent / "node_modules" / "world-atlas" / "countries-50m.json"
    if not source.exists():
        return False
    VENDOR.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return True


def create_app(db: str | Path = DEFAULT_DB, builder: Callable[[Store], dict[str, Any]] | None = None) -> FastAPI:
    """The portal over the knowledge base at `db`; `builder` replaces `integraph.export.build` (tests)."""
    app = FastAPI(title="Integraph", description="Search and browse the migrant-integration knowledge base.",
                  version="1", openapi_url="/api/openapi.json", docs_url="/api/docs", redoc_url=None)
    app.state.portal = Portal(db, builder)
    app.state.assets = _install_assets() and geo.shapes_path() is not None
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
        return error(request, exc.status_code, str(exc.detail))

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

    from integraph.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    return app
