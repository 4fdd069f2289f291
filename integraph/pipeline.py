"""Ingest: sources → convert → extract → store, one atomic commit per document.

The per-document work (`process`) is a pure function of the file's bytes, so
it runs the same in this process, in a process pool (`workers > 1`) or on a
Dask worker.  Storage stays in the calling process: one writer, one
transaction per document, so a crash loses at most the document in flight
and a re-run picks up exactly what is missing.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import threading
from collections import Counter, deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from integraph.errors import IntegraphError, LimitExceeded, UsageError
from integraph.model import Document, Statement, content_id
from integraph.store import Store

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

    def save(item: Input, result: Processed) -> None:
        if result.document is None:
            store.record_failure(item.locator, result.error_kind or "error", result.reason or "unknown")
            done(Outcome(item.locator, "failed", reason=result.reason))
            return
        doc = result.document
        if store.has_document(doc.id):  # same bytes met twice in one batch
            done(Outcome(item.locator, "unchanged", doc.language, doc.media_type))
            return
        store.save_document(doc, result.statements)
        done(Outcome(item.locator, "new", doc.language, doc.media_type, statements=len(result.statements)))

    try:
        if cluster:
            _run_cluster(loaded(), save, cluster, extraction)
        elif workers <= 1:
            warm = False
            for item, data in loaded():
                if not warm:  # the same start-up as a pool's, so that 1 and N workers compare fairly
                    _warm_up()
                    warm = True
                save(item, process(item.locator, data, item.media_type, extraction))
        else:
            _run_pool(loaded(), save, workers, extraction)
    finally:
        bar.close()
    return summary


PER_WORKER = 2  # documents handed to a worker at once: one it converts, one waiting, so it never idles
WINDOW = 8  # per worker: documents finished ahead of an unfinished earlier one wait at most this many

Deliver = Callable[[int, Input, Processed], None]


def _run_pool(jobs: Iterator[tuple[Input, bytes]], save: Callable[[Input, Processed], None], workers: int,
              extraction: bool = True) -> None:
    """Convert and extract in `workers` processes, at most PER_WORKER documents each in flight.

    Results are saved here, one transaction each, in input order, as a serial run saves them:
    entity resolution and the export list things in storage order, so 1 and N workers give the
    same knowledge base.  A result that finishes ahead of an earlier one waits (WINDOW bounds how
    many, and with them memory)."""
    first = next(jobs, None)
    if first is None:
        return
    # Modules, the language model and the shared tables are loaded here, before the workers fork:
    # they inherit them instead of each paying that start-up again.  Documents, even the first,
    # all go to the workers: whatever else a document needs loads there, in parallel.
    _warm_up()
    lanes = [_Lane(extraction) for _ in range(workers)]
    finished: dict[int, tuple[Input, Processed]] = {}
    saved = 0  # every document before this sequence number is saved

    def deliver(seq: int, item: Input, result: Processed) -> None:
        nonlocal saved
        finished[seq] = (item, result)
        while saved in finished:
            save(*finished.pop(saved))
            saved += 1

    try:
        for seq, (item, data) in enumerate(itertools.chain([first], jobs)):
            while min(len(lane.jobs) for lane in lanes) >= PER_WORKER or seq - saved >= WINDOW * workers:
                _collect(lanes, deliver)
            min(lanes, key=lambda lane: len(lane.jobs)).submit(seq, item, data, deliver)
        while any(lane.jobs for lane in lanes):
            _collect(lanes, deliver)
    finally:
        for lane in lanes:
            lane.pool.shutdown(wait=True, cancel_futures=True)


class _Lane:
    """One worker process (a pool of one) and the documents handed to it, oldest first.

    A pool per worker rather than one shared pool, because of dead workers (a segfault in a C
    converter, the OOM killer): a worker converts its documents in order, so the oldest one its
    lane holds is the one it died on, and only that lane breaks: the other workers keep their
    documents and their warm caches.  The dead worker's document is recorded as failed (a re-run
    retries it), the ones queued behind it go to a fresh worker forked from this process."""

    def __init__(self, extraction: bool = True) -> None:
        self.extraction = extraction
        self.pool = _executor()
        self.jobs: deque[tuple[Future[Processed], int, Input, bytes]] = deque()
        # our own references to the pool's process: the executor forgets a broken pool's processes,
        # and the exit status (killed by which signal) is read from these afterwards
        self.workers: list[Any] = []

    def submit(self, seq: int, item: Input, data: bytes, deliver: Deliver) -> None:
        try:
            fut = self.pool.submit(_process_here, item.locator, data, item.media_type, self.extraction)
        except BrokenProcessPool:  # the worker died since we last looked: settle that first
            if self.jobs:
                wait([job[0] for job in self.jobs])  # the executor fails every document it held
                self.settle(deliver)
            else:  # it died idle: no document to blame
                self._restart()
            fut = self.pool.submit(_process_here, item.locator, data, item.media_type, self.extraction)
        self.workers = list(getattr(self.pool, "_processes", {}).values()) or self.workers  # private, hence the care
        self.jobs.append((fut, seq, item, data))

    def settle(self, deliver: Deliver) -> None:
        """Hand on the lane's finished documents, oldest first; recover when its worker died."""
        while self.jobs and self.jobs[0][0].done():
            fut, seq, item, data = self.jobs.popleft()
            exc = fut.exception()
            if isinstance(exc, BrokenProcessPool):
                self._recover(seq, item, deliver)
                return
            if exc is not None:  # the result could not come back (e.g. not picklable): a bug of ours
                deliver(seq, item, Processed(None, [], "internal", f"internal: {type(exc).__name__}: {exc}"[:300]))
                continue
            result = fut.result()
            if result.document is not None:
                result.document.original = data  # the worker sends the document back without it
            deliver(seq, item, result)

    def _recover(self, seq: int, lost: Input, deliver: Deliver) -> None:
        how = _how_it_died(self.workers)
        reason = f"worker process died while converting {lost.locator}{how}; a re-run retries it"
        waiting = [(s, item, data) for _, s, item, data in self.jobs]
        self.jobs.clear()
        self._restart()
        for s, item, data in waiting:
            self.submit(s, item, data, deliver)
        deliver(seq, lost, Processed(None, [], "worker-died", reason))

    def _restart(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = _executor()


def _collect(lanes: list[_Lane], deliver: Deliver) -> None:
    """Wait until some lane has a finished document, then hand on what every lane has finished."""
    wait([job[0] for lane in lanes for job in lane.jobs], return_when=FIRST_COMPLETED)
    for lane in lanes:
        lane.settle(deliver)


def _process_here(locator: str, data: bytes, media_type: str | None, extraction: bool) -> Processed:
    """`process` in a worker: the original bytes are not sent back, the parent still holds them."""
    result = process(locator, data, media_type, extraction)
    if result.document is not None:
        result.document.original = b""
    return result


def _executor() -> ProcessPoolExecutor:
    # fork: the worker starts with the parent's warm caches (the default start method changes in 3.14)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if "fork" in methods else None
    return ProcessPoolExecutor(max_workers=1, mp_context=context)


def _how_it_died(workers: list[Any]) -> str:
    """' (killed by SIGKILL)' or ' (exit code 1)' from the lane's worker processes."""
    for proc in workers:
        proc.join(timeout=5)
        code = proc.exitcode
        if code is not None and code < 0:
            try:
                return f" (killed by {signal.Signals(-code).name})"
            except ValueError:
                return f" (killed by signal {-code})"
        if code:
            return f" (exit code {code})"
    return ""


def _warm_up() -> None:
    """Load what every document needs before the first one: converters, extractors, the language
    model, the gazetteers' indexes.  The language model is read in a thread while this one imports
    and builds the rest: decompressing it releases the GIL, so the two overlap (≈1 s of start-up).
    Joined before returning: nothing may run in a thread when a pool forks."""
    from integraph import langid

    loader = threading.Thread(target=langid.identifier, name="integraph-warm-up", daemon=True)
    loader.start()
    try:
        import integraph.convert  # noqa: F401
        import integraph.extract  # noqa: F401
        from integraph.gazetteer import cities, countries, cues, funds, orgs

        for build in (countries._index, funds._index, orgs._international_index, cues._status_index,  # noqa: SLF001
                      cities.ensure_built):
            build()
    finally:
        loader.join()


def _run_cluster(jobs: Iterator[tuple[Input, bytes]], save: Callable[[Input, Processed], None], address: str,
                 extraction: bool = True) -> None:
    """`process` on Dask workers, results saved here as they arrive; 2 tasks per worker thread in flight."""
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
        items: dict[str, Input] = {}

        def collect(fut: Any) -> None:
            try:
                result = fut.result()
            except Exception as exc:  # a worker died or cannot import integraph: record, go on
                result = Processed(None, [], "internal", f"internal: worker failed: {type(exc).__name__}: {exc}"[:300])
            save(items.pop(fut.key), result)

        for item, data in jobs:
            fut = client.submit(process, item.locator, data, item.media_type, extraction, pure=False)
            items[fut.key] = item
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
