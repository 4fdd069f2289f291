"""Ingest speed-up from a second worker process.

    .venv/bin/python bench/scaling.py [--docs 200] [--max-bytes 0]

Generates N distinct documents from the example corpus (bench/generated.py)
in a temp dir and ingests them with `integraph ingest --workers 1`, then
`--workers 2`, each in a fresh process into a fresh SQLite file (so both
pay the same start-up: imports, language tables).  Prints one line: docs/s
of each and the speed-up.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated import make_corpus  # noqa: E402
from ingest_run import run_ingest  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--max-bytes", type=int, default=0, help="keep text variants under this size (0: full size)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="integraph-scaling-") as tmp:
        corpus = Path(tmp) / "corpus"
        make_corpus(corpus, args.docs, seed=args.seed, max_bytes=args.max_bytes or None)
        rate = {}
        for workers in (1, 2):
            r = run_ingest(corpus, str(Path(tmp) / f"w{workers}.sqlite"), workers)
            assert r["new"] + r["failed"] == args.docs, r
            rate[workers] = (args.docs / r["seconds"], r["seconds"])
    print(f"scaling: {args.docs} docs; 1 worker {rate[1][0]:.2f} docs/s ({rate[1][1]:.1f} s); "
          f"2 workers {rate[2][0]:.2f} docs/s ({rate[2][1]:.1f} s); speed-up {rate[2][0] / rate[1][0]:.2f}x")


if __name__ == "__main__":
    main()
