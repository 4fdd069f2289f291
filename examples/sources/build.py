"""Regenerate the binary and re-encoded documents of examples/corpus/ from the sources here.

Usage: .venv/bin/python examples/sources/build.py

Each source is UTF-8 text in a tiny markup (see `parse`): `# `, `## `, `### `
headings, `- ` bullets, blank-line separated paragraphs, and a trailing
backslash to keep a line break (field blocks, the hyphenated word).  Optional
`%key: value` lines at the top carry a page header, footer or title.

Output is deterministic: fixed creation dates, fixed zip timestamps, so a
rebuild changes no byte unless a source changed.  The outputs are committed, so
the corpus works without running this script.
"""
from __future__ import annotations

import io
import textwrap
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")  # Debian fonts-dejavu-core
FIXED_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)
ZIP_DATE = (2026, 1, 1, 0, 0, 0)

# source file -> (how to render it, word for "page" in footers)
TARGETS: dict[str, tuple[str, str]] = {
    "bg-novdom-godishen-doklad-2025.txt": ("pdf", "стр."),
    "pl-mostkultur-sprawozdanie-2024.txt": ("pdf", "strona"),
    "el-gefyra-enimerotiko-2024.txt": ("pdf", "σελ."),
    "bg-novdom-godishen-doklad-2024.txt": ("pdftotext", "стр."),
    "pl-mostkultur-sprawozdanie-2025.txt": ("docx", ""),
    "fr-horizons-rapport-activite-2025.txt": ("docx", ""),
    "de-bruecken-jahresbericht-2024.txt": ("odt", ""),
    # Legacy encodings, as such files are still found on older sites (no BOM).
    "uk-mostkultur-informator.txt": ("cp1251", ""),
    "cs-spolecny-prostor-vyrocni-zprava-2025.txt": ("iso-8859-2", ""),
}


@dataclass
class Source:
    meta: dict[str, str] = field(default_factory=dict)
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (h1|h2|h3|p|li, text)


def parse(text: str) -> Source:
    """Read the mini markup into blocks; a trailing backslash keeps the newline."""
    src = Source()
    para: list[str] = []

    def flush() -> None:
        if para:
            src.blocks.append(("p", "".join(para).strip()))
            para.clear()

    for line in text.splitlines():
        if line.startswith("%") and ":" in line and not src.blocks and not para:
            key, _, value = line[1:].partition(":")
            src.meta[key.strip()] = value.strip()
        elif not line.strip():
            flush()
        elif line.startswith(("# ", "## ", "### ")):
            flush()
            hashes, _, title = line.partition(" ")
            src.blocks.append((f"h{len(hashes)}", title.strip()))
        elif line.startswith("- "):
            flush()
            src.blocks.append(("li", line[2:].strip()))
        elif line.endswith("\\"):
            para.append(line[:-1].rstrip() + "\n")
        else:
            para.append(line.strip() + " ")
    flush()
    return src


def build_pdf(src: Source, out: Path, page_word: str) -> None:
    from fpdf import FPDF

    class Report(FPDF):
        # Header and footer repeat on every page, as in real annual reports.
        def header(self) -> None:
            self.set_font("DejaVu", "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 6, src.meta.get("header", ""), align="R", new_x="LMARGIN", new_y="NEXT")
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.ln(6)
            self.set_text_color(0, 0, 0)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("DejaVu", "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 6, f"{src.meta.get('footer', '')}  ·  {page_word} {self.page_no()}", align="C")

    pdf = Report(format="A4")
    pdf.set_creation_date(FIXED_DATE)
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    sizes = {"h1": 17, "h2": 13, "h3": 11.5}
    for kind, text in src.blocks:
        if kind in sizes:
            pdf.ln(3)
            pdf.set_font("DejaVu", "B", sizes[kind])
            pdf.multi_cell(0, sizes[kind] * 0.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif kind == "li":
            pdf.set_font("DejaVu", "", 10.5)
            pdf.set_x(pdf.l_margin + 4)
            pdf.cell(5, 5.4, "•")
            pdf.multi_cell(0, 5.4, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("DejaVu", "", 10.5)
            pdf.multi_cell(0, 5.4, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.2)
    pdf.output(str(out))


def build_pdftotext(src: Source, out: Path, page_word: str, width: int = 76, lines_per_page: int = 50) -> None:
    """Imitate `pdftotext` output: hard-wrapped lines, a running header, \\f between pages."""
    body: list[str] = []
    for kind, text in src.blocks:
        if kind.startswith("h"):
            body += ["", *textwrap.wrap(text, width), ""]
        elif kind == "li":
            body += textwrap.wrap(text, width, initial_indent="• ", subsequent_indent="  ")
        else:
            for piece in text.split("\n"):
                body += textwrap.wrap(piece, width) or [""]
            body.append("")
    body = [line for i, line in enumerate(body) if line or (i and body[i - 1])]  # no double blank lines
    pages: list[str] = []
    usable = lines_per_page - 4
    for number, start in enumerate(range(0, len(body), usable), start=1):
        chunk = body[start:start + usable]
        while chunk and not chunk[0]:
            chunk.pop(0)
        header = src.meta.get("header", "").rjust(width)
        footer = f"{src.meta.get('footer', '')}  {page_word} {number}".center(width).rstrip()
        pages.append("\n".join([header, "", *chunk, "", footer]) + "\n")
    out.write_text("\f".join(pages) + "\f", encoding="utf-8")


def build_docx(src: Source, out: Path) -> None:
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title = src.meta.get("title", "")
    props.author = props.last_modified_by = "Integraph examples"
    props.created = props.modified = FIXED_DATE.replace(tzinfo=None)
    props.revision = 1
    for kind, text in src.blocks:
        if kind.startswith("h"):
            document.add_heading(text, level=int(kind[1]) - 1)  # h1 -> Title, h2 -> Heading 1, ...
        else:
            paragraph = document.add_paragraph(style="List Bullet" if kind == "li" else None)
            for i, piece in enumerate(text.split("\n")):
                run = paragraph.add_run(piece)
                if i < text.count("\n"):
                    run.add_break()
    buffer = io.BytesIO()
    document.save(buffer)
    out.write_bytes(fixed_zip(buffer.getvalue()))


def build_odt(src: Source, out: Path) -> None:
    from odf import teletype
    from odf.opendocument import OpenDocumentText
    from odf.style import ListLevelProperties, ParagraphProperties, Style, TextProperties
    from odf.text import H, List, ListItem, ListLevelStyleBullet, ListStyle, P

    document = OpenDocumentText()
    headings = {}
    for level, size in ((1, "18pt"), (2, "14pt"), (3, "12pt")):
        style = Style(name=f"Heading_20_{level}", displayname=f"Heading {level}", family="paragraph",
                      defaultoutlinelevel=str(level))
        style.addElement(TextProperties(fontsize=size, fontweight="bold"))
        style.addElement(ParagraphProperties(margintop="0.3cm", marginbottom="0.15cm"))
        document.styles.addElement(style)
        headings[level] = style
    body_style = Style(name="Text_20_body", displayname="Text body", family="paragraph")
    body_style.addElement(ParagraphProperties(marginbottom="0.2cm"))
    document.styles.addElement(body_style)
    bullets = ListStyle(name="Bullets")
    level_style = ListLevelStyleBullet(level=1, bulletchar="•")
    level_style.addElement(ListLevelProperties(spacebefore="0.4cm", minlabelwidth="0.5cm"))
    bullets.addElement(level_style)
    document.automaticstyles.addElement(bullets)

    open_list = None
    for kind, text in src.blocks:
        if kind == "li":
            if open_list is None:
                open_list = List(stylename=bullets)
                document.text.addElement(open_list)
            item = ListItem()
            item.addElement(P(stylename=body_style, text=text))
            open_list.addElement(item)
            continue
        open_list = None
        if kind.startswith("h"):
            level = int(kind[1])
            document.text.addElement(H(outlinelevel=level, stylename=headings[level], text=text))
        else:
            paragraph = P(stylename=body_style)
            teletype.addTextToElement(paragraph, text)  # turns "\n" into <text:line-break/>
            document.text.addElement(paragraph)
    buffer = io.BytesIO()
    document.write(buffer)
    out.write_bytes(fixed_zip(buffer.getvalue()))


def fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps, keeping entry order and compression (ODF needs `mimetype` first, stored)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            clone = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            clone.compress_type = info.compress_type
            clone.external_attr = info.external_attr
            target.writestr(clone, source.read(info.filename))
    return buffer.getvalue()


def build_encoded(text: str, out: Path, encoding: str) -> None:
    # The Windows-1251 file gets CRLF line ends, as files saved on Windows do.
    newline = "\r\n" if encoding == "cp1251" else "\n"
    out.write_bytes(text.replace("\n", newline).encode(encoding))


def build_all(target: Path = CORPUS) -> list[Path]:
    """Write every generated document into `target` (the corpus by default) and return the paths."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (kind, page_word) in TARGETS.items():
        text = (HERE / name).read_text(encoding="utf-8")
        stem = Path(name).stem
        if kind in ("cp1251", "iso-8859-2"):
            out = target / f"{stem}.txt"
            build_encoded(text, out, kind)
        elif kind == "pdftotext":
            out = target / f"{stem}.txt"
            build_pdftotext(parse(text), out, page_word)
        else:
            out = target / f"{stem}.{kind}"
            {"pdf": lambda s, o: build_pdf(s, o, page_word), "docx": build_docx, "odt": build_odt}[kind](parse(text), out)
        written.append(out)
    return written


if __name__ == "__main__":
    for path in build_all():
        print(path.relative_to(HERE.parent.parent))
