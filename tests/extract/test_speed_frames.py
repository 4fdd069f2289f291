"""The frames' faster scans give what the plain scans they replace give."""
from __future__ import annotations

import re
import sys
from types import SimpleNamespace

from hypothesis import example, given, settings
from hypothesis import strategies as st

from integraph.extract.labels import (CLAUSE_RUN, _is_project_word, finditer_near_project_words, project_words)
from integraph.extract.tables import _cells, _header, _widths
from integraph.extract.titles import LOWER_RUN, SUBTITLED, UNQUOTED, _copula_title

LANGS = ["en", "sv", "fi", "el", "pl", None]
PATTERNS = [LOWER_RUN, SUBTITLED, UNQUOTED] + [_copula_title(lang) for lang in LANGS if _copula_title(lang)]

# words and separators that make the rules' matches likely: project words, capitals, copulas, dashes,
# punctuation the clauses stop at, a Greek final sigma and a dotted capital I (longer in lower case)
PIECES = ["project", "Project", "PROJEKT", "projektet", "hankkeemme", "έργο", "ΕΡΓΟΣ", "projektu", "proj.",
          "Open", "Doors", "Network", "Trygg", "start", "i", "Lund", "na", "on", "is", "är", "ist", "jest", "είναι",
          "Γέφυρες", "Ένταξης", "İstanbul", "÷", "\u03a2", "–", "—", "-", "'", "’", "12", "x", "de", "ja"]
SEPARATORS = [" ", "  ", "\t", ", ", ". ", ".", "; ", " (", ") ", ":", "\n", "\n\n", "|", "„", "“", "!", "…",
              " – ", " — "]
# mostly single spaces, so that runs of several words (a title, a dash-joined subtitle) are common
separators = st.one_of(st.just(" "), st.just(" "), st.just(" "), st.sampled_from(SEPARATORS))
texts = st.lists(st.tuples(st.sampled_from(PIECES), separators), max_size=40).map(
    lambda parts: "".join(w + s for w, s in parts))


def _found(text: str) -> SimpleNamespace:
    return SimpleNamespace(doc=SimpleNamespace(text=text), lowered=text.lower(), extra={})


@settings(max_examples=1500, deadline=None)
@example("the project Open Doors – start na i Lund, de", "en", SUBTITLED)  # its look-ahead reads the comma
@example("the project Open Doors – start na i Lund. x", "en", SUBTITLED)  # and the blank after a full stop
@example("the project Open Doors – start na i Lund.de x", "en", SUBTITLED)  # (not the end there)
@given(texts, st.sampled_from(LANGS), st.sampled_from(PATTERNS))
def test_scans_near_project_words_find_what_whole_text_scans_find(text, lang, pattern):
    pwords = project_words(lang)
    whole = [m.span() + m.span(2) for m in pattern.finditer(text) if _is_project_word(m.group(1).lower(), pwords)]
    near = [m.span() + m.span(2) for m in finditer_near_project_words(pattern, _found(text), pwords)
            if _is_project_word(m.group(1).lower(), pwords)]
    assert near == whole


def test_clause_runs_hold_every_character_the_title_patterns_match():
    """The letter ranges of the patterns hold no character outside CLAUSE_RUN (else a match could
    cross a clause's end and the scan near project words would miss it)."""
    ranges = set()
    for pattern in PATTERNS:
        for a, b in re.findall(r"(.)-(.)", pattern.pattern):
            ranges.update(chr(c) for c in range(ord(a), ord(b) + 1))
    assert all(CLAUSE_RUN.fullmatch(c) for c in ranges)
    assert CLAUSE_RUN.fullmatch("".join(chr(c) for c in range(sys.maxunicode + 1) if re.match(r"\w", chr(c))))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" |ab\n", max_size=60), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=6))
def test_widths_count_the_cells_that_cells_cuts(text, spans):
    assert _widths(text, spans) == [len(_cells(text, a, b)) for a, b in spans]


def test_header_columns_read_once_per_cell_match_the_plain_reading():
    found = SimpleNamespace(lang="en")
    cells = ["Project", "Beneficiary", "Period", "Amount (EUR)", "Notes", ""]
    assert _header(found, cells[:4]) == ["title", "lead", "period", "amount"]
    assert _header(found, cells) is None  # an empty cell is no header's
    assert _header(found, ["Project", "x" * 50, "Period"]) is None
