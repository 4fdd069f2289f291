"""`integraph serve`: the portal and JSON API on one port."""
from __future__ import annotations


import click

from integraph.store import DEFAULT_DB


@click.command("serve")
@click.option("--db", "db", type=str, default=str(DEFAULT_DB), show_default=True,
              help="The knowledge base (SQLite file or postgresql:// URL).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
def serve_cmd(db: str, host: str, port: int) -> None:
    """Serve the portal (HTML pages, search, map) and the JSON API under /api/."""
    import uvicorn

    from integraph.web.app import create_app

    click.echo(f"Integraph portal on http://{host}:{port}/  (API: http://{host}:{port}/api/docs)")
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
