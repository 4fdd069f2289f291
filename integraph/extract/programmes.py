"""Funding programmes the gazetteer does not know, named after a programme word.

'Mit dem Landesprogramm KOMM-AN NRW …', 'program „Integrace cizinců“', 'le programme « Vivre
ensemble »': a programme word of the document's language (data/lexicon/cues.json,
"programme_words"; compounds ending in one count: Landesprogramm, Förderprogramm) followed on
the same line by an all-capitals name or a quoted name is a programme of its own.  Bare
capitalised words after the word are left alone ('the programme Monday …' is an agenda).
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat

from integraph.extract.recognise import Match
from integraph.textutil import normalise

CAPS_NAME = re.compile(r"[ \t]+((?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯΑ-Ω0-9][A-ZÀ-ÖØ-ÞĀ-ŽА-ЯΑ-Ω0-9+&-]{2,}(?:[ \t]+|(?=[\s,.;:)])))+)")
QUOTED_NAME = re.compile(r"[ \t]+[„“\"«‚»]\s?([^„“”\"«»\n]{3,80}?)\s?[“”\"»«‘]")


@lru_cache(maxsize=32)
def _word_re(lang: str | None) -> re.Pattern[str] | None:
    from integraph.gazetteer import cues

    words = sorted({w.lower() for w in cues.cues("programme_words", lang)}, key=len, reverse=True)
    if not words:
        return None
    # a programme word alone or closing a compound ("Landesprogramm"), in any case form it takes
    return re.compile(rf"(?<![^\W\d_])[^\W\d_]*(?:{'|'.join(map(re.escape, words))})[^\W\d_]{{0,4}}(?![^\W\d_])", re.I)


# a letter: what the programme-word pattern reads as part of a word
LETTER = re.compile(r"[^\W\d_]")
LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=32)
def _anchor_re(lang: str | None) -> re.Pattern[str] | None:
    """The programme words alone (any case): where `_word_re` can match, one of them stands.  None
    when a word holds anything but letters (then a match need not be one run of letters)."""
    from integraph.gazetteer import cues

    words = sorted({w.lower() for w in cues.cues("programme_words", lang)}, key=len, reverse=True)
    if not words or not all(LETTERS.fullmatch(w) for w in words):
        return None
    return re.compile("|".join(map(re.escape, words)), re.I)


def _programme_word_matches(text: str, lang: str | None, word: re.Pattern[str]) -> list[re.Match[str]]:
    """What `word.finditer(text)` finds (`word` is `_word_re(lang)`), tried only at the runs of letters
    that hold a programme word: each match is one whole run of letters (the pattern is bounded by
    non-letters on both sides and reads only letters), so the run around an occurrence of a
    programme word is the one place to try, where trying the pattern at every letter of the text
    backtracks over every word."""
    anchor = _anchor_re(lang)
    if anchor is None:
        return list(word.finditer(text))
    starts = set()
    for a in anchor.finditer(text):
        s = a.start()
        while s > 0 and LETTER.match(text, s - 1):
            s -= 1  # back to the start of the run of letters: "Landes|programm"
        starts.add(s)
    return [m for m in map(word.match, repeat(text), sorted(starts)) if m is not None]


def named_programmes(text: str, lang: str | None, known: list[Match], not_names: set[str]) -> list[Match]:
    """Programme mentions the gazetteer missed (`known` are its matches): Match(kind='fund',
    value='name:<folded name>', extra: the name and where it stands)."""
    word = _word_re(lang)
    if word is None:
        return []
    spans = [(m.start, m.end) for m in known]
    out: list[Match] = []
    for w in _programme_word_matches(text, lang, word):
        m = QUOTED_NAME.match(text, w.end()) or CAPS_NAME.match(text, w.end())
        if not m:
            continue
        a, b = m.start(1), m.start(1) + len(m.group(1).rstrip())
        name = text[a:b]
        if name in not_names or len(name.replace(" ", "")) < 3 or any(x < b and a < y for x, y in spans):
            continue
        line_start = text.rfind("\n", 0, w.start()) + 1
        if any(line_start <= y <= w.start() and w.start() - y <= 40 for _, y in spans):
            continue  # "EEE finansinis mechanizmas, programa „Aktyvūs piliečiai“": a known fund's own programme
        out.append(Match("fund", w.start(), b, f"name:{normalise(name)}", {"name": name, "named_at": (a, b)}))
    return out
