"""The local process pool of `integraph ingest --workers N`: one process and one pipe per worker.

`pipeline.ingest` hands `run_pool` the documents to convert and a `save` to call with each result;
the workers run `pipeline.prepare` (convert, extract, build the store's rows) and this process, the
only writer, saves the results in input order.  No thread runs in this process: it waits on the
workers' pipes, so the time it needs besides saving is a few reads and writes per document.
"""
from __future__ import annotations

import itertools
import multiprocessing
import queue
import signal
import threading
from collections import deque
from multiprocessing import connection
from multiprocessing.reduction import ForkingPickler
from typing import Any, Callable, Iterator

from integraph.pipeline import Input, Prepared, Save, prepare, warm_up

PER_WORKER = 2  # documents handed to a worker at once: one it converts, one waiting, so it never idles
WINDOW = 8  # per worker: documents finished ahead of an unfinished earlier one wait at most this many

Deliver = Callable[[int, Input, bytes, Prepared], None]


def run_pool(jobs: Iterator[tuple[Input, bytes]], save: Save, workers: int, extraction: bool = True) -> None:
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
    warm_up()
    lanes: list[Lane] = []
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
            lanes.append(Lane(extraction, lanes))
        for seq, (item, data) in enumerate(itertools.chain([first], jobs)):
            while min(len(lane.jobs) for lane in lanes) >= PER_WORKER or seq - saved >= WINDOW * workers:
                collect(lanes, deliver)
            min(lanes, key=lambda lane: len(lane.jobs)).submit(seq, item, data)
        while any(lane.jobs for lane in lanes):
            collect(lanes, deliver)
    finally:
        for lane in lanes:
            lane.close()


class Lane:
    """One worker process, the pipe it talks over, and the documents handed to it, oldest first.

    A process and a pipe per worker rather than a shared pool, because of dead workers (a segfault
    in a C converter, the OOM killer): a worker converts its documents in order and answers in
    order, so the oldest one its lane still holds is the one it died on, and only that lane breaks:
    the other workers keep their documents and their warm caches.  The dead worker's document is
    recorded as failed (a re-run retries it), the ones queued behind it go to a fresh worker forked
    from this process.  Nor does this process need a thread per worker (as concurrent.futures
    runs): it waits on the pipes themselves, and reads and saves results as they come."""

    def __init__(self, extraction: bool, others: list["Lane"]) -> None:
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
        self.proc = context.Process(target=serve, args=(theirs, self.extraction, inherited), daemon=True,
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
                message = self.conn.recv_bytes()
            except (EOFError, OSError):  # the pipe closed: the worker is gone
                self._recover(deliver)
                return
            seq, item, data = self.jobs.popleft()
            deliver(seq, item, data, _loads(message))

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


def serve(conn: Any, extraction: bool, inherited: list[Any]) -> None:
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
        try:
            message = ForkingPickler.dumps(prepare(locator, data, media_type, extraction))
        except Exception as exc:  # a bug of ours (say, a result that does not pickle): record it, keep the worker
            message = ForkingPickler.dumps(_internal(exc))
        try:
            conn.send_bytes(message)
        except OSError:  # the parent is gone: nobody to answer
            return


def _loads(message: bytes) -> Prepared:
    try:
        return ForkingPickler.loads(message)
    except Exception as exc:  # a result that cannot be read back: a bug of ours, recorded with the document
        return _internal(exc)


def _internal(exc: Exception) -> Prepared:
    return Prepared(None, "internal", f"internal: {type(exc).__name__}: {exc}"[:300])


def collect(lanes: list[Lane], deliver: Deliver) -> None:
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
