"""Dates and periods in running text, in the EU languages plus Ukrainian and Russian.

Why our own regex and not dateparser's `search_dates`: over whole documents
the latter reads Polish "się" as August, "nie" as a weekday, bank-account
digit groups as years and invents months (bake-off §3).  Here a month word
only counts next to a day or a year, a bare four-digit number is a year only
with a cue ("през 2022 г.", "od roku 2003", "in 2020") or inside a range, and
numbers inside digit groups (accounts, phones, KRS) are never years.

Values: `date` with an ISO value at the stated precision ("2020-02-04",
"2020-01", "2022") and `extra["precision"]`; `period` with a (start, end)
tuple.  Open-ended dates carry `extra["role"]` = "start" or "end"; "until the
end of June 2022" gives the month's last day, with `extra["stated"]` keeping
"2022-06".  Numeric dates are read day first (European order), so a US-style
"2/4/2021" is 2 April.  A date glued to an identifier after a slash
("…-C01/03.02.2021") is still a date: the identifier recogniser stops before it.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from integraph.extract.recognise import Match
from integraph.extract.recognise.alternation import by_first_char
from integraph.extract.recognise.date_words import (
    AND_WORDS, BETWEEN_AFTER, BETWEEN_BEFORE, END_BEFORE, END_OF_BEFORE, END_VERBS, RANGE_JOINERS, RANGE_OPENERS,
    START_BEFORE, START_VERBS, YEAR_AFTER, YEAR_BEFORE, phrases,
)
from integraph.extract.recognise.months import first_words, last_words, month_number
from integraph.extract.recognise.windows import (
    at, at_digits, digit_runs, digit_spans, finditer, first_chars, run_windows,
)
from integraph.spans import DisjointSpans

YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
WORD = r"[^\W\d_]{3,}\.?"
# A month name: one word, or two when the first is the first word of a month name of two (Irish "Meán
# Fómhair"); the first word is matched from the lexicon only, so that "during March" stays one word.
MONTH = rf"(?:(?i:{'|'.join(sorted(first_words(), key=len, reverse=True))})\s+)?{WORD}"
ERA = r"(?P<era>\s?(?:г\.|г(?!\w)|r\.|roku(?!\w)|m\.|р\.|року(?!\w)|год(?:а|ине)?(?!\w)|godine(?!\w)))?"
DE = r"(?:de\s+|del\s+|ta['’]\s*|of\s+|του\s+)?"  # "4 de febrero de 2021", "4 ta’ Frar", "4th of May", "Σεπτέμβριο του 2025"
# ordinal day marks: "1.", "1st", "1er"/"1re" (fr), "1º"/"1°" (es, pt, it)
DAY = r"(?<![\w.,/])(?P<d>[0-3]?\d)(?:\.|st|nd|rd|th|er|re|º|°)?"
DASH = r"\s?[-–—]\s?"
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12}

# Each pattern is tried on its own; overlapping candidates are resolved longest first.
PATTERNS = {
    "dmy_num": r"(?<![\w.,-])(?P<d>\d{1,2})(?P<s>[./-])\s?(?P<m>\d{1,2})(?P=s)\s?(?P<y>\d{4})(?![\d])(?:\s?(?:г\.|r\.|р\.))?",
    "ymd_num": rf"(?<![\w.,/-])(?P<y>{YEAR})(?P<s>[-.])\s?(?P<m>\d{{1,2}})(?P=s)\s?(?P<d>\d{{1,2}})(?![\d]|\.\d)",
    "dmy_roman": rf"(?<![\w.,])(?P<d>\d{{1,2}})[.\s]\s?(?P<m>XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)[.\s]\s?(?P<y>{YEAR})(?!\d){ERA}",
    "d_range": rf"(?<![\w.,/])(?P<d1>\d{{1,2}})\.?{DASH}(?P<d2>\d{{1,2}})\.?\s+{DE}(?P<m>{MONTH}),?\s+{DE}(?P<y>{YEAR})(?!\d){ERA}",
    "dm_range": rf"{DAY.replace('<d>', '<d1>')}\s+{DE}(?P<m1>{MONTH}){DASH}(?P<d2>\d{{1,2}})\.?\s+{DE}(?P<m2>{MONTH}),?\s+{DE}(?P<y>{YEAR})(?!\d){ERA}",
    "m_range": rf"(?<!\w)(?P<m1>{MONTH}){DASH}(?P<m2>{MONTH}),?\s+{DE}(?P<y>{YEAR})(?!\d){ERA}",
    "dmy_text": rf"{DAY}\s+{DE}(?P<m>{MONTH}),?\s+{DE}(?P<y>{YEAR})(?!\d){ERA}",
    "mdy_text": rf"(?<!\w)(?P<m>{WORD})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>{YEAR})(?!\d)",
    "ymd_text": rf"(?<![\w.])(?P<y>{YEAR})\.?\s?(?:m\.\s)?\s*(?P<m>{WORD})\s+(?P<d>[0-3]?\d)(?!\d)\.?(?:\s?d\.)?",
    "ydm_text": rf"(?<![\w.])(?P<y>{YEAR})\.\s?gada\s+(?P<d>[0-3]?\d)\.\s+(?P<m>{WORD})",
    "my_text": rf"(?<!\w)(?P<m>{MONTH}),?\s+{DE}(?P<y>{YEAR})(?!\d){ERA}",
    # "03/2025 – 02/2027": month/year pairs, only as a range ("nr 3/2024" alone is a number, not a date)
    "my_num_range": rf"(?<![\w./-])(?P<m1>0?[1-9]|1[0-2])[./](?P<y1>{YEAR}){DASH}(?P<m2>0?[1-9]|1[0-2])[./](?P<y2>{YEAR})(?![\w/]|[.,]\d)",
    "year_range": rf"(?<![\w./-])(?P<y1>{YEAR}){DASH}(?P<y2>{YEAR}|\d\d)(?![\w/-]|[.,]\d)",
    # "Q3 2024 – Q2 2027": quarters, read at the years' precision (a quarter is no month).  The "Q" comes
    # before the look-behind that vets the character before it, so that `re` skips straight to a "Q".
    "quarter_range": rf"Q(?<!\wQ)(?P<q1>[1-4])\s?(?P<y1>{YEAR}){DASH}Q(?P<q2>[1-4])\s?(?P<y2>{YEAR})(?!\d)",
    # "between 2019 and 2021", "2019 és 2021 között": read only with a "between" (_between)
    "year_pair": rf"(?<![\w./,-])(?P<y1>{YEAR})\s+(?:{'|'.join(sorted(AND_WORDS, key=len, reverse=True))})\s+(?P<y2>{YEAR})(?![\w]|[.,/]\d)",
    # Not after or before another digit group: "63 2030 0045 1110" is an account, not years.
    "year": rf"(?<![\w./,-])(?<!\d[ \u00a0])(?P<y>{YEAR})(?![\w]|[.,/]\d|[ \u00a0]\d|-\d){ERA}",
}
COMPILED = {name: re.compile(p, re.IGNORECASE if name == "dmy_roman" else 0) for name, p in PATTERNS.items()}
COMPILED["dmy_roman"] = re.compile(PATTERNS["dmy_roman"])  # Roman months are upper-case only
YEAR_RUN, DAY_RUN = re.compile(YEAR), re.compile(r"\d{1,2}")
# Patterns whose first item is a digit after a look-behind that refuses a word character can only begin
# where a digit run begins, on a run as long as their first item (a year, or a day or month of one or
# two digits, always followed by a non-digit): they are tried there only (windows.at_digits).
DIGIT_FIRST = {"dmy_num": DAY_RUN, "ymd_num": YEAR_RUN, "dmy_roman": DAY_RUN, "d_range": DAY_RUN, "dm_range": DAY_RUN,
               "dmy_text": DAY_RUN, "ymd_text": YEAR_RUN, "ydm_text": YEAR_RUN, "my_num_range": DAY_RUN,
               "year_range": YEAR_RUN, "year_pair": YEAR_RUN, "year": YEAR_RUN}
# Patterns that begin on a month word and end on a year ("March 2021", "May 4, 2021", "styczeń–marzec 2022"):
# between the two stand at most a second month word and "de"/"of", so a match begins on one of the last
# three word starts before a four-digit year-like run; they are tried there only (_month_word_anchors).
WORD_FIRST = frozenset(("m_range", "mdy_text", "my_text"))
# A letter not after a word character: where (?<!\w)WORD can begin.
_WORD_START = re.compile(r"\b[^\W\d_]")
YEAR_AFTER_RE = re.compile(rf"\s?(?:{YEAR_AFTER})")
SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÀ-ÞА-ЯЁΑ-Ω])|\n")


@lru_cache(maxsize=4)  # the text being read
def _month_word_anchors(text: str) -> tuple[tuple[int, int], ...]:
    """(position, end of its window) of the last three word starts before each year-like run of four
    digits, within the run's window (digit_spans(text, 50, 40), the windows finditer would search)."""
    runs = digit_runs(text)
    windows = run_windows(text, 50, 40)
    found: set[tuple[int, int]] = set()
    for k, (a, b) in enumerate(runs):
        if b - a != 4 or not YEAR_RUN.fullmatch(text, a, b):
            continue
        # no match holds two digit runs besides its year (only "May 4, 2021" holds one), so its month
        # word lies after the run two before this one: the stretch searched is short
        lo = max(windows[k][0], runs[k - 2][1] if k >= 2 else 0)
        starts = [m.start() for m in _WORD_START.finditer(text, lo, a)]  # the look-behind sees before `lo`
        found.update((i, windows[k][1]) for i in starts[-3:])
    return tuple(sorted(found))


def _cue_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    r"""Does a cue end the text before a date?  Asked of that text *reversed* (`_ends_with_cue`): a
    cue at the end of a text, read backwards, is a match at its start, so one `match` does what a
    `search` for `(?:^|[^\w'’-])(?:cues)\s*$` does by trying every position of the text."""
    alts = "|".join(re.escape(w[::-1]) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s*(?:{alts})(?:\Z|[^\w'’-])")


def _ends_with_cue(cue: re.Pattern[str], backwards: str) -> bool:
    """`cue` (a _cue_regex) at the end of the text `backwards` holds read backwards."""
    return cue.match(backwards) is not None


@lru_cache(maxsize=64)
def _cues(lang: str | None) -> dict[str, re.Pattern[str]]:
    return {
        "year": _cue_regex(phrases(YEAR_BEFORE, lang) + phrases(START_BEFORE, lang) + phrases(END_BEFORE, lang)),
        "start": _cue_regex(phrases(START_BEFORE, lang)),
        "end": _cue_regex(phrases(END_BEFORE, lang)),
        "end_of": _cue_regex(phrases(END_OF_BEFORE, lang)),
    }


JOINERS = frozenset(RANGE_JOINERS)
# the start and end stems in one search, for the verb nearest a date (_verb_role), grouped by first
# character (alternation.py): at each position `re` tries only the stems that begin there; a stem of
# both lists reads as a start
_ANY_VERB = by_first_char("|".join(map(re.escape, dict.fromkeys(START_VERBS + END_VERBS))))
ANY_VERB = re.compile(first_chars(_ANY_VERB) + _ANY_VERB)  # one class test passes over most positions
VERB_ROLE = {**{v: "end" for v in END_VERBS}, **{v: "start" for v in START_VERBS}}


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    if not 1800 <= y <= 2100:
        return None
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _month(g: str, lang: str | None) -> int | None:
    if g.isdigit():
        return int(g)
    if g in ROMAN:
        return ROMAN[g]
    return month_number(g, lang)


def _read(name: str, m: re.Match[str], lang: str | None, text: str) -> tuple[str, object] | None:
    """(kind, value) for one candidate, or None when it is not a date after all."""
    g = m.groupdict()
    if name in ("dmy_num", "ymd_num", "dmy_roman", "dmy_text", "mdy_text", "ymd_text", "ydm_text"):
        month = _month(g["m"], lang)
        value = month and _iso(int(g["y"]), month, int(g["d"]))
        return ("date", value) if value else None
    if name == "my_text":
        month = _month(g["m"], lang)
        value = month and _iso(int(g["y"]), month)
        return ("date", value) if value else None
    if name == "d_range":
        month = _month(g["m"], lang)
        y = int(g["y"])
        a, b = month and _iso(y, month, int(g["d1"])), month and _iso(y, month, int(g["d2"]))
        return ("period", (a, b)) if a and b and a < b else None
    if name == "dm_range":
        m1, m2 = _month(g["m1"], lang), _month(g["m2"], lang)
        y = int(g["y"])
        a, b = m1 and _iso(y, m1, int(g["d1"])), m2 and _iso(y, m2, int(g["d2"]))
        return ("period", (a, b)) if a and b and a < b else None
    if name == "m_range":
        m1, m2 = _month(g["m1"], lang), _month(g["m2"], lang)
        y = int(g["y"])
        a, b = m1 and _iso(y, m1), m2 and _iso(y, m2)
        return ("period", (a, b)) if a and b and a < b else None
    if name == "my_num_range":
        a, b = _iso(int(g["y1"]), int(g["m1"])), _iso(int(g["y2"]), int(g["m2"]))
        return ("period", (a, b)) if a and b and a < b else None
    if name == "quarter_range":
        a, b = (int(g["y1"]), int(g["q1"])), (int(g["y2"]), int(g["q2"]))
        return ("period", (g["y1"], g["y2"])) if a < b and b[0] <= a[0] + 50 else None
    if name == "year_range":
        y1, y2 = int(g["y1"]), g["y2"]
        end = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
        return ("period", (f"{y1:04d}", f"{end:04d}")) if y1 < end <= y1 + 50 else None
    if name == "year_pair":
        y1, y2 = int(g["y1"]), int(g["y2"])
        between = y1 < y2 <= y1 + 50 and _between(text, m.start(), m.end())
        return ("period", (g["y1"], g["y2"])) if between else None
    if name == "year":
        if g.get("era") or YEAR_AFTER_RE.match(text, m.end()):
            return "date", g["y"]
        backwards = text[max(0, m.start() - 30):m.start()].lower()[::-1]
        return ("date", g["y"]) if _ends_with_cue(_cues(lang)["year"], backwards) else None
    return None


def _precision(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}[len(value)]


def _last_day(value: str) -> str:
    if len(value) == 4:
        return f"{value}-12-31"
    if len(value) == 7:
        y, m = int(value[:4]), int(value[5:])
        return f"{value}-{calendar.monthrange(y, m)[1]:02d}"
    return value


def _clause_before(text: str, start: int, width: int = 80) -> str:
    window = text[max(0, start - width):start]
    cut = [x.end() for x in SENTENCE_END.finditer(window)]
    return window[cut[-1]:] if cut else window


def _clause_after(text: str, end: int, width: int = 40) -> str:
    window = text[end:end + width]
    hit = SENTENCE_END.search(window)
    return " ".join((window[:hit.start()] if hit else window).split()[:4])


def _role(text: str, m: Match, lang: str | None) -> Match:
    """Mark a date that opens or closes something: "od 1 września 2022", "до края на 2023 г."."""
    cues = _cues(lang)
    backwards = text[max(0, m.start - 40):m.start].lower()[::-1]
    extra = dict(m.extra)
    if _ends_with_cue(cues["end_of"], backwards):
        extra.update(role="end", stated=m.value, precision="day")
        return Match("date", m.start, m.end, _last_day(m.value), extra)
    if _ends_with_cue(cues["end"], backwards):
        extra["role"] = "end"
    elif _ends_with_cue(cues["start"], backwards):
        extra["role"] = "start"
    else:
        role = _verb_role(_clause_before(text, m.start).lower()[-60:], _clause_after(text, m.end).lower())
        if role:
            extra["role"] = role
    return Match("date", m.start, m.end, m.value, extra)


def _verb_role(before: str, after: str) -> str | None:
    """The role the verb nearest a date gives it: the last one of the clause before it, else the first
    one after it ("began in 2020 and will end in 2023": 2023 ends; "alkaa 1.10.2025 ja päättyy 31.3.2027")."""
    last = None
    for last in ANY_VERB.finditer(before):
        pass
    found = last or ANY_VERB.search(after)
    return VERB_ROLE[found.group()] if found else None



def _joined(text: str, a: Match, b: Match) -> Match | None:
    """One period from two dates: "1.12.2010 – 1.06.2012", "od … do …", "began in X … until the end of Y"."""
    if a.kind != "date" or b.kind != "date" or a.value > b.value:
        return None
    gap = text[a.end:b.start]
    words = " ".join(gap.lower().split())
    if words[:1] == "." and text[a.end - 1:a.end].isdigit():  # "1. siječnja 2024. – 31. prosinca 2026."
        words = words[1:].lstrip()
    roles = (a.extra.get("role"), b.extra.get("role"))
    close = words in JOINERS and roles[0] != "end" and (
        words in {"-", "–", "—"} or roles[1] == "end" or _opens_range(text, a.start))
    clause = roles == ("start", "end") and len(gap) <= 80 and not SENTENCE_END.search(gap)
    if not (close or clause or words in AND and _between(text, a.start, b.end)):
        return None
    extra = {"precision": (a.extra["precision"], b.extra["precision"])}
    return Match("period", a.start, b.end, (a.value, b.value), extra)


# A start month (and day) without its year, a range word, then the dated end: "ó Eanáir go Nollaig 2025",
# "from January to March 2025", "od 1 stycznia do 31 marca 2025".  Searched for only before a date that
# a range word precedes (JOINER_CUE, read backwards as the role cues are).
OPEN_START = re.compile(rf"(?:{DAY}\s+{DE}|(?<!\w))(?P<m>{MONTH})\s+(?:{'|'.join(map(re.escape, sorted(JOINERS, key=len, reverse=True)))})\s*\Z")
# read backwards: a range word, then the word before it (a month's name, or its last word)
JOINER_AFTER_WORD = re.compile(
    rf"\s*(?:{'|'.join(re.escape(w[::-1]) for w in sorted(JOINERS, key=len, reverse=True))})\s+\.?(?P<w>[^\W\d_]{{3,}})")


def _open_start(text: str, end: Match, lang: str | None) -> Match | None:
    """The period whose start month (or day) borrows the year of `end`, a date of month or day precision."""
    before = JOINER_AFTER_WORD.match(text[max(0, end.start - 40):end.start].lower()[::-1])
    if before is None or not (month_number(before.group("w")[::-1], lang) or before.group("w")[::-1] in last_words()):
        return None
    m = OPEN_START.search(text, max(0, end.start - 60), end.start)
    if m is None or (m.group("d") is None) != (end.extra["precision"] == "month"):
        return None
    month = month_number(m.group("m"), lang)
    start = month and _iso(int(end.value[:4]), month, m.group("d") and int(m.group("d")))
    if not start or start >= end.value:
        return None
    return Match("period", m.start(), end.end, (start, end.value), {"precision": (end.extra["precision"],) * 2})


AND = frozenset(AND_WORDS)
OPENER_CUE = _cue_regex(RANGE_OPENERS)
BETWEEN_CUE = _cue_regex(BETWEEN_BEFORE)
BETWEEN_POSTPOSITION = re.compile(rf"\s+(?:{'|'.join(BETWEEN_AFTER)})(?!\w)", re.IGNORECASE)


def _opens_range(text: str, start: int) -> bool:
    """A range word before the first of two dates: "del", "from", "od"."""
    return _ends_with_cue(OPENER_CUE, text[max(0, start - 12):start].lower()[::-1])


def _between(text: str, start: int, end: int) -> bool:
    """"between X and Y": a "between" before the first date or a postposition after the second."""
    return _ends_with_cue(BETWEEN_CUE, text[max(0, start - 12):start].lower()[::-1]) or \
        BETWEEN_POSTPOSITION.match(text, end) is not None


def find(text: str, lang: str | None = None) -> list[Match]:
    """Dates and periods in `text`, sorted and non-overlapping."""
    candidates: list[Match] = []
    near_digits = digit_spans(text, 50, 40)  # every date has digits; month words sit within 50 characters
    for name, pattern in COMPILED.items():
        if name in DIGIT_FIRST:
            hits = at_digits(pattern, text, 50, 40, runs=DIGIT_FIRST[name])
        elif name in WORD_FIRST:
            hits = at(pattern, text, _month_word_anchors(text))
        else:
            hits = finditer(pattern, text, near_digits)
        for m in hits:
            read = _read(name, m, lang, text)
            if read:
                kind, value = read
                extra = {"precision": _precision(value)} if kind == "date" else {
                    "precision": (_precision(value[0]), _precision(value[1]))}
                candidates.append(Match(kind, m.start(), m.end(), value, extra))
    chosen: list[Match] = []
    taken = DisjointSpans()
    for c in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if not taken.overlaps(c.start, c.end):
            chosen.append(c)
            taken.add(c.start, c.end)
    chosen.sort(key=lambda c: c.start)
    chosen = [_role(text, c, lang) if c.kind == "date" else c for c in chosen]
    out: list[Match] = []
    for c in chosen:
        if c.kind == "date" and c.extra["precision"] != "year":
            opened = _open_start(text, c, lang)
            if opened and (not out or out[-1].end <= opened.start):
                c = opened
        joined = _joined(text, out[-1], c) if out else None
        if joined:
            out[-1] = joined
        else:
            out.append(c)
    return out
