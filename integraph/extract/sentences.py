"""Sentence and quote segmentation with character offsets.

A deliberately small splitter: sentence ends are . ! ? … or a paragraph
break, except after abbreviations, initials, ordinal numbers and inside
quotes.  Good enough to bound "the sentence that states it"; it never moves
text, so every span stays an honest slice of the document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a period does not end a sentence (lower-cased, no dot).
ABBREVIATIONS = {
    "r", "g", "gg", "г", "гг", "tj", "np", "m.in", "ds", "pn", "pt", "ul", "al", "nr", "no", "tel", "тел", "вкл",
    "напр", "т.е", "т.нар", "ул", "бул", "др", "проф", "д-р", "инж", "čj", "č", "tzv", "např", "resp", "mj",
    "apod", "atd", "tel", "e.g", "i.e", "etc", "vs", "dr", "prof", "mr", "mrs", "ms", "st", "art", "ust", "pkt",
    "z.s", "o.p.s", "e.v", "bzw", "z.b", "usw", "ggf", "inkl", "ca", "mln", "mld", "tys", "млн", "хил", "mil",
    "mio", "mrd", "zł", "lv", "лв", "kč", "eur", "ang", "tzw", "itd", "itp", "jw", "wg", "ok",
}
END = re.compile(r"[.!?…]+[\"'»”“)]*(?=\s+|$)")
QUOTE_PAIRS = {"„": "“”\"", "“": "”", "«": "»", "\"": "\"", "‚": "‘’", "‘": "’", "»": "«", "”": "”"}


@dataclass(slots=True, frozen=True)
class Sentence:
    start: int
    end: int


PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
# The word before a sentence-ending dot, read backwards from the dot over at most WORD_REACH characters.
WORD_BACKWARDS = re.compile(r"[^\s(„\"«]*")
WORD_REACH = 40


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of text[start:end], as offsets into `text`."""
    end = len(text) if end is None else end
    out: list[Sentence] = []
    for para in PARAGRAPH.finditer(text, start, end):  # `end` bounds the search as the end of a slice would
        p0, p1 = para.span()
        s0 = p0
        for m in END.finditer(text, p0, p1):
            if _is_abbreviation(text, m.start(), p0):
                continue
            nxt = text[m.end():m.end() + 3].lstrip()
            if nxt and nxt[0].islower():
                continue
            out.append(_trim(text, s0, m.end()))
            s0 = m.end()
        if text[s0:p1].strip():
            out.append(_trim(text, s0, p1))
    return [s for s in out if s.end > s.start]


def _is_abbreviation(text: str, dot: int, floor: int) -> bool:
    """Is the word before the "." at `dot` (back to whitespace, an opening bracket or quote, or `floor`)
    an abbreviation, an initial or an ordinal number?"""
    if text[dot] != ".":
        return False
    reach = max(floor, dot - WORD_REACH)
    length = WORD_BACKWARDS.match(text[reach:dot][::-1]).end()  # a regex, not a loop per character
    if length == dot - reach and reach > floor:  # a longer word: walk back the rest of it
        return _is_abbreviation_word(text[_word_start(text, reach, floor):dot])
    return _is_abbreviation_word(text[dot - length:dot])


def _word_start(text: str, i: int, floor: int) -> int:
    while i > floor and not text[i - 1].isspace() and text[i - 1] not in "(„\"«":
        i -= 1
    return i


def _is_abbreviation_word(word: str) -> bool:
    word = word.lower()
    if not word:
        return False
    if word.isdigit() and len(word) <= 2:  # "1. Projekt", "5. lutego"
        return True
    if len(word) == 1 and word.isalpha():  # initials
        return True
    return word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS


def _trim(text: str, a: int, b: int) -> Sentence:
    """text[a:b] without the whitespace at either end (str.strip's whitespace is str.isspace's)."""
    part = text[a:b]
    lead = len(part) - len(part.lstrip())
    if lead == len(part):
        return Sentence(b, b)
    return Sentence(a + lead, b - (len(part) - len(part.rstrip())))


QUOTED = re.compile(r"„([^„“”\n]{2,300})[“”\"]|“([^“”\n]{2,300})”|«([^«»\n]{2,300})»|\"([^\"\n]{2,300})\"|‚([^‚‘’\n]{2,300})[‘’]")


def quoted(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Offsets of the *inside* of quoted strings in text[start:end]."""
    end = len(text) if end is None else end
    out = []
    for m in QUOTED.finditer(text, start, end):
        g = next(i for i in range(1, 6) if m.group(i) is not None)
        a, b = m.start(g), m.end(g)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out
