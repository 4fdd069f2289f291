"""The `integraph` command: a thin layer over the library.

Each command parses its options, calls one library function and prints a
human summary, or JSON with `--json`.  Library errors become one-line
messages in exactly one place (`main`), never tracebacks.
"""
from __future__ import annotations

import atexit
import importlib
import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from integraph.errors import IntegraphError, UsageError
from integraph.store import DEFAULT_DB, Store

db_option = click.option("--db", "db", default=str(DEFAULT_DB), show_default=True, envvar="INTEGRAPH_DB",
                         help="SQLite file or postgresql:// URL of the knowledge base.")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts instead of text.")


# Commands that live with their subsystem (resolution, portal, storage): command name → (module, attribute).
# They are imported only when named, listed (--help) or needed for a suggestion: `integraph ingest`
# must not pay for the web stack (FastAPI and pydantic, ~0.3 s of every start) it never uses.
OPTIONAL_COMMANDS = {
    "merge": ("integraph.resolve.commands", "merge_cmd"),
    "split": ("integraph.resolve.commands", "split_cmd"),
    "explain": ("integraph.resolve.commands", "explain_cmd"),
    "serve": ("integraph.web.commands", "serve_cmd"),
    "migrate": ("integraph.store.commands", "migrate_cmd"),
}


class LazyGroup(click.Group):
    """A group that imports the optional commands on first use; one that does not import (a missing
    extra) is left out, as if it did not exist."""

    def _load(self, name: str) -> click.Command | None:
        if name not in self.commands and name in OPTIONAL_COMMANDS:
            module, attr = OPTIONAL_COMMANDS[name]
            try:
                cmd = getattr(importlib.import_module(module), attr, None)
            except ImportError:
                cmd = None
            if cmd is not None:
                self.add_command(cmd, name)
        return self.commands.get(name)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        cmd = self._load(cmd_name)
        if cmd is None:  # an unknown name: load the rest, so that "Did you mean" knows them all
            for name in OPTIONAL_COMMANDS:
                self._load(name)
        return cmd

    def list_commands(self, ctx: click.Context) -> list[str]:
        for name in OPTIONAL_COMMANDS:
            self._load(name)
        return sorted(self.commands)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="integraph")
def cli() -> None:
    """Integraph: a source-cited knowledge base of migrant-integration projects.

    \b
    Typical session:
      integraph ingest examples/corpus        # read documents into var/integraph.sqlite
      integraph resolve                       # merge the same entity across documents
      integraph export --format json --out kb.json
      integraph serve                         # the portal on http://127.0.0.1:8000
    """


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--urls", "urls_file", type=click.Path(exists=True, path_type=Path),
              help="A file of URLs to fetch, one per line (# comments allowed).")
@click.option("--workers", default=1, show_default=True, help="Processes converting and extracting in parallel.")
@click.option("--cluster", metavar="ADDRESS", help="Convert and extract on a Dask cluster (tcp://host:8786).")
@click.option("--no-resolve", is_flag=True, help="Skip entity resolution after the batch.")
@db_option
@json_option
def ingest(paths: tuple[Path, ...], urls_file: Path | None, workers: int, cluster: str | None, no_resolve: bool,
           db: str, as_json: bool) -> None:
    """Read documents (PDF, HTML, DOCX, ODT, Markdown, text) into the knowledge base.

    Folders are read recursively.  Re-ingesting unchanged files is a no-op; a
    broken file is recorded with its reason and the batch goes on.  Exits
    non-zero only when nothing at all could be ingested.

    \b
    Examples:
      integraph ingest examples/corpus
      integraph ingest reports/ page.html --db kb.sqlite --workers 2
      integraph ingest --urls urls.txt --json
    """
    from integraph import pipeline

    if not paths and not urls_file:
        raise UsageError("nothing to ingest: give PATHS or --urls FILE")
    inputs: list[pipeline.Input] = list(pipeline.file_inputs(paths))
    if urls_file:
        from integraph.sources.urls import read_url_list

        inputs += list(pipeline.url_inputs(read_url_list(urls_file)))
    with Store(db) as store:
        summary = pipeline.ingest(inputs, store, workers=workers, progress=not as_json and sys.stderr.isatty(),
                                  cluster=cluster)
        report = summary.as_dict()
        if not no_resolve and report["new"]:
            report["resolution"] = _resolve(store)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        _print_summary(report, db)
    _quick_exit.wanted = True  # the store is closed, the report written
    if inputs and report["new"] == 0 and report["unchanged"] == 0:
        sys.exit(1)


def _resolve(store: Store) -> dict[str, Any] | None:
    try:
        from integraph.resolve import resolve
    except ImportError:
        return None
    return resolve(store)


def _print_summary(r: dict[str, Any], db: str) -> None:
    click.echo(f"{r['new']} new, {r['unchanged']} unchanged, {r['failed']} failed; {r['statements']} facts → {db}")
    if r["by_language"]:
        click.echo("  languages: " + ", ".join(f"{k} {v}" for k, v in sorted(r["by_language"].items())))
    if r["by_format"]:
        click.echo("  formats:   " + ", ".join(f"{k} {v}" for k, v in sorted(r["by_format"].items())))
    for f in r["failures"]:
        click.echo(f"  failed: {f['source']}: {f['reason']}")


@cli.command()
@db_option
@json_option
def resolve(db: str, as_json: bool) -> None:
    """Merge the same organisation, project, programme or place across documents.

    \b
    Example:
      integraph resolve --json
    """
    with Store(db) as store:
        result = _resolve(store)
    if result is None:
        raise UsageError("entity resolution is not available in this installation")
    click.echo(json.dumps(result, ensure_ascii=False, indent=1) if as_json else _plain(result))


def _plain(d: dict[str, Any]) -> str:
    return "\n".join(f"{k}: {v}" for k, v in d.items())


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE instead of standard output.")
def export(db: str, fmt: str, out: Path | None) -> None:
    """Write the whole knowledge base in the `integraph/1` interchange format.

    \b
    Examples:
      integraph export > kb.json
      integraph export --db kb.sqlite --out kb.json
    """
    from integraph.export import build, dumps

    with Store(db) as store:
        text = dumps(build(store))
    if out:
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text)


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@click.option("--export", "export_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score this export file instead of the database.")
@json_option
def eval_(gold: Path, db: str, export_file: Path | None, as_json: bool) -> None:
    """Score the knowledge base against a gold file (integraph-gold/1).

    Prints detection and per-field precision, recall and F1, then what was
    missed and what was wrong.

    \b
    Examples:
      integraph ingest ../shared/seeds --db seeds.sqlite
      integraph eval ../shared/gold/seeds.json --db seeds.sqlite
      integraph eval examples/gold.json --json
    """
    from integraph.evaluate import by_language, evaluate, load_gold
    from integraph.export import build

    gold_data = load_gold(gold)
    texts: dict[str, str] = {}
    if export_file:
        kb = json.loads(export_file.read_text(encoding="utf-8"))
    else:
        with Store(db) as store:
            kb = build(store)
            texts = {d.source: d.text for d in store.documents()}
    result = evaluate(kb, gold_data)
    if texts:  # the per-language view needs the documents' text, which an export file lacks
        result["by_language"] = by_language(kb, gold_data, texts)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=1, default=str))
        return
    for label, d in result["detection"].items():
        click.echo(f"detection {label:14} P {d['precision']:.3f} R {d['recall']:.3f} F1 {d['f1']:.3f}")
    for label in ("fields", "project_fields", "organisation_fields"):
        d = result[label]
        click.echo(f"{label:24} P {d['precision']:.3f} R {d['recall']:.3f} F1 {d['f1']:.3f}")
    for field, d in result["per_field"].items():
        if d["tp"] + d["fp"] + d["fn"]:
            click.echo(f"  {field:24} P {d['precision']:.3f} R {d['recall']:.3f} F1 {d['f1']:.3f}  "
                       f"(tp {d['tp']} fp {d['fp']} fn {d['fn']})")
    for lang, d in result.get("by_language", {}).items():
        det = d["detection"]
        click.echo(f"  {lang}: {d['documents']} docs, projects F1 {det['projects']['f1']:.3f}, "
                   f"organisations F1 {det['organisations']['f1']:.3f}, fields F1 {d['fields']['f1']:.3f} "
                   f"({d['projects']} projects, {d['organisations']} organisations named)")
    for m in result["misses"]:
        click.echo(f"  missed {m['entity']}.{m['field']}: {m['gold']}")
    for m in result["false"]:
        click.echo(f"  wrong  {m['entity']}.{m['field']}: {m['predicted']}")


@cli.command()
@db_option
@json_option
def status(db: str, as_json: bool) -> None:
    """What the knowledge base holds: documents, facts, failures.

    \b
    Example:
      integraph status --json
    """
    with Store(db) as store:
        counts = store.counts()
        failures = store.failures()
        docs = store.document_rows()
    report = {"counts": counts, "failures": failures,
              "documents": [{k: d[k] for k in ("source", "language", "media_type", "title")} for d in docs]}
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=1))
        return
    click.echo(", ".join(f"{v} {k}" for k, v in counts.items()))
    for d in docs:
        click.echo(f"  [{d['language'] or '?'}] {d['media_type']:28} {d['source']}  {d['title'] or ''}"[:160])
    for f in failures:
        click.echo(f"  failed: {f['locator']}: {f['reason']}")


@cli.command()
@db_option
def reextract(db: str) -> None:
    """Run extraction again over every stored document (after upgrading Integraph).

    \b
    Example:
      integraph reextract && integraph resolve
    """
    from integraph.pipeline import reextract as run

    with Store(db) as store:
        n = run(store, progress=sys.stderr.isatty())
        _resolve(store)
    click.echo(f"{n} facts re-extracted")
    _quick_exit.wanted = True


@cli.command()
def prepare() -> None:
    """Build the local tables once: lemma tries, phrase indexes and the city gazetteer.

    Each is built in a child process, so memory stays bounded; later runs load
    them from the cache ($INTEGRAPH_CACHE or ~/.cache/integraph) in milliseconds.
    The language model is unpacked there too.

    \b
    Example:
      integraph prepare
    """
    import multiprocessing

    from integraph.textutil import LEMMA_LANGS, prepare_lemmas

    ctx = multiprocessing.get_context("spawn")
    for lang in sorted(LEMMA_LANGS):
        proc = ctx.Process(target=prepare_lemmas, args=(lang,))
        proc.start()
        proc.join()
        click.echo(f"lemmas {lang}: {'ok' if proc.exitcode == 0 else 'failed'}", err=True)
    from integraph.gazetteer import phrasecache

    # in a child too: building lemmatises names of every language, i.e. opens all 26 dictionaries
    proc = ctx.Process(target=phrasecache.ensure_built)
    proc.start()
    proc.join()
    click.echo(f"phrase indexes: {'ok' if proc.exitcode == 0 else 'failed'}", err=True)
    from integraph import langid

    langid.identifier()  # unpacks py3langid's model into the cache unless it is there
    click.echo("language model: ok", err=True)
    try:
        from integraph.gazetteer import cities
    except ImportError:
        return
    cities.ensure_built()
    click.echo("cities: ok", err=True)


def main() -> None:
    """Entry point: every IntegraphError becomes one line on stderr and exit code 2."""
    try:
        _main()
    except SystemExit as exc:
        if _quick_exit.wanted and (exc.code is None or isinstance(exc.code, int)):
            _quick_exit(exc.code or 0)
        raise
    if _quick_exit.wanted:
        _quick_exit(0)


def _main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except IntegraphError as exc:
        click.echo(f"integraph: {exc.reason}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)
    except SystemExit:
        raise


class _QuickExit:
    """Leaving a process that holds the extraction tables without the interpreter's teardown.

    After an ingest the process holds millions of small objects (tries, indexes, caches); the
    teardown frees them one by one and collects garbage module by module, ~0.2 s of every run
    measured here, with nothing left to save.  A command sets `wanted` once its store is closed
    and its output written; `main` then flushes the standard streams, runs the atexit handlers (a
    temporary directory's clean-up, logging's flush) and ends the process with its exit code.
    Only `main` does this: a caller of `cli` (tests, scripts) keeps its interpreter."""

    wanted = False

    def __call__(self, code: int) -> None:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):  # a closed pipe: nothing more can be said
                pass
        atexit._run_exitfuncs()  # noqa: SLF001 - what a normal exit runs, in the same order
        os._exit(code)


_quick_exit = _QuickExit()


if __name__ == "__main__":
    main()
