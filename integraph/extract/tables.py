"""Tables of projects: a header row that names the fields, then one project per row.

Call results, ministry lists and "our projects" pages put projects in a table
(Project | Beneficiary | Period | Amount).  The converters flatten every row to
one paragraph "cell | cell | cell", so a table is a run of paragraphs with the
same number (≥ 3) of cells whose first row's cells are field labels of the
document's language (the same lexicon as "Label: value" lines) and one of
them names the project ("Projeto", "Názov projektu", "Naziv projekta").
Two-column tables are label/value blocks, read elsewhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from integraph.extract.findings import Findings
from integraph.textutil import normalise

SEPARATOR = " | "
UNIT = re.compile(r"\([^)]*\)|,?\s*\b[A-Z]{3}\b\s*$|[€$£]")
CURRENCY_IN_HEADER = re.compile(r"\(([^()\d]{1,5})\)|\b([A-Z]{3})\b|([€$£])")


@dataclass
class Row:
    start: int
    end: int
    cells: dict[str, tuple[int, int]] = field(default_factory=dict)  # field group -> cell span
    scale: int = 1  # the amount column's unit: "Zuwendung (Mio. €)", "Částka (tis. Kč)"


@dataclass
class Table:
    columns: list[str | None]
    currency: str | None
    rows: list[Row]


def find_tables(found: Findings, paragraphs: list[tuple[int, int]]) -> list[Table]:
    text = found.doc.text
    if SEPARATOR not in text:
        return []
    widths = _widths(text, paragraphs)  # the cells themselves are cut only for a header and its rows
    tables: list[Table] = []
    i = 0
    while i < len(paragraphs):
        a, b = paragraphs[i]
        columns = None
        if widths[i] >= 3:
            cells = _cells(text, a, b)
            columns = _header(found, [text[x:y] for x, y in cells])
        if columns is None:
            i += 1
            continue
        currency = _header_currency(found, text[a:b], columns)
        scale = _header_scale(found, text[a:b], columns) if currency else 1
        rows = []
        j = i + 1
        while j < len(paragraphs) and widths[j] == len(cells):
            ra, rb = paragraphs[j]
            rows.append(Row(ra, rb, {g: span for g, span in zip(columns, _cells(text, ra, rb)) if g}, scale))
            j += 1
        if rows:
            tables.append(Table(columns, currency, rows))
        i = max(j, i + 1)
    return tables


def _widths(text: str, paragraphs: list[tuple[int, int]]) -> list[int]:
    """How many cells `_cells` finds in each paragraph (none in one without a separator)."""
    widths = [text.count(SEPARATOR, a, b) + 1 for a, b in paragraphs]
    return [0 if n == 1 else n for n in widths]


def _cells(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Spans of the cells of the row text[a:b], spaces trimmed."""
    out, pos = [], a
    for part in text[a:b].split(SEPARATOR):
        start = pos + (len(part) - len(part.lstrip()))
        end = pos + len(part.rstrip())
        out.append((start, end))
        pos += len(part) + len(SEPARATOR)
    return out if len(out) > 1 else []


def _header(found: Findings, cells: list[str]) -> list[str | None] | None:
    """The field group of each header cell, or None when this row is not a project table's header."""
    columns: list[str | None] = []
    for cell in cells:
        group = _column_group(cell, found.lang)
        if group is NO_LABEL:
            return None
        columns.append(group)
    known = [c for c in columns if c]
    if columns.count("title") != 1 or len(known) < 2 or len(known) < len(columns) / 2:
        return None
    return columns


NO_LABEL = "\x00"  # what `_column_group` says of a cell too long or empty to be a column's label


@lru_cache(maxsize=4096)
def _column_group(cell: str, lang: str | None) -> str | None:
    """The field group a header cell names, None for none, NO_LABEL for a cell that is no label (a
    table's rows repeat the same headers and cells: asked once each)."""
    from integraph.extract.labels import _is_project_word, _normalised_labels
    from integraph.gazetteer import cues

    # "Amount (EUR)", "Piešķirtais finansējums, EUR": the unit is no part of the label
    key = normalise(UNIT.sub(" ", cell))
    if not key or len(key) > 40:
        return NO_LABEL
    labels = _normalised_labels(lang)
    # the label itself before one it starts or ends with ("piešķirtais finansējums" is an amount,
    # though "finansējums" alone names the funder)
    group = next((g for g, words in labels if key in words), None) or next(
        (g for g, words in labels if any(key.startswith(w + " ") or key.endswith(" " + w) for w in words)), None)
    if group is None and any(_is_project_word(w, cues.cues("project_words", lang)) for w in key.split()):
        group = "title"
    return group


def _header_currency(found: Findings, header: str, columns: list[str | None]) -> str | None:
    """'Schválený NFP (€)', 'Amount (EUR)': the currency that the amount column's bare numbers are in."""
    from integraph.extract.recognise.amounts import _currency

    if "amount" not in columns:
        return None
    cell = header.split(SEPARATOR)[columns.index("amount")]
    for m in CURRENCY_IN_HEADER.finditer(cell):
        code = _currency((m.group(1) or m.group(2) or m.group(3)).strip(), found.lang)
        if code:
            return code
    return None


def _header_scale(found: Findings, header: str, columns: list[str | None]) -> int:
    """'Zuwendung (Mio. €)' → 1 000 000, 'Částka (tis. Kč)' → 1 000, 'Budget (k€)' → 1 000."""
    from integraph.extract.recognise.amounts import _scale

    cell = header.split(SEPARATOR)[columns.index("amount")]
    for token in re.findall(r"\w+\.?", cell):
        if token in ("k", "m", "mn", "bn"):  # "k€"
            return _scale(None, token, found.lang)
        factor = max(_scale(token, None, found.lang), _scale(token.rstrip("."), None, found.lang)) if len(token) > 1 else 1
        if factor > 1:
            return factor
    return 1
