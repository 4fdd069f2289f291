"""Milliseconds per document for all recognisers together (`find_all`), over the seeds and the examples.

Run: .venv/bin/python bench/recognise.py
Text files are read as they are; other formats are skipped (converting them is not what is measured).
The language is taken from the file name's prefix ("pl-…") or the gold file for the seeds.
Times are CPU time (time.process_time) of find_all, median of 5 runs.
Each document is run once to warm the per-language tables (CLDR months, simplemma), then timed.
"""
from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from integraph.extract.recognise import find_all

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def documents() -> list[tuple[str, str, str | None]]:
    docs = []
    gold = SHARED / "gold" / "seeds.json"
    if gold.is_file():
        for d in json.loads(gold.read_text(encoding="utf-8"))["documents"]:
            docs.append((d["file"], (SHARED / "seeds" / d["file"]).read_text(encoding="utf-8"), d["language"]))
    for path in sorted((ROOT / "examples").rglob("*")):
        if path.suffix in (".txt", ".md") and path.is_file():
            lang = path.name.split("-", 1)[0] if "-" in path.name else None
            docs.append((path.name, path.read_text(encoding="utf-8", errors="replace"), lang))
    return docs


def main(repeat: int = 5) -> None:
    rows = []
    for name, text, lang in documents():
        find_all(text, lang)  # warm-up: month tables and lemma dictionaries load once per language
        times = []
        for _ in range(repeat):
            t0 = time.process_time()  # CPU time: other work on a shared 2-core box inflates wall time
            found = find_all(text, lang)
            times.append((time.process_time() - t0) * 1000)
        rows.append((name, len(text), len(found), statistics.median(times)))
        print(f"{name[:50]:50} {len(text):7d} chars {len(found):4d} values {statistics.median(times):7.2f} ms")
    if rows:
        per_15k = statistics.median(ms / max(n, 1) * 15000 for _, n, _, ms in rows)
        print(f"median over {len(rows)} documents: {statistics.median(r[3] for r in rows):.2f} ms/doc, "
              f"{per_15k:.2f} ms per 15 kB")


if __name__ == "__main__":
    main()
