"""Extraction time against document length: it should grow linearly, not faster.

    .venv/bin/python bench/long_document.py [--paragraphs 100 200 400 800 1600] [--flat]

Builds Markdown documents of N paragraphs from the example corpus's own
paragraphs (each example document's text in turn, under a heading of its own,
repeated until N), converts each once and times `extract` alone.  Prints one
line per size: paragraphs, characters, extraction seconds, milliseconds per
paragraph.  A flat ms/paragraph column means linear time.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from integraph.convert import to_document  # noqa: E402
from integraph.extract import extract  # noqa: E402


def example_paragraphs() -> list[str]:
    out = []
    for path in sorted((ROOT / "examples" / "corpus").iterdir()):
        doc = to_document(path.read_bytes(), str(path))
        out.append(f"## {doc.title or path.stem}")
        out.extend(doc.text[a:b].strip() for a, b in doc.paragraphs if doc.text[a:b].strip())
    return out


def long_markdown(paragraphs: list[str], n: int) -> str:
    # each pass over the corpus renames its projects ("„Нови съседи 3“"), so a long document
    # holds many projects, as a national list or a multi-year report does
    body = [re.sub(r"([“”\"»])", rf" {i // len(paragraphs)}\1", paragraphs[i % len(paragraphs)], count=1)
            for i in range(n)]
    return "# Collected reports\n\n" + "\n\n".join(body) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--paragraphs", type=int, nargs="+", default=[100, 200, 400, 800, 1600])
    ap.add_argument("--flat", action="store_true", help="no headings: one long run of paragraphs")
    args = ap.parse_args()
    paragraphs = [p.lstrip("# ") if args.flat else p for p in example_paragraphs()]
    extract(to_document(long_markdown(paragraphs, 20).encode(), "warm.md"))  # load gazetteers once
    for n in args.paragraphs:
        doc = to_document(long_markdown(paragraphs, n).encode(), f"long-{n}.md")
        t = time.perf_counter()
        statements = extract(doc)
        seconds = time.perf_counter() - t
        print(f"paragraphs={n} chars={len(doc.text)} statements={len(statements)} extract={seconds:.2f}s "
              f"per_paragraph={seconds / n * 1000:.1f}ms", flush=True)


if __name__ == "__main__":
    main()
