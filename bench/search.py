"""Search latency on a large knowledge base built from the example corpus.

    .venv/bin/python bench/search.py [--docs N] [--repeat R] [--db PATH]

Builds N documents (default 100 000, the issue's target) by recombining the
example corpus's paragraphs (3–6 per document, seeded, each document with its
own id, language and year), indexes them with `integraph.search.index`, then
runs a fixed multilingual query list R times and prints one line: documents,
paragraphs, index time, index size, p50/p95/max search latency in ms.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from integraph.convert import to_document  # noqa: E402
from integraph.errors import IntegraphError  # noqa: E402
from integraph.model import content_id  # noqa: E402
from integraph.search import index, search  # noqa: E402
from integraph.store import Store, now  # noqa: E402
from integraph.textutil import lemmatise  # noqa: E402

QUERIES = ["e-services", "refugees", "language courses", "Bruksela", "integration", "housing", "AMIF",
           "бежанци", "uchodźcy", "cizinci", "Sprachkurs", "legal aid", "volunteers", "labour market",
           "\"third-country nationals\"", "Warszawa"]


def corpus_paragraphs() -> list[tuple[str, str | None]]:
    """(text, language) of every paragraph of the example corpus, lemmatised once later."""
    out = []
    for path in sorted((ROOT / "examples" / "corpus").iterdir()):
        try:
            doc = to_document(path.read_bytes(), str(path))
        except IntegraphError:
            continue
        for a, b in doc.paragraphs:
            text = doc.text[a:b].strip()
            if len(text) > 30:
                out.append((text, doc.language))
    return out


def build(store: Store, n_docs: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    paras = corpus_paragraphs()
    lemmas = [lemmatise(t, lang) for t, lang in paras]  # a paragraph's lemmas depend only on its text
    stamp = now()
    total = 0
    batch_docs, batch_paras = [], []
    for i in range(n_docs):
        picks = rng.sample(range(len(paras)), k=min(len(paras), rng.randint(3, 6)))
        lang = paras[picks[0]][1]
        texts = [paras[j][0] for j in picks]
        text = f"Document {i}\n\n" + "\n\n".join(texts)
        raw = text.encode("utf-8")
        doc_id = content_id(raw + str(i).encode())
        batch_docs.append((doc_id, f"bench/{i}.txt", 1, "text/plain", lang, f"Document {i}", str(2010 + i % 16),
                           text, "[]", raw, len(raw), stamp))
        pos = len(f"Document {i}\n\n")
        for k, j in enumerate(picks):
            batch_paras.append((doc_id, k, pos, pos + len(paras[j][0]), paras[j][1], paras[j][0], lemmas[j]))
            pos += len(paras[j][0]) + 2
        total += len(picks)
        if len(batch_docs) >= 5000 or i == n_docs - 1:
            with store.transaction() as db:
                db.executemany(
                    "INSERT INTO documents(id, source, version, media_type, language, title, date, text, sections, "
                    "original, size, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch_docs)
                db.executemany(
                    "INSERT INTO paragraphs(document, idx, start_, end_, language, text, lemmas) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)", batch_paras)
            batch_docs, batch_paras = [], []
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--db", type=Path, default=None, help="keep the built KB here (default: a temp file)")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    path = args.db or Path(tmp.name) / "bench.sqlite"
    with Store(path) as store:
        t0 = time.perf_counter()
        n_paras = build(store, args.docs)
        t1 = time.perf_counter()
        index(store, export={})  # paragraphs only: entity facets need extraction, not measured here
        t2 = time.perf_counter()
        for q in QUERIES:  # warm up: dictionaries of each language load on first use
            search(store, q, limit=10)
        times = []
        for _ in range(args.repeat):
            for q in QUERIES:
                a = time.perf_counter()
                search(store, q, limit=10)
                times.append((time.perf_counter() - a) * 1000)
    size = os.path.getsize(path) / 1e6
    times.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    print(f"search: {args.docs} docs, {n_paras} paragraphs, build {t1 - t0:.1f} s, index {t2 - t1:.1f} s, "
          f"db {size:.0f} MB, {len(times)} queries: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
          f"max {times[-1]:.1f} ms")
    tmp.cleanup()


if __name__ == "__main__":
    main()
