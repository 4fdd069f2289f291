"""Ingest: sources → convert → extract → store, one atomic commit per document.

The per-document work (`process`) is a pure function of the file's bytes, so
it runs the same in this process, in a process pool (`workers > 1`) or on a
Dask worker.  Storage stays in the calling process: one writer, one
transaction per document, so a crash loses at most the document in flight
and a re-run picks up exactly what is missing.
"""
from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import queue
import signal
import threading
from collections import Counter, deque
from dataclasses import dataclass, field
from multiprocessing import connection
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
                    _warm_up()
                    warm = True
                save(item, data, prepare(item.locator, data, item.media_type, extraction))
        else:
            _run_pool(loaded(), save, workers, extraction)
    finally:
        gc.unfreeze()  # what _warm_up froze: collectable again
        bar.close()
    return summary


PER_WORKER = 2  # documents handed to a worker at once: one it converts, one waiting, so it never idles
WINDOW = 8  # per worker: documents finished ahead of an unfinished earlier one wait at most this many

Save = Callable[[Input, bytes, Prepared], None]
Deliver = Callable[[int, Input, bytes, Prepared], None]


def _run_pool(jobs: Iterator[tuple[Input, bytes]], save: Save, workers: int, extraction: bool = True) -> None:
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
    lanes: list[_Lane] = []
    finished: dict[int, tuple[Input, bytes, Prepared]] = {}
    saved = 0  # every document before this sequence number is saved

    def deliver(seq: int, item: Input, data: bytes, result: Prepared) -> None:
        nonlocal saved
        finished[seq] = (item, data, result)
        while saved in finished:
            save(*finished.pop(saved))
            saved += 1

    try:
        while len(lanes) < workers:
            lanes.append(_Lane(extraction, lanes))
        for seq, (item, data) in enumerate(itertools.chain([first], jobs)):
            while min(len(lane.jobs) for lane in lanes) >= PER_WORKER or seq - saved >= WINDOW * workers:
                _collect(lanes, deliver)
            min(lanes, key=lambda lane: len(lane.jobs)).submit(seq, item, data)
        while any(lane.jobs for lane in lanes):
            _collect(lanes, deliver)
    finally:
        for lane in lanes:
            lane.close()


class _Lane:
    """One worker process, the pipe it talks over, and the documents handed to it, oldest first.

    A process and a pipe per worker rather than a shared pool, because of dead workers (a segfault
    in a C converter, the OOM killer): a worker converts its documents in order and answers in
    order, so the oldest one its lane still holds is the one it died on, and only that lane breaks:
    the other workers keep their documents and their warm caches.  The dead worker's document is
    recorded as failed (a re-run retries it), the ones queued behind it go to a fresh worker forked
    from this process.  Nor does this process need a thread per worker (as concurrent.futures
    runs): it waits on the pipes themselves, and reads and saves results as they come."""

    def __init__(self, extraction: bool, others: list["_Lane"]) -> None:
        self.extraction = extraction
        self.others = others  # every lane of the pool: a worker closes its copies of their pipes
        self.jobs: deque[tuple[int, Input, bytes]] = deque()
        self._start()

    def _start(self) -> None:
        context = _context()
        self.conn, theirs = context.Pipe()
        # with fork the worker inherits this process's ends of the other lanes' pipes: it closes
        # them, so that a worker still sees its pipe close when this process dies
        forked = context.get_start_method() == "fork"
        inherited = [lane.conn for lane in self.others if lane is not self] if forked else []
        self.proc = context.Process(target=_serve, args=(theirs, self.extraction, inherited), daemon=True,
                                    name="integraph-worker")
        self.proc.start()
        theirs.close()

    def submit(self, seq: int, item: Input, data: bytes) -> None:
        if not self.jobs and not self.proc.is_alive():  # it died idle: no document to blame
            self._restart()
        self.jobs.append((seq, item, data))
        try:
            self.conn.send((item.locator, data, item.media_type))
        except OSError:  # it died with documents in hand: `settle` reads the end of its pipe and recovers
            pass

    def settle(self, deliver: Deliver) -> None:
        """Hand on what the worker has finished, oldest first; recover when it died."""
        while self.jobs:
            try:
                if not self.conn.poll():
                    return
                result = self.conn.recv()
            except (EOFError, OSError):  # the pipe closed: the worker is gone
                self._recover(deliver)
                return
            seq, item, data = self.jobs.popleft()
            deliver(seq, item, data, result)

    def _recover(self, deliver: Deliver) -> None:
        seq, lost, data = self.jobs.popleft()
        self.conn.close()
        reason = f"worker process died while converting {lost.locator}{_how_it_died(self.proc)}; a re-run retries it"
        waiting = list(self.jobs)
        self.jobs.clear()
        self._start()
        for job in waiting:
            self.submit(*job)
        deliver(seq, lost, data, Prepared(None, "worker-died", reason))

    def _restart(self) -> None:
        self.conn.close()
        self.proc.join(timeout=5)
        self._start()

    def close(self) -> None:
        """Let an idle worker finish; one still holding documents (an error or Ctrl-C here) is killed."""
        if self.jobs:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.conn.close()
        self.proc.join(timeout=30)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()


def _serve(conn: Any, extraction: bool, inherited: list[Any]) -> None:
    """A worker: (locator, bytes, media type) in, `Prepared` out, in order, until None or the pipe closes.

    A thread reads the pipe while the main thread converts, so that this process never sits on a
    send (a large result) while the parent sits on its own send (a large file) to us."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends us
    for other in inherited:
        other.close()
    inbox: queue.SimpleQueue[Any] = queue.SimpleQueue()

    def read() -> None:
        try:
            while True:
                job = conn.recv()
                inbox.put(job)
                if job is None:
                    return
        except (EOFError, OSError):  # the parent is gone
            inbox.put(None)

    threading.Thread(target=read, name="integraph-inbox", daemon=True).start()
    while (job := inbox.get()) is not None:
        locator, data, media_type = job
        conn.send(prepare(locator, data, media_type, extraction))


def _collect(lanes: list[_Lane], deliver: Deliver) -> None:
    """Wait until some worker has answered (or died), then hand on what it has finished."""
    busy = {lane.conn: lane for lane in lanes if lane.jobs}
    for conn in connection.wait(list(busy)):
        busy[conn].settle(deliver)


def _context() -> Any:
    # fork: the worker starts with the parent's warm caches (the default start method changes in 3.14)
    return multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)


def _how_it_died(proc: Any) -> str:
    """' (killed by SIGKILL)' or ' (exit code 1)' from a worker's exit status."""
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
    Joined before returning: nothing may run in a thread when a pool forks.

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
        from integraph.gazetteer import cities, countries, cues, funds, orgs

        for build in (countries._index, funds._index, orgs._international_index, cues._status_index,  # noqa: SLF001
                      cities.ensure_built):
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
