"""The field-label and project-word vocabulary that frames and slots match: which lines are
"Label: value" fields of a known group, and which words say "project" in a language.

Separate because it is shared lookup, not frame finding: titles, frames, slots and tables all ask it,
and it keeps its per-language caches in one place.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from integraph.extract.findings import Findings
from integraph.textutil import normalise

# "Label: value", and a flattened two-column table row "Label | value" (converters join cells with " | ")
LABEL_LINE = re.compile(r"^[ \t]*([^\n:|]{2,60}?)[ \t]*(?::|[ \t]\|)[ \t]*(\S[^\n]*)$", re.M)


@lru_cache(maxsize=64)
def project_words(lang: str | None) -> list[str]:
    """The project words of `lang` (cues "project_words"), one list per language: callers read it, never
    change it, and `_is_project_word` recognises it by identity."""
    from integraph.gazetteer import cues

    return cues.cues("project_words", lang)


def _is_project_word(word: str, project_words: list[str]) -> bool:
    """A project word or an inflection of it ('projektu', 'проектът'), not a compound that starts
    with one ('projectcoördinator', 'Projektleiterin' name a person)."""
    global _last_project_words
    asked, fullmatch = _last_project_words
    if asked is not project_words:  # callers ask about many words with one list: keyed by the list itself
        fullmatch = _project_word_re(tuple(project_words)).fullmatch
        _last_project_words = (project_words, fullmatch)  # one tuple, replaced whole (safe across threads)
    return fullmatch(word) is not None


# the list `_is_project_word` was last asked with and its pattern's fullmatch; holding the list keeps its
# identity from being reused by another list
_last_project_words: tuple[object, object] = (None, None)


@lru_cache(maxsize=64)
def _project_word_re(project_words: tuple[str, ...]) -> re.Pattern[str]:
    stems = sorted({p.lower().rstrip(".") for p in project_words if len(p) >= 3}, key=len, reverse=True)
    exact = sorted({p.lower() for p in project_words}, key=len, reverse=True)
    alternatives = [rf"(?:{'|'.join(map(re.escape, stems))})\w{{0,4}}"] if stems else []
    alternatives += [f"(?:{'|'.join(map(re.escape, exact))})"] if exact else []
    return re.compile("|".join(alternatives) or r"(?!)")


def project_word_lines(found: Findings, project_words: list[str]) -> list[tuple[int, int]]:
    """(start, end) of the lines that may hold a project word, each with its newline: rules that scan
    for a project word and the words after it on the same line scan only these.  A project word is
    a stem or exact word of `_project_word_re`, so its line holds that stem in lower case.  Lower-casing
    maps each character alone (the text's lower case is as long as the text) but for the Greek sigma,
    which the search takes in either form; a text whose lower case is longer is one line, whole."""
    return _project_word_places(found, project_words)[0]


# What no match of the rules that read a project word and the words after it (titles.py's LOWER_RUN,
# SUBTITLED, UNQUOTED, copula titles) can hold: only word characters, blanks, apostrophes and dashes
# (and "÷", "\u03a2", the two non-word characters inside their letter ranges à-ž and Α-Ω) may stand in one.
CLAUSE_RUN = re.compile(r"[\w \t'’\-–—÷\u03a2]+")


def project_word_runs(found: Findings, project_words: list[str]) -> list[tuple[int, int, int]]:
    """(start, end, end of its line) of the `CLAUSE_RUN`s that hold part of a project word's stem (the
    whole text, once, when its lower case is longer): a match of those rules whose group 1 is a project
    word starts in one of them; see `finditer_near_project_words`."""
    return _project_word_places(found, project_words)[1]


def _project_word_places(found: Findings, project_words: list[str]) -> tuple[list[tuple[int, int]],
                                                                          list[tuple[int, int, int]]]:
    known = found.extra.setdefault("project_word_places", {})
    key = tuple(project_words)
    if key in known:
        return known[key]  # three title rules and the frames ask
    text, low = found.doc.text, found.lowered
    if len(low) != len(text):
        known[key] = ([(0, len(text))], [(0, len(text), len(text))])
        return known[key]
    stems = [m.span() for m in _project_stem_re(key).finditer(low)]
    lines: list[tuple[int, int]] = []
    runs: list[tuple[int, int, int]] = []
    i = 0
    while i < len(stems):
        start = text.rfind("\n", 0, stems[i][0]) + 1
        newline = text.find("\n", stems[i][0])
        end = len(text) if newline < 0 else newline + 1
        lines.append((start, end))
        last = i
        while last < len(stems) and stems[last][0] < end:
            last += 1  # the stems on this line: stems[i:last]
        k = i
        for run in CLAUSE_RUN.finditer(text, start, end):
            while k < last and stems[k][1] <= run.start():
                k += 1  # sorted and apart, so their ends are in order too
            if k == last:
                break
            if stems[k][0] < run.end():
                runs.append((run.start(), run.end(), end))
        i = last
    known[key] = (lines, runs)
    return known[key]


def finditer_near_project_words(pattern: re.Pattern[str], found: Findings,
                                project_words: list[str]) -> Iterator[re.Match[str]]:
    """Those of `finditer_in_lines(pattern, text, project_word_lines(…))` whose group 1 may be a project
    word (and more), for a pattern whose matches hold only `CLAUSE_RUN` characters, that starts with a
    word after no word character and looks at most two characters past its match.

    No match crosses a character outside the runs, so `finditer` along a line starts afresh after each
    such character: the matches that start in a run are those `finditer` finds from the run's start,
    with the line end as its limit, or as well two characters past the run (all the pattern looks at)."""
    text = found.doc.text
    for start, end, line_end in project_word_runs(found, project_words):
        for m in pattern.finditer(text, start, min(line_end, end + 2)):
            if m.start() >= end:
                break
            yield m


@lru_cache(maxsize=64)
def _project_stem_re(project_words: tuple[str, ...]) -> re.Pattern[str]:
    """Any stem or exact word of `_project_word_re`, a sigma matching either of its lower-case forms."""
    words = {p.lower().rstrip(".") for p in project_words if len(p) >= 3} | {p.lower() for p in project_words}
    words.discard("")
    alternatives = [re.sub("[σς]", "[σς]", re.escape(w)) for w in sorted(words, key=len, reverse=True)]
    return re.compile("|".join(alternatives) or r"(?!)")


def finditer_in_lines(pattern: re.Pattern[str], text: str, lines: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` finds within `lines`, for a pattern whose matches never hold a
    newline (so each line's matches do not depend on the lines before it)."""
    for start, end in lines:
        yield from pattern.finditer(text, start, end)


def _is_field_label(found: Findings, words: str) -> bool:
    """A field label of the language, or its plural ('contacto' → 'contactos', 'partner' → 'partneri')."""
    key = normalise(words)
    labels = _long_label_words(found.lang)
    return any(key[:len(key) - extra] in labels for extra in range(3))  # the label, or it and 1–2 letters


@lru_cache(maxsize=64)
def _long_label_words(lang: str | None) -> frozenset[str]:
    return frozenset(w for _, ws in _normalised_labels(lang) for w in ws if len(w) >= 4)


def _label_lines(found: Findings) -> list[tuple[str, re.Match[str]]]:
    """Lines 'label: value' whose label is a known field label, with the field group."""
    cached = found.extra.get("label_lines")
    if cached is not None:
        return cached  # frames and slots both ask; the text does not change in between
    first_group = _label_groups(found.lang)
    out = []
    for m in LABEL_LINE.finditer(found.doc.text):
        label = normalise(m.group(1))
        # a label word is the whole label, its first words or its last words
        cut = [k for k, ch in enumerate(label) if ch == " "]
        found_in = [first_group[x] for x in [label] + [label[:k] for k in cut] + [label[k + 1:] for k in cut]
                    if x in first_group]
        if found_in:
            out.append((min(found_in)[1], m))  # the first group, in the lexicon's order, that knows it
    found.extra["label_lines"] = out
    return out


@lru_cache(maxsize=64)
def _normalised_labels(lang: str | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    from integraph.gazetteer import cues

    return tuple((g, tuple(normalise(w) for w in ws)) for g, ws in cues.field_labels(lang).items())


@lru_cache(maxsize=64)
def _label_groups(lang: str | None) -> dict[str, tuple[int, str]]:
    """Each normalised label word → (order, group) of the first field group that lists it."""
    from integraph.gazetteer import cues

    first: dict[str, tuple[int, str]] = {}
    for order, (group, words) in enumerate(cues.field_labels(lang).items()):
        for w in words:
            first.setdefault(normalise(w), (order, group))
    return first

