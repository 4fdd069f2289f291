"""Regenerate the PDF, DOCX, ODT and pdftotext-like documents of examples/aside/corpus/.

Usage: .venv/bin/python examples/aside/sources/build.py

The sources here use the mini markup of examples/sources/build.py, whose
renderers are imported (not copied), so both corpora are built the same way and
deterministically.  One addition: lines starting with `| ` form a table (first
row is the header), rendered as a real Word table, because call-results pages
are often published as DOCX tables.
"""
from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus"
MAIN_BUILD = HERE.parent.parent / "sources" / "build.py"

_spec = importlib.util.spec_from_file_location("integraph_examples_build", MAIN_BUILD)
main_build = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = main_build  # dataclasses look their module up there
_spec.loader.exec_module(main_build)

# source file -> (how to render it, word for "page" in footers)
TARGETS: dict[str, tuple[str, str]] = {
    "hr-novisusjedi-informativni-list.txt": ("pdf", "str."),
    "lt-bendrinamai-veiklos-ataskaita-2024.txt": ("pdftotext", "psl."),
    "lv-kopalatvija-gada-parskats-2024.txt": ("pdf", "lpp."),
    "fi-kulttuurisilta-toimintakertomus-2025.txt": ("docx", ""),
    "ro-orizontcomun-raport-anual-2025.txt": ("odt", ""),
    "sl-uoim-rezultati-razpisa-2025.txt": ("docx-tables", ""),
}


def build_docx_with_tables(text: str, out: Path) -> None:
    """Like the main build_docx, but runs of `| a | b` lines become a Word table."""
    import docx

    document = docx.Document()
    meta = main_build.parse(text).meta
    props = document.core_properties
    props.title = meta.get("title", "")
    props.author = props.last_modified_by = "Integraph examples"
    props.created = props.modified = main_build.FIXED_DATE.replace(tzinfo=None)
    props.revision = 1

    def add_blocks(chunk: list[str]) -> None:
        for kind, block in main_build.parse("\n".join(chunk)).blocks:
            if kind.startswith("h"):
                document.add_heading(block, level=int(kind[1]) - 1)
                continue
            paragraph = document.add_paragraph(style="List Bullet" if kind == "li" else None)
            pieces = block.split("\n")
            for i, piece in enumerate(pieces):
                run = paragraph.add_run(piece)
                if i < len(pieces) - 1:
                    run.add_break()

    chunk: list[str] = []
    rows: list[list[str]] = []
    for line in text.splitlines() + [""]:
        if line.startswith("| "):
            if chunk:
                add_blocks(chunk)
                chunk = []
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
            continue
        if rows:
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, cells in enumerate(rows):
                for c, value in enumerate(cells):
                    table.cell(r, c).text = value
                    if r == 0:
                        table.cell(r, c).paragraphs[0].runs[0].bold = True
            rows = []
        chunk.append(line)
    if chunk:
        add_blocks(chunk)
    buffer = io.BytesIO()
    document.save(buffer)
    out.write_bytes(main_build.fixed_zip(buffer.getvalue()))


def build_all(target: Path = CORPUS, targets: dict[str, tuple[str, str]] | None = None,
              sources: Path = HERE) -> list[Path]:
    """Write every generated document into `target` (the aside corpus by default) and return the paths.

    `targets` and `sources` let another held-out corpus (examples/blind) render its own files the same way."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (kind, page_word) in (TARGETS if targets is None else targets).items():
        text = (sources / name).read_text(encoding="utf-8")
        stem = Path(name).stem
        if kind == "pdftotext":
            out = target / f"{stem}.txt"
            main_build.build_pdftotext(main_build.parse(text), out, page_word)
        elif kind == "docx-tables":
            out = target / f"{stem}.docx"
            build_docx_with_tables(text, out)
        elif kind == "pdf":
            out = target / f"{stem}.pdf"
            main_build.build_pdf(main_build.parse(text), out, page_word)
        else:
            out = target / f"{stem}.{kind}"
            {"docx": main_build.build_docx, "odt": main_build.build_odt}[kind](main_build.parse(text), out)
        written.append(out)
    return written


if __name__ == "__main__":
    for path in build_all():
        print(path.relative_to(HERE.parent.parent.parent))
