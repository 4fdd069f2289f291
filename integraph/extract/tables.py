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

from integraph.extract.findings import Findings
from integraph.textutil import normalise

SEPARATOR = " | "
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
    split = [(a, b, _cells(text, a, b)) for a, b in paragraphs]
    tables: list[Table] = []
    i = 0
    while i < len(split):
        a, b, cells = split[i]
        columns = _header(found, [text[x:y] for x, y in cells]) if len(cells) >= 3 else None
        if columns is None:
            i += 1
            continue
        currency = _header_currency(found, text[a:b], columns)
        scale = _header_scale(found, text[a:b], columns) if currency else 1
        rows = []
        j = i + 1
        while j < len(split) and len(split[j][2]) == len(cells):
            ra, rb, rcells = split[j]
            rows.append(Row(ra, rb, {g: span for g, span in zip(columns, rcells) if g}, scale))
            j += 1
        if rows:
            tables.append(Table(columns, currency, rows))
        i = max(j, i + 1)
    return tables


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
    from integraph.extract.labels import _is_project_word, _normalised_labels
    from integraph.gazetteer import cues

    labels = _normalised_labels(found.lang)
    pwords = cues.cues("project_words", found.lang)
    columns: list[str | None] = []
    for cell in cells:
        # "Amount (EUR)", "Piešķirtais finansējums, EUR": the unit is no part of the label
        key = normalise(re.sub(r"\([^)]*\)|,?\s*\b[A-Z]{3}\b\s*$|[€$£]", " ", cell))
        if not key or len(key) > 40:
            return None
        # the label itself before one it starts or ends with ("piešķirtais finansējums" is an amount,
        # though "finansējums" alone names the funder)
        group = next((g for g, words in labels if key in words), None) or next(
            (g for g, words in labels if any(key.startswith(w + " ") or key.endswith(" " + w) for w in words)), None)
        if group is None and any(_is_project_word(w, pwords) for w in key.split()):
            group = "title"
        columns.append(group)
    known = [c for c in columns if c]
    if columns.count("title") != 1 or len(known) < 2 or len(known) < len(columns) / 2:
        return None
    return columns


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
