"""Real files generated on the fly: PDF (fpdf2 + DejaVu), DOCX (python-docx), ODT (odfpy), zips."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.fixture
def make_pdf():
    """make_pdf(pages, header=None, footer=None, title=None) → PDF bytes; each page a list of paragraphs."""
    if not FONT.exists():
        pytest.skip("DejaVu font missing (apt-get install fonts-dejavu-core)")
    from fpdf import FPDF

    def build(pages: list[list[str]], header: str | None = None, footer: str | None = None,
              title: str | None = None, password: str | None = None) -> bytes:
        pdf = FPDF(format="A4")
        pdf.set_auto_page_break(False)
        pdf.add_font("dejavu", "", str(FONT))
        if title:
            pdf.set_title(title)
        for number, paragraphs in enumerate(pages, 1):
            pdf.add_page()
            pdf.set_font("dejavu", size=11)
            if header:
                pdf.cell(0, 8, header, new_x="LMARGIN", new_y="NEXT")
            for p in paragraphs:
                size = 15 if p.startswith("# ") else 11
                pdf.set_font("dejavu", size=size)
                pdf.multi_cell(0, 6, p.removeprefix("# "), new_x="LMARGIN", new_y="NEXT")
                pdf.ln(3)
            if footer:
                pdf.set_y(-20)
                pdf.set_font("dejavu", size=9)
                pdf.cell(0, 8, footer.format(page=number), new_x="LMARGIN", new_y="NEXT")
        data = bytes(pdf.output())
        if password:
            from pypdf import PdfReader, PdfWriter

            writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
            writer.encrypt(user_password=password, owner_password=password)
            out = io.BytesIO()
            writer.write(out)
            data = out.getvalue()
        return data

    return build


@pytest.fixture
def zip_bomb():
    return build_zip_bomb


def build_zip_bomb(first: tuple[str, bytes], bomb_name: str, size: int) -> bytes:
    """A zip whose `bomb_name` member is `size` zero bytes (compresses ~1000:1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(first[0], first[1], compress_type=zipfile.ZIP_STORED)
        with zf.open(bomb_name, "w", force_zip64=True) as member:
            chunk = bytes(1 << 20)
            for _ in range(size >> 20):
                member.write(chunk)
    return out.getvalue()
