"""Ingest speed-up from a second worker process.

    .venv/bin/python bench/scaling.py [--docs 200] [--max-bytes 0] [--repeat 1]

Generates N distinct documents from the example corpus (bench/generated.py)
in a temp dir and ingests them with `integraph ingest --workers 1`, then
`--workers 2`, each in a fresh process into a fresh SQLite file (so both
pay the same start-up: imports, language tables).  Prints one line: docs/s
of each and the speed-up, with the CPU seconds each run used (the ingest
process and its workers) and the load average before it: on a machine busy
with other work the wall times mean little, the CPU seconds still do.
With --repeat N the 1- and 2-worker runs alternate N times and the fastest
of each counts.

It also times the same command on the corpus's first document alone: what
every run pays whatever its size (interpreter, imports, the language model
and tables, one document).  That part stays serial however many workers
there are, so it bounds the speed-up (Amdahl): with start-up S and a 1-worker
time T, two perfect workers reach at most T / (S + (T - S) / 2).
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated import make_corpus  # noqa: E402
from ingest_run import run_ingest  # noqa: E402


def children_cpu() -> float:
    """CPU seconds of every finished descendant: the ingest process and, through it, its workers."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--max-bytes", type=int, default=0, help="keep text variants under this size (0: full size)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=1, help="alternate the runs N times, keep the fastest of each")
    args = ap.parse_args()
    best: dict[int, tuple[float, float, float]] = {}  # workers -> (seconds, cpu seconds, load before)
    startup = float("inf")
    with tempfile.TemporaryDirectory(prefix="integraph-scaling-") as tmp:
        corpus = Path(tmp) / "corpus"
        make_corpus(corpus, args.docs, seed=args.seed, max_bytes=args.max_bytes or None)
        first = Path(tmp) / "first"
        make_corpus(first, 1, seed=args.seed, max_bytes=args.max_bytes or None)
        for k in range(args.repeat):
            startup = min(startup, run_ingest(first, str(Path(tmp) / f"first-{k}.sqlite"), 1)["seconds"])
            for workers in (1, 2):
                db = Path(tmp) / f"w{workers}-{k}.sqlite"
                load, cpu = os.getloadavg()[0], children_cpu()
                r = run_ingest(corpus, str(db), workers)
                cpu = children_cpu() - cpu
                assert r["new"] + r["failed"] == args.docs, r
                if workers not in best or r["seconds"] < best[workers][0]:
                    best[workers] = (r["seconds"], cpu, load)
    rate = {w: args.docs / s for w, (s, _, _) in best.items()}
    line = "; ".join(f"{w} worker{'s' if w > 1 else ''} {rate[w]:.2f} docs/s ({s:.1f} s, {cpu:.1f} CPU-s, load {load:.1f})"
                     for w, (s, cpu, load) in sorted(best.items()))
    one = best[1][0]
    ceiling = one / (startup + (one - startup) / 2)
    print(f"scaling: {args.docs} docs; {line}; speed-up {rate[2] / rate[1]:.2f}x; "
          f"start-up (1 document) {startup:.2f} s, so at most {ceiling:.2f}x")


if __name__ == "__main__":
    main()
