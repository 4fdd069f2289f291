"""Ingest speed-up from a second worker process.

    .venv/bin/python bench/scaling.py [--docs 200] [--max-bytes 0] [--repeat 1]

Generates N distinct documents from the example corpus (bench/generated.py)
in a temp dir and ingests them with `integraph ingest --workers 1`, then
`--workers 2`, each in a fresh process into a fresh SQLite file (so both
pay the same start-up: imports, language tables).  Prints one line: docs/s
of each and the speed-up, with the CPU seconds each run used (the ingest
process and its workers) and what other processes on the machine used
meanwhile: on a machine busy with other work the wall times mean little.
With --repeat N the runs alternate N times and the fastest of each counts; the
speed-up of each round (its 1-worker time over its 2-worker time) is printed too,
with their median, and the load average before and after: on a shared host one
round can land far from the others.

Two more figures bound what a second worker can give:

* the start-up: the same command on the corpus's first document alone, what
  every run pays whatever its size (interpreter, imports, the language model
  and tables, one document).  It stays serial however many workers there
  are: with start-up S and a 1-worker time T, two perfect workers reach at
  most T / (S + (T - S) / 2) (Amdahl);
* the machine: a loop that only counts, nothing shared, run in 1 and then 2
  processes at once.  Two virtual cores are not always two cores' worth of
  work: on a shared host the second one can slow the first down.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated import make_corpus  # noqa: E402
from ingest_run import run_ingest  # noqa: E402

LOOP_SECONDS = 2.0


def _count(seconds: float, out: Any) -> None:
    end, n = time.perf_counter() + seconds, 0
    while time.perf_counter() < end:
        for _ in range(10_000):
            n += 1
    out.put(n)


def loop_rate(processes: int, seconds: float = LOOP_SECONDS) -> float:
    """Loop turns per second that `processes` processes counting at once reach together."""
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    out = context.Queue()
    procs = [context.Process(target=_count, args=(seconds, out)) for _ in range(processes)]
    for p in procs:
        p.start()
    total = sum(out.get() for _ in procs)
    for p in procs:
        p.join()
    return total / seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--max-bytes", type=int, default=0, help="keep text variants under this size (0: full size)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=1, help="alternate the runs N times, keep the fastest of each")
    args = ap.parse_args()
    best: dict[int, dict] = {}  # workers -> the report of the fastest run
    rounds: list[float] = []  # each round's 1-worker seconds over its 2-worker seconds
    load_before = os.getloadavg()[0]
    startup, loops = float("inf"), {1: 0.0, 2: 0.0}
    with tempfile.TemporaryDirectory(prefix="integraph-scaling-") as tmp:
        corpus = Path(tmp) / "corpus"
        make_corpus(corpus, args.docs, seed=args.seed, max_bytes=args.max_bytes or None)
        first = Path(tmp) / "first"
        make_corpus(first, 1, seed=args.seed, max_bytes=args.max_bytes or None)
        for k in range(args.repeat):
            for n in (1, 2):
                loops[n] = max(loops[n], loop_rate(n))
            startup = min(startup, run_ingest(first, str(Path(tmp) / f"first-{k}.sqlite"), 1)["seconds"])
            seconds = {}
            for workers in (1, 2):
                r = run_ingest(corpus, str(Path(tmp) / f"w{workers}-{k}.sqlite"), workers)
                assert r["new"] + r["failed"] == args.docs, r
                seconds[workers] = r["seconds"]
                if workers not in best or r["seconds"] < best[workers]["seconds"]:
                    best[workers] = r
            rounds.append(seconds[1] / seconds[2])
    rate = {w: args.docs / r["seconds"] for w, r in best.items()}
    line = "; ".join(f"{w} worker{'s' if w > 1 else ''} {rate[w]:.2f} docs/s ({r['seconds']:.1f} s, {r['cpu']:.1f} CPU-s, "
                     f"others {r['others_cpu']:.1f} CPU-s)" for w, r in sorted(best.items()))
    one = best[1]["seconds"]
    ceiling = one / (startup + (one - startup) / 2)
    print(f"scaling: {args.docs} docs; {line}; speed-up {rate[2] / rate[1]:.2f}x; "
          f"start-up (1 document) {startup:.2f} s, so at most {ceiling:.2f}x; "
          f"a counting loop in 2 processes {loops[2] / loops[1]:.2f}x; "
          f"rounds {' '.join(f'{x:.2f}x' for x in rounds)} (median {statistics.median(rounds):.2f}x); "
          f"load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")


if __name__ == "__main__":
    main()
