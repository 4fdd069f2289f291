"""CLI commands of the storage layer: `integraph migrate` (registered on the group in `integraph.cli`)."""
from __future__ import annotations

import json
import sys

import click


@click.command("migrate")
@click.argument("src")
@click.argument("dst")
@click.option("--batch", default=500, show_default=True, help="Rows read and written per round trip.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts instead of text.")
def migrate_cmd(src: str, dst: str, batch: int, as_json: bool) -> None:
    """Copy a knowledge base between backends (SQLite file ⇄ postgresql:// URL).

    The destination must be new or empty; it is written in one transaction,
    so an interrupted migration leaves it unchanged.  The search index is
    rebuilt there on first use.

    \b
    Examples:
      integraph migrate var/integraph.sqlite postgresql://kb@db.example.org/integraph
      integraph migrate postgresql://kb@localhost/integraph backup.sqlite --json
    """
    from integraph.migrate import migrate

    result = migrate(src, dst, batch=batch, progress=not as_json and sys.stderr.isatty())
    if as_json:
        click.echo(json.dumps(result, indent=1))
        return
    click.echo(", ".join(f"{n} {table}" for table, n in result["copied"].items()) + f" → {dst}")
    if result["skipped"]:
        click.echo(f"  not copied (rebuilt on use): {', '.join(result['skipped'])}")
