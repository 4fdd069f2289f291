"""How much extraction adds to conversion, in one run over the same documents.

    .venv/bin/python bench/extract.py [PATHS…] [--repeat N]

Prints one line: documents, conversion ms/doc, extraction ms/doc, and the share
extraction adds to conversion.  The first pass (dictionary and gazetteer
loading) is reported separately from the warm passes.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

from integraph.convert import to_document
from integraph.extract import extract
from integraph.sources.files import iter_files

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path, default=[ROOT / "examples" / "corpus"])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = [(p, p.read_bytes()) for p in iter_files(args.paths)]
    t0 = time.perf_counter()
    docs = [to_document(data, str(p)) for p, data in files]
    for d in docs:
        extract(d)
    cold = time.perf_counter() - t0
    conv, ext = [], []
    for _ in range(args.repeat):
        t = time.perf_counter()
        docs = [to_document(data, str(p)) for p, data in files]
        conv.append((time.perf_counter() - t) / len(files))
        t = time.perf_counter()
        for d in docs:
            extract(d)
        ext.append((time.perf_counter() - t) / len(files))
    c, e = statistics.median(conv), statistics.median(ext)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"docs={len(files)} cold_first_pass={cold:.1f}s convert={c * 1000:.1f}ms/doc extract={e * 1000:.1f}ms/doc "
          f"extraction_adds={e / c * 100:.0f}% peak_rss={rss:.0f}MB")


if __name__ == "__main__":
    main()
