"""How much extraction adds to conversion, and to the whole ingest, in one run over the same documents.

    .venv/bin/python bench/extract.py [PATHS…] [--repeat N] [--cpu] [--stages]

Prints two lines:
  * conversion ms/doc against extraction ms/doc (`to_document`, then `extract`), and the share
    extraction adds to conversion;
  * full ingest ms/doc (`pipeline.ingest`, one worker, into a fresh temporary SQLite store:
    reading, conversion, extraction, storing) with extraction and without it
    (`ingest(..., extraction=False)`), and the share extraction adds to the ingest.
The first pass (dictionary and gazetteer loading) is reported separately from the warm
passes; each figure is the median of the warm passes, the two kinds of pass interleaved so
that a busy machine weighs on both alike.

`--cpu` adds lines in CPU time of this process: conversion and extraction, and the ingest with
and without extraction (medians of the same passes), then the same from the fastest pass of
each kind: on a machine shared with other jobs, wall time also counts theirs, and even CPU
time swells when they contend for the caches, while nothing makes a pass faster than its cost.

`--stages` adds one more warm pass under cProfile and prints each step `extract` calls
(analyse, find_frames, organisations, fill, …) with its share of extraction time, and the
costliest functions inside them: where to look first.  The profiler slows Python code down,
so read the shares, not the milliseconds.
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import statistics
import tempfile
import time
from pathlib import Path

from integraph.convert import to_document
from integraph.extract import extract
from integraph.pipeline import ingest
from integraph.sources.files import iter_files
from integraph.store import Store

ROOT = Path(__file__).resolve().parent.parent


def ingest_seconds(paths: list[Path], folder: Path, extraction: bool) -> tuple[float, float]:
    """One full ingest of `paths` into a new SQLite file; (wall, CPU) seconds per document."""
    fd, db = tempfile.mkstemp(suffix=".sqlite", dir=folder)
    os.close(fd)
    os.unlink(db)
    start, cpu = time.perf_counter(), time.process_time()
    with Store(db) as store:
        summary = ingest(paths, store, extraction=extraction)
    elapsed, used = time.perf_counter() - start, time.process_time() - cpu
    assert summary.count("new") + summary.count("failed") == len(paths), summary.as_dict()
    return elapsed / len(paths), used / len(paths)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path, default=[ROOT / "examples" / "corpus"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cpu", action="store_true", help="also conversion and extraction in CPU time")
    ap.add_argument("--stages", action="store_true", help="profile one more pass: extraction time by step")
    args = ap.parse_args()
    os.environ["INTEGRAPH_NO_PROGRESS"] = "1"
    paths = list(iter_files(args.paths))
    files = [(p, p.read_bytes()) for p in paths]
    t0 = time.perf_counter()
    docs = [to_document(data, str(p)) for p, data in files]
    for d in docs:
        extract(d)
    cold = time.perf_counter() - t0
    conv, ext, with_x, without_x, conv_cpu, ext_cpu, with_cpu, without_cpu = [], [], [], [], [], [], [], []
    with tempfile.TemporaryDirectory(prefix="integraph-bench-extract-") as tmp:
        for _ in range(args.repeat):
            t, cpu = time.perf_counter(), time.process_time()
            docs = [to_document(data, str(p)) for p, data in files]
            conv.append((time.perf_counter() - t) / len(files))
            conv_cpu.append((time.process_time() - cpu) / len(files))
            t, cpu = time.perf_counter(), time.process_time()
            for d in docs:
                extract(d)
            ext.append((time.perf_counter() - t) / len(files))
            ext_cpu.append((time.process_time() - cpu) / len(files))
            for extraction, wall, cpu_used in ((True, with_x, with_cpu), (False, without_x, without_cpu)):
                seconds = ingest_seconds(paths, Path(tmp), extraction=extraction)
                wall.append(seconds[0])
                cpu_used.append(seconds[1])
    c, e = statistics.median(conv), statistics.median(ext)
    w, wo = statistics.median(with_x), statistics.median(without_x)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"docs={len(files)} cold_first_pass={cold:.1f}s convert={c * 1000:.1f}ms/doc extract={e * 1000:.1f}ms/doc "
          f"extraction_adds={e / c * 100:.0f}% peak_rss={rss:.0f}MB")
    print(f"ingest into SQLite: with extraction {w * 1000:.1f}ms/doc, without {wo * 1000:.1f}ms/doc; "
          f"extraction adds {(w - wo) / wo * 100:.0f}% to ingest time")
    if args.cpu:
        cc, ec = statistics.median(conv_cpu), statistics.median(ext_cpu)
        print(f"cpu time: convert={cc * 1000:.1f}ms/doc extract={ec * 1000:.1f}ms/doc extraction_adds={ec / cc * 100:.0f}%")
        iw, iwo = statistics.median(with_cpu), statistics.median(without_cpu)
        print(f"cpu time, ingest: with extraction {iw * 1000:.1f}ms/doc, without {iwo * 1000:.1f}ms/doc; "
              f"extraction adds {(iw - iwo) / iwo * 100:.0f}%")
        # On a host shared with other jobs a pass is only ever slowed down, never sped up: the fastest
        # pass of each kind is the least disturbed estimate of its own cost (the rule of Python's timeit)
        fc, fe, fw, fwo = min(conv_cpu), min(ext_cpu), min(with_cpu), min(without_cpu)
        print(f"cpu time, fastest pass of each: convert={fc * 1000:.1f}ms/doc extract={fe * 1000:.1f}ms/doc "
              f"(adds {fe / fc * 100:.0f}%); ingest with extraction {fw * 1000:.1f}ms/doc, without "
              f"{fwo * 1000:.1f}ms/doc (adds {(fw - fwo) / fwo * 100:.0f}%)")
    if args.stages:
        stages([to_document(data, str(p)) for p, data in files])


def stages(docs: list) -> None:
    """Share of extraction time of each function `extract` calls, and the costliest functions overall."""
    profiler = cProfile.Profile()
    profiler.enable()
    for d in docs:
        extract(d)
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # (file, line, name) -> (calls, prim, tottime, cumtime, callers)
    top = next(k for k in stats if k[2] == "extract" and k[0].endswith(os.path.join("extract", "__init__.py")))
    total = stats[top][3]
    steps = sorted(((v[4][top][3], k) for k, v in stats.items() if top in v[4]), reverse=True)
    print(f"extraction steps under cProfile ({total / len(docs) * 1000:.1f}ms/doc profiled):")
    for cum, (file, line, name) in steps:
        print(f"  {cum / total * 100:5.1f}%  {name}  ({Path(file).relative_to(ROOT) if file.startswith(str(ROOT)) else file}:{line})")
    print("costliest functions by own time:")
    own = sorted(((v[2], k) for k, v in stats.items()), reverse=True)[:12]
    for tt, (file, line, name) in own:
        where = Path(file).relative_to(ROOT) if file.startswith(str(ROOT)) else Path(file).name
        print(f"  {tt / total * 100:5.1f}%  {name}  ({where}:{line})")


if __name__ == "__main__":
    main()
