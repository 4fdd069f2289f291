"""sentences() splits exactly as the plain character-by-character splitter it replaced."""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from integraph.extract.sentences import ABBREVIATIONS, END, Sentence, sentences

ROOT = Path(__file__).resolve().parents[2]


def plain_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """The splitter as first written: a walk per character back from each dot, and when trimming."""
    end = len(text) if end is None else end
    out: list[Sentence] = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text[start:end]):
        p0, p1 = start + para.start(), start + para.end()
        s0 = p0
        for m in END.finditer(text, p0, p1):
            if _plain_is_abbreviation(text, m.start(), p0):
                continue
            nxt = text[m.end():m.end() + 3].lstrip()
            if nxt and nxt[0].islower():
                continue
            out.append(_plain_trim(text, s0, m.end()))
            s0 = m.end()
        if text[s0:p1].strip():
            out.append(_plain_trim(text, s0, p1))
    return [s for s in out if s.end > s.start]


def _plain_is_abbreviation(text: str, dot: int, floor: int) -> bool:
    if text[dot] != ".":
        return False
    i = dot
    while i > floor and not text[i - 1].isspace() and text[i - 1] not in "(„\"«":
        i -= 1
    word = text[i:dot].lower()
    if not word:
        return False
    if word.isdigit() and len(word) <= 2:
        return True
    if len(word) == 1 and word.isalpha():
        return True
    return word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS


def _plain_trim(text: str, a: int, b: int) -> Sentence:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Sentence(a, b)


PIECES = ["Dr.", "dr", ".", "!", "?", "…", " ", "  ", "\n", "\n\n", "\n \n", "\u00a0", "\u2003", "\t", "A", "a", "Ala",
          "ma", "1.", "12", "123.", "etc", "m.in.", "(", "„", "\"", "«", "»", ")", "z.s.", "x" * 45, "e.g.", "Ž", "é"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), st.integers(0, 8), st.integers(0, 8))
def test_sentences_equal_the_plain_splitter(text: str, cut_start: int, cut_end: int) -> None:
    assert sentences(text) == plain_sentences(text)
    start, end = min(cut_start, len(text)), max(0, len(text) - cut_end)
    if start <= end:
        assert sentences(text, start, end) == plain_sentences(text, start, end)


def test_sentences_equal_the_plain_splitter_on_the_examples() -> None:
    for path in sorted((ROOT / "examples").rglob("*")):
        if path.suffix in (".txt", ".md") and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            assert sentences(text) == plain_sentences(text), path.name
