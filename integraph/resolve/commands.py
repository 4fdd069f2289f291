"""CLI commands for curators: `integraph merge`, `integraph split`, `integraph explain`.

Thin wrappers: parse arguments, call one library function, print.  The lead
registers them on the main group (`cli.add_command(merge_cmd, "merge")`).
"""
from __future__ import annotations

import json
from typing import Any

import click

from integraph.errors import IntegraphError
from integraph.resolve.curate import explain, merge, split
from integraph.store import DEFAULT_DB, Store

db_option = click.option("--db", "db", type=str, default=str(DEFAULT_DB), show_default=True,
                         help="Knowledge base (SQLite file or postgresql:// URL).")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")


def _run(db: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        with Store(db) as store:
            return fn(store, *args, **kwargs)
    except IntegraphError as exc:
        raise click.ClickException(exc.reason) from exc


@click.command("merge")
@click.argument("a")
@click.argument("b")
@click.option("--note", default="", help="Why they are the same (kept with the judgement).")
@click.option("--author", default="user", show_default=True, help="Who decides.")
@db_option
@json_option
def merge_cmd(a: str, b: str, note: str, author: str, db: str, as_json: bool) -> None:
    """Declare that entities A and B are the same.

    A and B may be local ids, canonical ids or names. The judgement survives
    re-ingestion and re-resolution.

    Example: integraph merge "ЦМП" "Център за модернизиране на политики" --note "same NGO"
    """
    _run(db, merge, a, b, author=author, note=note)
    result = _run(db, explain, a)
    _print({"merged": [a, b], "canonical": result["canonical"], "members": len(result["members"])}, as_json)


@click.command("split")
@click.argument("a")
@click.argument("b")
@click.option("--note", default="", help="Why they differ (kept with the judgement).")
@click.option("--author", default="user", show_default=True, help="Who decides.")
@db_option
@json_option
def split_cmd(a: str, b: str, note: str, author: str, db: str, as_json: bool) -> None:
    """Declare that entity A is not entity B, and keep them in separate groups.

    Example: integraph split "IOM France" "International Organization for Migration"
    """
    _run(db, split, a, b, author=author, note=note)
    left, right = _run(db, explain, a), _run(db, explain, b)
    _print({"split": [a, b], "canonical": [left["canonical"], right["canonical"]]}, as_json)


@click.command("explain")
@click.argument("entity")
@db_option
@json_option
def explain_cmd(entity: str, db: str, as_json: bool) -> None:
    """Show ENTITY's canonical group: members, their names and documents, and why they were merged.

    ENTITY is a canonical id (org:…, country:PL), a local id (3f2a…/o3) or a name.

    Example: integraph explain "Fundusz Azylu, Migracji i Integracji" --json
    """
    result = _run(db, explain, entity)
    if as_json:
        _print(result, True)
        return
    click.echo(f"{result['canonical']}  ({len(result['members'])} members)")
    for m in result["members"]:
        sources = ", ".join(d["source"] for d in m["documents"])
        click.echo(f"  {m['entity']}  {' | '.join(m['names'] + m['acronyms'])}  [{sources}]")
    for title, rows in (("judgements", result["judgements"]), ("kept apart", result["boundary"])):
        if rows:
            click.echo(title + ":")
        for j in rows:
            click.echo(f"  {j['left']} {j['verdict']} {j['right']}  {j['rule']} {j['score']:.2f}  "
                       f"{json.dumps(j['evidence'], ensure_ascii=False)}")


def _print(data: Any, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for key, value in data.items():
            click.echo(f"{key}: {value}")
