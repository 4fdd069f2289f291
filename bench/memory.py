"""Peak memory of a large ingest: parent plus worker processes.

    .venv/bin/python bench/memory.py [--docs 10000] [--workers 2]

Generates N distinct documents from the example corpus with variation
(bench/generated.py) in a temp dir, runs `integraph ingest --workers W` on
them in a fresh process and samples the RSS of that process and all its
children every 0.2 s from /proc.  Prints one line: documents, time, peak of
the tree's summed RSS (counts pages shared by forked workers twice) and
summed PSS (counts them once), and the parent's RSS.  Memory should stay flat as N
grows: the pipeline keeps at most 2×W documents in flight.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated import make_corpus  # noqa: E402
from ingest_run import run_ingest  # noqa: E402

MB = 1024 * 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="integraph-memory-") as tmp:
        corpus = Path(tmp) / "corpus"
        make_corpus(corpus, args.docs, seed=args.seed)
        r = run_ingest(corpus, str(Path(tmp) / "kb.sqlite"), args.workers)
        size = (Path(tmp) / "kb.sqlite").stat().st_size
    print(f"memory: {args.docs} docs ({r['new']} new, {r['failed']} failed), {args.workers} workers, "
          f"{r['seconds']:.0f} s ({args.docs / r['seconds']:.1f} docs/s); peak of the process tree: RSS sum "
          f"{r['peak_tree'] / MB:.0f} MB, PSS sum {r['peak_pss'] / MB:.0f} MB (parent RSS {r['peak_parent'] / MB:.0f} MB); "
          f"{r['statements']} facts, db {size / MB:.0f} MB")


if __name__ == "__main__":
    main()
