"""Ingest throughput: `to_document` (and the full pipeline, when present) versus the bare converters.

    .venv/bin/python bench/ingest.py [FILES_OR_FOLDERS…] [--repeat N]

Default input: examples/corpus plus PDFs and HTML pages generated here (fpdf2 +
DejaVu, multilingual paragraphs).  Prints one line: documents/s and pages/s of
`to_document`, of the bare converters on the same PDF/HTML files (pypdfium2
text extraction, trafilatura.extract), the ratio, and ingest docs/s into a
temporary SQLite when `integraph.pipeline.ingest` is importable.

    .venv/bin/python bench/ingest.py --store [FILES_OR_FOLDERS…] [--repeat N]

weighs the store alone (default input: the three example corpora): each document is converted
and extracted once, then `Store.save_rows` writes the same rows into fresh SQLite files, with
the statements and without them, interleaved, N times.  Prints CPU milliseconds per document
(median of the passes) for both and their difference: what storing the statements costs.  CPU
time, not wall time, so that other jobs on the machine weigh less; the last line gives the wall
time too, which adds the waits for the disk.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from integraph.convert import to_document  # noqa: E402
from integraph.convert.sniff import HTML, PDF, sniff  # noqa: E402
from integraph.errors import ConversionError  # noqa: E402
from integraph.sources import iter_files  # noqa: E402

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
PARAGRAPHS = [
    "Сдружението работи с бежанци и мигранти в София и Пловдив и организира курсове по български език, "
    "правни консултации и подкрепа за семействата през цялата година.",
    "Fundacja prowadzi w Krakowie punkt konsultacyjny dla cudzoziemców, kursy języka polskiego i warsztaty "
    "dla urzędników we współpracy z gminą i uczelniami.",
    "Der Verein unterstützt Geflüchtete in Leipzig mit Sprachkursen, Beratung zu Aufenthalt und Arbeit "
    "sowie Begegnungsangeboten für Familien und Jugendliche.",
]


def generated(folder: Path, n_pdf: int = 6, n_html: int = 6) -> list[Path]:
    """Multi-page PDFs and HTML pages with headers, lists and boilerplate."""
    out = []
    if FONT.exists():
        from fpdf import FPDF

        for k in range(n_pdf):
            pdf = FPDF()
            pdf.add_font("dejavu", "", str(FONT))
            for page in range(8):
                pdf.add_page()
                pdf.set_font("dejavu", size=9)
                pdf.cell(0, 8, f"Report {k} – running header", new_x="LMARGIN", new_y="NEXT")
                pdf.set_font("dejavu", size=14)
                pdf.cell(0, 10, f"Section {page + 1}", new_x="LMARGIN", new_y="NEXT")
                pdf.set_font("dejavu", size=11)
                for p in PARAGRAPHS * 2:
                    pdf.multi_cell(0, 6, p, new_x="LMARGIN", new_y="NEXT")
                    pdf.ln(2)
            path = folder / f"gen-{k}.pdf"
            path.write_bytes(bytes(pdf.output()))
            out.append(path)
    for k in range(n_html):
        body = "".join(f"<h2>Part {i}</h2><p>{p}</p><ul><li>{p[:60]}</li></ul>" for i, p in enumerate(PARAGRAPHS * 3))
        page = (f"<html><head><title>Page {k}</title><script>var x={k};</script></head><body><nav><a href='/'>Home</a>"
                f"</nav><main><article><h1>Page {k}</h1>{body}</article></main><aside><p>Donate now! IBAN DE89 3704 "
                f"0044 0532 0130 00</p></aside><footer>© 2024 Example</footer></body></html>")
        path = folder / f"gen-{k}.html"
        path.write_text(page, encoding="utf-8")
        out.append(path)
    return out


def pages_of(data: bytes, kind: str) -> int:
    if kind != PDF:
        return 1
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return 1
    n = len(pdf)
    pdf.close()
    return n


def bare(data: bytes, kind: str) -> None:
    """What the underlying library alone does with the file."""
    if kind == PDF:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(data)
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            tp.get_text_range()
            tp.close()
            page.close()
        pdf.close()
    elif kind == HTML:
        import trafilatura

        trafilatura.extract(data, output_format="xml", include_formatting=True, include_tables=True)


def timed(fn, items, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for item in items:
            fn(item)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--store", action="store_true",
                        help="CPU time of storing documents with and without their statements")
    args = parser.parse_args()
    if args.store:
        store_cost(args.paths or [ROOT / "examples" / d / "corpus" for d in ("", "aside", "blind")], args.repeat)
        return
    with tempfile.TemporaryDirectory() as tmp:
        paths = list(iter_files(args.paths)) if args.paths else list(iter_files([ROOT / "examples" / "corpus"]))
        if not args.paths:
            paths += generated(Path(tmp))
        files = [(p, p.read_bytes()) for p in paths]
        files = [(p, d, sniff(d, str(p))) for p, d in files]
        to_document(files[0][1], str(files[0][0])) if files else None  # warm-up: model and library loads

        def convert(item):
            p, d, _ = item
            try:
                to_document(d, str(p))
            except ConversionError:
                pass

        pages = sum(pages_of(d, k) for _, d, k in files)
        t_all = timed(convert, files, args.repeat)
        subset = [f for f in files if f[2] in (PDF, HTML)]
        sub_pages = sum(pages_of(d, k) for _, d, k in subset)
        t_sub = timed(convert, subset, args.repeat)
        t_bare = timed(lambda f: bare(f[1], f[2]), subset, args.repeat)
        n = len(files) * args.repeat
        line = (f"to_document: {n / t_all:.1f} docs/s, {pages * args.repeat / t_all:.1f} pages/s over {len(files)} files "
                f"({pages} pages) | PDF+HTML: to_document {len(subset) * args.repeat / t_sub:.1f} docs/s "
                f"{sub_pages * args.repeat / t_sub:.1f} pages/s vs bare converters {len(subset) * args.repeat / t_bare:.1f} "
                f"docs/s {sub_pages * args.repeat / t_bare:.1f} pages/s (ratio {t_sub / t_bare:.2f}x)")
        try:
            from integraph.pipeline import ingest
            from integraph.store import Store
        except ImportError:
            print(line)
            return
        db = Path(tmp) / "bench.sqlite"
        start = time.perf_counter()
        with Store(db) as store:
            ingest([p for p, _, _ in files], store)
        t_ingest = time.perf_counter() - start
        print(f"{line} | full ingest into SQLite: {len(files) / t_ingest:.1f} docs/s")


def store_cost(paths: list[Path], repeat: int) -> None:
    """`Store.save_rows` alone, in CPU time, with and without the statements of the same documents."""
    import dataclasses
    import os
    import statistics

    from integraph.pipeline import prepare
    from integraph.store import Store

    docs = []
    for path in iter_files(paths):
        data = path.read_bytes()
        result = prepare(str(path), data)
        if result.rows is not None:
            docs.append((result.rows, data))
    bare = [(dataclasses.replace(rows, statements=[]), data) for rows, data in docs]
    n_statements = sum(len(rows.statements) for rows, _ in docs)

    def one_pass(batch: list, db: Path) -> tuple[float, float]:
        with Store(db) as store:
            cpu, wall = time.process_time(), time.perf_counter()
            for rows, data in batch:
                store.save_rows(rows, data)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        return cpu / len(batch) * 1000, wall / len(batch) * 1000

    full, empty = [], []
    with tempfile.TemporaryDirectory(prefix="integraph-bench-store-") as tmp:
        for i in range(max(repeat, 1)):  # interleaved, so that a busy spell weighs on both
            full.append(one_pass(docs, Path(tmp) / f"full-{i}.sqlite"))
            empty.append(one_pass(bare, Path(tmp) / f"bare-{i}.sqlite"))

    def median(runs: list, k: int) -> float:
        return statistics.median(r[k] for r in runs)

    print(f"docs={len(docs)} statements/doc={n_statements / max(len(docs), 1):.0f} passes={len(full)} "
          f"load={os.getloadavg()[0]:.2f}")
    print(f"save_rows cpu: with statements {median(full, 0):.3f} ms/doc, without {median(empty, 0):.3f} ms/doc; "
          f"statements cost {median(full, 0) - median(empty, 0):.3f} ms/doc")
    print(f"save_rows wall: with statements {median(full, 1):.3f} ms/doc, without {median(empty, 1):.3f} ms/doc")


if __name__ == "__main__":
    main()
