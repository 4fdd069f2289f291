"""`integraph serve`: the portal and JSON API on one port."""
from __future__ import annotations

import os

import click

from integraph.store import DEFAULT_DB
from integraph.web.auth import READ_ENV, WRITE_ENV


def default_workers() -> int:
    """One process per core, at most 4: answers are cached per process, so more mostly costs memory."""
    return max(1, min(4, os.cpu_count() or 1))


@click.command("serve")
@click.option("--db", "db", type=str, default=str(DEFAULT_DB), show_default=True,
              help="The knowledge base (SQLite file or postgresql:// URL).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Server processes [default: one per core, at most 4].")
@click.option("--write-token", envvar=WRITE_ENV, default=None, metavar="TOKEN",
              help=f"Enable POST /api/ingest, /api/merge, /api/split for clients sending "
                   f"'Authorization: Bearer TOKEN' (or set {WRITE_ENV}). Without it, writing is off.")
@click.option("--read-token", envvar=READ_ENV, default=None, metavar="TOKEN",
              help=f"Make the whole portal private: pages and API need this token (or the write token) "
                   f"(or set {READ_ENV}). Without it, reading is public.")
def serve_cmd(db: str, host: str, port: int, workers: int | None, write_token: str | None,
              read_token: str | None) -> None:
    """Serve the portal (HTML pages, search, map) and the JSON API under /api/.

    Reading is public and writing is off unless tokens are given.  Prefer the
    environment variables to the options: a command line is visible to every
    user of the machine.  Put the portal behind HTTPS before using tokens
    over a network.

    \b
    Examples:
      integraph serve --db kb.sqlite
      INTEGRAPH_WRITE_TOKEN=$(openssl rand -hex 24) integraph serve --host 0.0.0.0
      curl -H "Authorization: Bearer $INTEGRAPH_WRITE_TOKEN" \\
           -F file=@report.pdf -F file=@page.html http://127.0.0.1:8000/api/ingest
      curl -H "Authorization: Bearer $INTEGRAPH_WRITE_TOKEN" -H "Content-Type: application/json" \\
           -d '{"a": "org:…", "b": "Other name", "note": "same NGO"}' http://127.0.0.1:8000/api/merge
      INTEGRAPH_READ_TOKEN=… integraph serve   # then open http://127.0.0.1:8000/?token=… once
    """
    import uvicorn

    n = workers or default_workers()
    click.echo(f"Integraph portal on http://{host}:{port}/  (API: http://{host}:{port}/api/docs; {n} "
               f"process{'es' if n > 1 else ''}; reading {'private' if read_token else 'public'}; "
               f"writing {'on' if write_token else 'off'})")
    if n == 1:
        from integraph.web.app import create_app
        from integraph.web.auth import Tokens

        uvicorn.run(create_app(db, tokens=Tokens(read_token, write_token)), host=host, port=port,
                    log_level="warning")
        return
    # Worker processes build their own app from the environment (uvicorn imports it by name).
    os.environ["INTEGRAPH_DB"] = db
    for name, value in ((READ_ENV, read_token), (WRITE_ENV, write_token)):
        if value:
            os.environ[name] = value
        else:
            os.environ.pop(name, None)
    uvicorn.run("integraph.web.app:app_from_env", factory=True, host=host, port=port, workers=n,
                log_level="warning")
