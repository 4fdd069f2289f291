"""Ingest: sources → convert → extract → store, one atomic commit per document.

The per-document work (`process`) is a pure function of the file's bytes, so
it runs the same in this process, in a process pool (`workers > 1`,
`integraph.pool`) or on a Dask worker.  Storage stays in the calling process: one writer, one
transaction per document, so a crash loses at most the document in flight
and a re-run picks up exactly what is missing.
"""
from __future__ import annotations

import gc
import os
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from integraph.errors import IntegraphError, LimitExceeded, UsageError
from integraph.model import Document, Statement, content_id
from integraph.store import DocumentRows, Store, document_rows

MAX_FILE_BYTES = 50 * 1024 * 1024  # larger files are refused before they are read


@dataclass
class Outcome:
    """What happened to one input."""

    locator: str
    status: str  # "new" | "unchanged" | "failed"
    language: str | None = None
    media_type: str | None = None
    reason: str | None = None
    statements: int = 0


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def as_dict(self) -> dict[str, Any]:
        ok = [o for o in self.outcomes if o.status != "failed"]
        return {
            "new": self.count("new"),
            "unchanged": self.count("unchanged"),
            "failed": self.count("failed"),
            "statements": sum(o.statements for o in self.outcomes),
            "by_language": dict(Counter(o.language or "?" for o in ok)),
            "by_format": dict(Counter(o.media_type or "?" for o in ok)),
            "failures": [{"source": o.locator, "reason": o.reason} for o in self.outcomes if o.status == "failed"],
        }


@dataclass
class Processed:
    document: Document | None
    statements: list[Statement]
    error_kind: str | None = None
    reason: str | None = None


def process(locator: str, data: bytes, media_type: str | None = None, extraction: bool = True) -> Processed:
    """Convert and extract one document. Never raises for bad input: the error is returned.

    `extraction=False` converts only (no statements): for benchmarks that weigh extraction."""
    from integraph.convert import to_document
    from integraph.extract import extract

    try:
        doc = to_document(data, locator, media_type)
        statements = extract(doc) if extraction else []
    except IntegraphError as exc:
        return Processed(None, [], exc.kind, exc.reason)
    except (MemoryError, RecursionError) as exc:  # hostile input must not stop the batch
        return Processed(None, [], "too-large", f"too-large: {type(exc).__name__}")
    except Exception as exc:  # a bug of ours: record it with its type, keep going
        return Processed(None, [], "internal", f"internal: {type(exc).__name__}: {exc}"[:300])
    return Processed(doc, statements)


@dataclass
class Prepared:
    """What the writer needs of one processed input: the rows to insert, or why it failed."""

    rows: DocumentRows | None
    error_kind: str | None = None
    reason: str | None = None


def prepare(locator: str, data: bytes, media_type: str | None = None, extraction: bool = True) -> Prepared:
    """`process`, then the store's rows built here too: what a pool or Dask worker sends back.

    Rows of plain tuples cost a fifth of the `Document` and `Statement` objects to pickle and
    unpickle, and building them here takes that work off the one process that writes.  The
    original bytes are not sent back: the writer still holds them."""
    result = process(locator, data, media_type, extraction)
    if result.document is None:
        return Prepared(None, result.error_kind, result.reason)
    return Prepared(document_rows(result.document, result.statements))


Save = Callable[["Input", bytes, Prepared], None]  # stores one input's result, in input order


@dataclass
class Input:
    locator: str
    read: Callable[[], bytes]
    size: int | None = None
    media_type: str | None = None


def file_inputs(paths: Iterable[Path]) -> Iterator[Input]:
    from integraph.sources.files import iter_files

    for path in iter_files([Path(p) for p in paths]):
        yield Input(str(path), path.read_bytes, size=path.stat().st_size)


def url_inputs(urls: Iterable[str]) -> Iterator[Input]:
    from integraph.sources.urls import fetch

    for url in urls:
        box: dict[str, str | None] = {}

        def read(url: str = url, box: dict[str, str | None] = box) -> bytes:
            data, box["media_type"] = fetch(url)
            return data

        yield Input(url, read)


def ingest(
    inputs: Iterable[Input] | Iterable[Path],
    store: Store,
    workers: int = 1,
    progress: bool = False,
    on_outcome: Callable[[Outcome], None] | None = None,
    cluster: str | None = None,
    extraction: bool = True,
) -> Summary:
    """Ingest every input into `store`; one bad input never stops the batch.

    `workers > 1` converts and extracts in a local process pool; `cluster`
    (a Dask scheduler address such as ``tcp://10.0.0.5:8786``) runs that work
    on the cluster's workers instead.  Either way this process alone writes.
    `extraction=False` stores documents without statements: only for benchmarks (bench/extract.py
    compares ingest time with and without extraction).
    """
    given = list(inputs)
    items: list[Input] = [i for i in given if isinstance(i, Input)]
    paths = [Path(p) for p in given if not isinstance(p, Input)]
    if paths:  # plain paths: files and folders, read recursively
        items += list(file_inputs(paths))
    summary = Summary()
    bar = _bar(len(items), progress)

    def done(outcome: Outcome) -> None:
        summary.outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
        bar.update(1)

    def loaded() -> Iterator[tuple[Input, bytes]]:
        for item in items:
            if item.size is not None and item.size > MAX_FILE_BYTES:
                err = LimitExceeded(f"{item.size / 1e6:.0f} MB is over the {MAX_FILE_BYTES / 1e6:.0f} MB limit")
                store.record_failure(item.locator, err.kind, err.reason)
                done(Outcome(item.locator, "failed", reason=err.reason))
                continue
            try:
                data = item.read()
            except (OSError, IntegraphError) as exc:
                reason = exc.reason if isinstance(exc, IntegraphError) else f"unreadable: {exc}"
                store.record_failure(item.locator, "unreadable", reason)
                done(Outcome(item.locator, "failed", reason=reason))
                continue
            if store.has_document(content_id(data)):
                done(Outcome(item.locator, "unchanged"))
                continue
            yield item, data

    def save(item: Input, data: bytes, result: Prepared) -> None:
        rows = result.rows
        if rows is None:
            store.record_failure(item.locator, result.error_kind or "error", result.reason or "unknown")
            done(Outcome(item.locator, "failed", reason=result.reason))
            return
        if store.has_document(rows.id):  # same bytes met twice in one batch
            done(Outcome(item.locator, "unchanged", rows.language, rows.media_type))
            return
        store.save_rows(rows, data)
        done(Outcome(item.locator, "new", rows.language, rows.media_type, statements=len(rows.statements)))

    try:
        if cluster:
            _run_cluster(loaded(), save, cluster, extraction)
        elif workers <= 1:
            warm = False
            for item, data in loaded():
                if not warm:  # the same start-up as a pool's, so that 1 and N workers compare fairly
                    warm_up()
                    warm = True
                save(item, data, prepare(item.locator, data, item.media_type, extraction))
        else:
            from integraph.pool import run_pool

            run_pool(loaded(), save, workers, extraction)
    finally:
        gc.unfreeze()  # what warm_up froze: collectable again
        bar.close()
    return summary


def warm_up() -> None:
    """Load what every document needs before the first one: converters, extractors, the language
    model, the gazetteers' indexes, the lemmatiser.  The language model is read in a thread while
    this one imports and builds the rest (reading its cached arrays releases the GIL; when the
    cache must first be built, so does unpacking the model).  Joined before returning: nothing
    may run in a thread when a pool forks.

    What is loaded by then is frozen out of garbage collection (`ingest` unfreezes it at the end):
    full collections no longer walk these long-lived objects on every pass, and a forked worker's
    collections no longer write to the pages they sit on, which made the kernel copy each such page
    into every worker (copy-on-write)."""
    from integraph import langid

    loader = threading.Thread(target=langid.identifier, name="integraph-warm-up", daemon=True)
    loader.start()
    try:
        import integraph.convert  # noqa: F401
        import integraph.extract  # noqa: F401
        from integraph import textutil
        from integraph.gazetteer import cities, countries, cues, funds, orgs

        # the lemmatiser (simplemma's rules of every language, ~0.1 s) is needed by every document:
        # loaded here, once, rather than by each worker on its first document.  The phrase indexes
        # come from phrasecache with every language's tries already made, so that no worker of the
        # pool builds them again on its first document of a language.
        for build in (countries._index, funds._index, orgs._international_index, cues._status_index,  # noqa: SLF001
                      cities.ensure_built, textutil._lemmatizer):  # noqa: SLF001
            build()
    finally:
        loader.join()
    gc.freeze()


def _run_cluster(jobs: Iterator[tuple[Input, bytes]], save: Save, address: str, extraction: bool = True) -> None:
    """`prepare` on Dask workers, results saved here as they arrive; 2 tasks per worker thread in flight."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise UsageError("--cluster needs the extra: pip install 'integraph[dask]'") from exc
    try:
        client = Client(address, timeout=10, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    with client:
        slots = 2 * max(1, sum(client.nthreads().values()))
        running = as_completed(loop=client.loop)
        items: dict[str, tuple[Input, bytes]] = {}

        def collect(fut: Any) -> None:
            try:
                result = fut.result()
            except Exception as exc:  # a worker died or cannot import integraph: record, go on
                result = Prepared(None, "internal", f"internal: worker failed: {type(exc).__name__}: {exc}"[:300])
            save(*items.pop(fut.key), result)

        for item, data in jobs:
            fut = client.submit(prepare, item.locator, data, item.media_type, extraction, pure=False)
            items[fut.key] = (item, data)
            running.add(fut)
            if running.count() >= slots:
                collect(next(running))
        for fut in running:
            collect(fut)


def reextract(store: Store, progress: bool = False) -> int:
    """Run extraction again over every stored document (after an extractor upgrade)."""
    from integraph.extract import extract

    docs = store.documents()
    bar = _bar(len(docs), progress)
    n = 0
    for doc in docs:
        statements = extract(doc)
        store.replace_statements(doc.id, statements)
        n += len(statements)
        bar.update(1)
    bar.close()
    return n


class _NoBar:
    def update(self, n: int = 1) -> None: ...

    def close(self) -> None: ...


def _bar(total: int, enabled: bool) -> Any:
    if not enabled or os.environ.get("INTEGRAPH_NO_PROGRESS"):
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="ingest", leave=False)
