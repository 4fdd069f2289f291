"""Search latency on a large knowledge base built from the example corpus.

    .venv/bin/python bench/search.py [--docs N | --paragraphs P] [--repeat R] [--db PATH|URL] [--reuse]

Builds N documents (default 100 000, the issue's target) by recombining the
example corpus's paragraphs (3–6 per document, seeded, each document with its
own id, language and year), or, with --paragraphs P, P/5 documents of exactly
5 paragraphs; indexes them with `integraph.search.index`, then runs a fixed
multilingual query list R times and prints one line: documents, paragraphs,
build and index time, database size, peak RSS, p50/p95/max search latency in ms.

Each distinct corpus paragraph is lemmatised once; documents go in with
executemany in transactions of 5 000.  --db takes a file or a postgresql://
URL (an empty database); --reuse searches an already built --db again.
"""
from __future__ import annotations

import argparse
import os
import resource
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


def build(store: Store, n_docs: int, seed: int = 7, per_doc: int | None = None) -> int:
    rng = random.Random(seed)
    paras = corpus_paragraphs()
    lemmas = [lemmatise(t, lang) for t, lang in paras]  # a paragraph's lemmas depend only on its text
    stamp = now()
    total = 0
    batch_docs, batch_paras = [], []
    for i in range(n_docs):
        picks = rng.sample(range(len(paras)), k=min(len(paras), per_doc or rng.randint(3, 6)))
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
    size = ap.add_mutually_exclusive_group()
    size.add_argument("--docs", type=int, default=100_000)
    size.add_argument("--paragraphs", type=int, default=None, help="build P/5 documents of 5 paragraphs")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--db", default=None, help="keep the built KB here, a file or postgresql:// URL (default: a temp file)")
    ap.add_argument("--reuse", action="store_true", help="search --db as it is (built by an earlier run)")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    path = args.db or str(Path(tmp.name) / "bench.sqlite")
    n_docs = args.paragraphs // 5 if args.paragraphs else args.docs
    with Store(path) as store:
        t0 = time.perf_counter()
        if args.reuse:
            n_docs = store.counts()["documents"]
            n_paras = store.counts()["paragraphs"]
        else:
            n_paras = build(store, n_docs, per_doc=5 if args.paragraphs else None)
        t1 = time.perf_counter()
        index(store, export={})  # paragraphs only: entity facets need extraction, not measured here
        t2 = time.perf_counter()
        for q in QUERIES:  # warm up: dictionaries of each language load on first use
            search(store, q, limit=10)
        times, cpu = [], []
        for _ in range(args.repeat):
            for q in QUERIES:
                a, c = time.perf_counter(), time.process_time()
                search(store, q, limit=10)
                times.append((time.perf_counter() - a) * 1000)
                cpu.append((time.process_time() - c) * 1000)
        dialect = store.db.dialect.name
        if dialect == "postgresql":
            mb = store.db.query("SELECT pg_database_size(current_database()) AS n")[0]["n"] / 1e6
    if dialect == "sqlite":  # after closing: the last connection checkpoints the WAL into the file
        mb = os.path.getsize(path) / 1e6
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    times.sort()
    cpu.sort()
    p95 = times[max(0, int(len(times) * 0.95) - 1)]
    # CPU time too: on a shared machine wall time also counts waiting for a core.
    cpu_p95 = cpu[max(0, int(len(cpu) * 0.95) - 1)]
    print(f"search: {n_docs} docs, {n_paras} paragraphs, {dialect}, build {t1 - t0:.1f} s, "
          f"index {t2 - t1:.1f} s, db {mb:.0f} MB, peak RSS {rss:.0f} MB, {len(times)} queries: "
          f"p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms "
          f"(CPU p50 {statistics.median(cpu):.1f}, p95 {cpu_p95:.1f} ms; load {os.getloadavg()[0]:.1f})")
    tmp.cleanup()


if __name__ == "__main__":
    main()
