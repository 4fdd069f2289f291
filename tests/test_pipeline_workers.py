"""A pool worker killed mid-batch (segfault, OOM killer) costs only the document it was converting.

Real processes, a real SIGKILL: the ingest runs in a thread of this test with two workers; the
test waits until one worker is alone busy with a large document, kills it, and checks that every
other document was stored, the large one is recorded as failed with the reason, and a re-run
stores it.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from pathlib import Path

from integraph.pipeline import Outcome, ingest
from integraph.store import Store

# our own sentences; the large document repeats them with numbers so that no two paragraphs are equal
PARAGRAPH = ("Stowarzyszenie Nowy Dom {i} prowadzi w Krakowie i Lublinie projekt „Sąsiedzi {i}” w partnerstwie "
             "z Fundacją Otwarte Drzwi. Projekt jest finansowany z Funduszu Azylu, Migracji i Integracji w latach "
             "2023–2025, kwota dofinansowania {i}0 000 zł.")
LARGE_PARAGRAPHS = 1200  # a few seconds of extraction (linear, ~3 ms a paragraph): far longer than all the small documents
SMALL = 12


def batch(folder: Path) -> tuple[list[Path], Path]:
    """A small document, the large one, then small ones.

    The first two go to one worker each; while one works on the large document, the other takes
    every small document but the one queued behind the large one."""
    folder.mkdir()
    paths = [folder / "first.txt"]
    paths[0].write_text(PARAGRAPH.format(i=0), encoding="utf-8")
    large = folder / "large.txt"
    large.write_text("\n\n".join(PARAGRAPH.format(i=i) for i in range(1, LARGE_PARAGRAPHS)), encoding="utf-8")
    paths.append(large)
    for k in range(SMALL):
        small = folder / f"small-{k:02d}.txt"
        small.write_text(PARAGRAPH.format(i=1000 + k), encoding="utf-8")
        paths.append(small)
    return paths, large


def cpu_ticks(pid: int) -> int:
    """utime + stime of a process; -1 once it has exited (a child may end between listing and reading)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return -1
    return int(fields[11]) + int(fields[12])


def lone_busy_worker(ingesting: threading.Thread, older: set[int]) -> int:
    """The pid of the one pool worker still working (on the large document) once the other has run
    out of documents: over three samples in a row exactly one worker's CPU time grew, the same one."""
    streak: list[int] = []
    while len(streak) < 3:
        assert ingesting.is_alive(), "the batch ended before a worker could be killed"
        # only the batch's workers: children this process had before (other tests' helpers) do not count
        before = {p.pid: cpu_ticks(p.pid) for p in multiprocessing.active_children() if p.pid and p.pid not in older}
        workers = [pid for pid, ticks in before.items() if ticks >= 0]
        time.sleep(0.2)
        grew = [pid for pid in workers if cpu_ticks(pid) > before[pid]]
        lone = len(workers) == 2 and len(grew) == 1
        streak = streak + grew if lone and (not streak or streak[-1] == grew[0]) else []
    return streak[-1]


def test_a_killed_worker_fails_its_document_only_and_a_rerun_retries_it(tmp_path: Path):
    paths, large = batch(tmp_path / "in")
    outcomes: list[Outcome] = []
    result: dict = {}
    with Store(tmp_path / "kb.sqlite") as store:
        thread = threading.Thread(target=lambda: result.update(ingest(paths, store, workers=2, on_outcome=outcomes.append).as_dict()))
        older = {p.pid for p in multiprocessing.active_children() if p.pid}
        thread.start()
        victim = lone_busy_worker(thread, older)
        assert str(large) not in {o.locator for o in outcomes}, "the large document finished before the kill"
        os.kill(victim, signal.SIGKILL)
        thread.join(timeout=600)
        assert not thread.is_alive()

        assert result["new"] == len(paths) - 1 and result["failed"] == 1
        (failure,) = result["failures"]
        assert failure["source"] == str(large)
        assert failure["reason"].startswith(f"worker process died while converting {large}")
        # the exit status is named when the worker's process could still be asked ("killed by SIGKILL");
        # if another waiter reaped it first, the reason says no more than that it died
        assert "SIGKILL" in failure["reason"] or failure["reason"].endswith("; a re-run retries it")
        assert [(f["locator"], f["kind"]) for f in store.failures()] == [(str(large), "worker-died")]
        stored = {d["source"] for d in store.document_rows()}
        assert stored == {str(p) for p in paths if p != large}

        again = ingest(paths, store, workers=2).as_dict()
        assert (again["new"], again["unchanged"], again["failed"]) == (1, len(paths) - 1, 0)
        assert store.failures() == []
        assert str(large) in {d["source"] for d in store.document_rows()}


def test_two_workers_store_in_input_order_like_one(tmp_path: Path):
    """Resolution and export list things in storage order: a pool must store what a serial run
    stores, in the same order, even when a later document finishes first."""
    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for k, size in enumerate([60, 1, 1, 8, 1, 1, 1, 20, 1, 1]):  # the large ones finish after their successors
        path = folder / f"{k:02d}.txt"
        path.write_text("\n\n".join(PARAGRAPH.format(i=100 * k + i) for i in range(size)), encoding="utf-8")
        paths.append(path)

    def stored(workers: int) -> tuple[list, list]:
        with Store(tmp_path / f"w{workers}.sqlite") as store:
            ingest(paths, store, workers=workers)
            order = [r["source"] for r in store.db.query("SELECT source FROM documents ORDER BY rowid")]
            facts = [(s.entity, s.prop, s.value, s.span.document, s.span.start) for s in store.statements()]
            return order, facts

    one, two = stored(1), stored(2)
    assert one[0] == [str(p) for p in paths]
    assert two == one


def test_a_large_file_and_a_large_result_cross_the_pipes_at_once(tmp_path: Path):
    """A worker sends back a result larger than a pipe holds while the writer hands it a file larger
    than a pipe holds: neither may wait on the other for ever."""
    folder = tmp_path / "in"
    folder.mkdir()
    # input order decides the lanes: 0 and 2 go to the first worker, 1 to the second
    (folder / "0-long.txt").write_text("\n\n".join(PARAGRAPH.format(i=i) for i in range(300)), encoding="utf-8")
    (folder / "1-short.txt").write_text(PARAGRAPH.format(i=0), encoding="utf-8")
    (folder / "2-junk.txt").write_bytes(bytes(range(256)) * 8192)  # 2 MB, refused as not text
    for k in range(3, 6):
        (folder / f"{k}-short.txt").write_text(PARAGRAPH.format(i=k), encoding="utf-8")
    result: dict = {}
    with Store(tmp_path / "kb.sqlite") as store:
        thread = threading.Thread(target=lambda: result.update(ingest([folder], store, workers=2).as_dict()),
                                  daemon=True)
        thread.start()
        thread.join(timeout=300)
        assert not thread.is_alive(), "the writer and a worker wait on each other"
    assert (result["new"], result["failed"]) == (5, 1)
    assert [f["source"] for f in result["failures"]] == [str(folder / "2-junk.txt")]


def test_a_worker_that_died_idle_is_replaced_and_no_document_is_blamed():
    from integraph.pipeline import Input
    from integraph.pool import Lane, collect

    lane = Lane(True, [])
    lane.proc.kill()  # between documents: it holds none
    lane.proc.join()
    data = PARAGRAPH.format(i=7).encode()
    got: list = []
    try:
        lane.submit(0, Input("idle.txt", lambda: data), data)
        while lane.jobs:
            collect([lane], lambda *delivered: got.append(delivered))
    finally:
        lane.close()
    ((seq, item, _, result),) = got
    assert (seq, item.locator, result.error_kind) == (0, "idle.txt", None)
    assert result.rows is not None and result.rows.statements


def test_a_result_that_cannot_cross_the_pipe_fails_its_document_only(tmp_path: Path, monkeypatch):
    """A bug of ours that makes a result unpicklable is recorded against that document; the worker
    and the batch go on."""
    import integraph.pool
    from integraph.pipeline import prepare

    def flawed(locator, data, media_type=None, extraction=True):
        result = prepare(locator, data, media_type, extraction)
        if locator.endswith("b.txt"):
            result.reason = lambda: None  # not picklable
        return result

    monkeypatch.setattr(integraph.pool, "prepare", flawed)  # the forked workers inherit the patch
    folder = tmp_path / "in"
    folder.mkdir()
    for k, name in enumerate(["a.txt", "b.txt", "c.txt", "d.txt"]):
        (folder / name).write_text(PARAGRAPH.format(i=k), encoding="utf-8")
    with Store(tmp_path / "kb.sqlite") as store:
        report = ingest([folder], store, workers=2).as_dict()
        assert (report["new"], report["failed"]) == (3, 1)
        (failure,) = report["failures"]
        assert failure["source"].endswith("b.txt") and failure["reason"].startswith("internal: ")
        assert [f["kind"] for f in store.failures()] == ["internal"]
