"""Shared by the ingest benchmarks: run `integraph ingest` in a child process and watch its memory."""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")


def machine_busy() -> float:
    """CPU seconds every process on this machine has used since boot (Linux /proc/stat, all cores)."""
    with open("/proc/stat") as f:
        user, nice, system, idle, iowait, irq, softirq, steal = map(int, f.readline().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / TICK


def own_cpu() -> tuple[float, float]:
    """CPU seconds of (this process, its finished descendants: a finished ingest and its workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def tree_rss(pid: int) -> tuple[int, int, int]:
    """(RSS of `pid`, summed RSS and summed PSS of `pid` and all its descendants) in bytes, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        child = int(entry)
        children.setdefault(int(fields[1]), []).append(child)  # fields[1] is ppid
        rss[child] = int(fields[21]) * PAGE  # fields[21] is rss in pages
    total, pss, todo = 0, 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        pss += _pss(p)
        todo.extend(children.get(p, []))
    return rss.get(pid, 0), total, pss


def _pss(pid: int) -> int:
    """Proportional set size: shared pages (forked workers share the parent's) counted once overall."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_ingest(corpus: Path, db: str, workers: int, extra: list[str] | None = None) -> dict:
    """Ingest `corpus` into `db` in a fresh process; return its JSON report plus seconds, CPU seconds
    (its own and other processes'), and peak RSS."""
    env = dict(os.environ, INTEGRAPH_NO_PROGRESS="1")
    cmd = [sys.executable, "-m", "integraph", "ingest", str(corpus), "--db", db, "--workers", str(workers),
           "--no-resolve", "--json", *(extra or [])]
    busy, mine = machine_busy(), own_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak_parent = peak_tree = peak_pss = 0
    while proc.poll() is None:
        parent, tree, pss = tree_rss(proc.pid)
        peak_parent, peak_tree, peak_pss = max(peak_parent, parent), max(peak_tree, tree), max(peak_pss, pss)
        time.sleep(0.2)
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise SystemExit(f"ingest failed ({proc.returncode}): {err[-2000:]}")
    me, ingest = (after - before for after, before in zip(own_cpu(), mine))
    report = json.loads(out)
    # cpu: the ingest process and its workers; others_cpu: every other process on the machine meanwhile
    # (other people's jobs), besides this one's sampling: wall times mean little when it is large
    report.update(seconds=seconds, cpu=ingest, others_cpu=max(0.0, machine_busy() - busy - me - ingest),
                  peak_parent=peak_parent, peak_tree=peak_tree, peak_pss=peak_pss)
    return report
