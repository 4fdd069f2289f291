"""Project titles the prose gives: a name a project word introduces or that a sentence about projects
names: a quoted string after a project word (its naming words), a name the document repeats after a
project word, one before an apposition ("…, a project"), with a dash subtitle, before a copula, or
opening the sentence after one about projects; and the test that the text calls an acronym a project.
The titles the layout gives (headings, field blocks) are in layout_titles.py.

Separate from frames.py, which calls these finders in order and merges what they return: each
finder is a self-contained rule over the text and the findings.
"""
from __future__ import annotations

import re
from functools import lru_cache
from bisect import bisect_left

from integraph.extract.findings import Findings
from integraph.extract.labels import (CLAUSE_RUN, _is_project_word, finditer_in_lines, finditer_near_project_words,
                                      _project_stem_re, project_word_lines, project_word_runs)
from integraph.extract.layout_titles import _could_be_title
from integraph.extract.literals import occurrences
from integraph.spans import Spans
from integraph.textutil import normalise

# Words that may stand between a project word and its quoted title ("projekt pn. „…“").
NAMING_WORDS = {"pn", "pt", "pod", "nazwą", "tytułem", "entitled", "titled", "called", "named", "тема", "наречен",
                "názvem", "titel", "titre", "intitulé", "titulado", "denominato", "intitolato", "genaamd", "kallat",
                "nimeltä", "nimega", "pavadinimu", "nosaukumu", "című", "naslovom", "intitulat", "με", "τίτλο", "ονομασία"}


def _words_before(text: str, pos: int, n: int = 3) -> list[str]:
    line_start = text.rfind("\n", 0, pos) + 1
    return re.findall(r"[\w.]+", text[max(line_start, pos - 40):pos].lower())[-n:]


def _called_a_project(text: str, acr: str, pwords: list[str], headings: set[int]) -> bool:
    """'projekt LIHN', 'LIHN project', 'LIHN – project summary': a project word just before or
    after one of the acronym's occurrences.  Across a line break only from a heading ("Name (ACR)"
    ⏎ "Project summary"): a partner line "Parteneri: Agenția … (AJOFM)" is not called a project
    by the next paragraph."""
    for a, b in occurrences(text, acr, whole_word=True):
        from_heading = text.rfind("\n", 0, a) + 1 in headings
        before = re.search(r"(\w+)(\W{1,3})$", text[max(0, a - 60):a])
        after = re.match(r"(\W+)(\w+)(?:(\W+)(\w+))?", text[b:b + 80])
        words = []
        if before and ("\n" not in before.group(2) or from_heading):
            words.append(before.group(1))
        if after and ("\n" not in after.group(1) or from_heading):
            words.append(after.group(2))
            if after.group(4) and ("\n" not in after.group(3) or from_heading):
                words.append(after.group(4))
        if any(_is_project_word(w.lower(), pwords) for w in words):
            return True
    return False

LOWER_RUN = re.compile(r"(?<!\w)(\w{5,})[ \t]+([A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][\w'’-]*(?:[ \t]+[\w'’-]+){1,5})")


def _repeated_names_after_project_words(found: Findings, pwords: list[str], taken: list[tuple[int, int]],
                                        roles: set[str]) -> list[tuple[int, int]]:
    """'projektet Svenska på jobbet, som …' … 'Svenska på jobbet finansieras …': a capitalised word and
    the lower-case words after a project word are a title when the document repeats them (the
    longest such run of at least two words, up to the first punctuation)."""
    text = found.doc.text
    out = []
    times: dict[str, int] = {}  # how often a run occurs, counted once per run
    for m in finditer_near_project_words(LOWER_RUN, found, pwords):  # only a project word's clauses
        if not _is_project_word(m.group(1).lower(), pwords) or any(a <= m.start(2) < b for a, b in taken) \
                or normalise(m.group(1)) in roles:
            continue
        words = list(re.finditer(r"[\w'’-]+", m.group(2)))
        for k in range(len(words), 1, -1):
            a, b = m.start(2), m.start(2) + words[k - 1].end()
            name = text[a:b]
            if name not in times:
                times[name] = sum(1 for _ in occurrences(text, name, whole_word=True))
            # "för projektet Trygg start i Lund, som riktar sig …": the whole run, closed by a comma
            # and a relative pronoun, names what the clause then describes
            if times[name] >= 2 or (k == len(words) and _relative_clause_after(text, b, found.lang)):
                out.append((a, b))
                break
    return out


def _relative_clause_after(text: str, pos: int, lang: str | None) -> bool:
    from integraph.gazetteer import cues

    m = re.match(r",\s+(\w+)", text[pos:pos + 30])
    return bool(m) and m.group(1).lower() in cues.cues("relative_pronouns", lang)


APPOSITION = re.compile(r",[ \t]+(?:\w{1,4}[ \t]+)?(\w+)")


def _names_before_a_project_apposition(found: Findings, pwords: list[str], taken: list[tuple[int, int]],
                                       roles: set[str] = frozenset()) -> list[tuple[int, int]]:
    """'… starten we met Taal op de werkvloer, een project dat …', 'we run Open Doors, a project
    for …': the words before the comma, from a capitalised one that follows a lower-case word,
    are the title (two to six words; not a place, fund or organisation already found).  Not
    before a person's role that starts with a project word ('Aoife Brennan, project coordinator',
    'Kadri Tamm, projektijuht'): `roles` are the normalised role labels of the language."""
    text = found.doc.text
    blocked = Spans(taken)
    out = []
    for m in APPOSITION.finditer(text):
        if not _is_project_word(m.group(1).lower(), pwords) or _starts_with_a_role(text, m.start(1), roles):
            continue
        s = found.sentence_at(m.start())
        words = list(re.finditer(r"[\w'’-]+", text[max(s.start, m.start() - 80):m.start()]))
        base = max(s.start, m.start() - 80)
        for i in range(len(words) - 2, max(-1, len(words) - 7), -1):
            w, prev = words[i].group(), words[i - 1].group() if i > 0 else ""
            if w[:1].isupper() and prev[:1].islower():
                a, b = base + words[i].start(), m.start()
                if not blocked.overlaps(a, b) and "\n" not in text[a:b]:
                    out.append((a, b))
                break
    return out


def _starts_with_a_role(text: str, pos: int, roles: set[str]) -> bool:
    """The one to three words from `pos` on (within the line) are a person's role label."""
    words = normalise(text[pos:pos + 60].split("\n", 1)[0]).split()[:3]
    return any(" ".join(words[:k]) in roles for k in range(1, len(words) + 1))


# "projekt Krogi dobrodošlice – medsebojno mentorstvo za odrasle priseljence, …": a name in sentence case
# with a subtitle after a dash, up to the clause's end (group 1: the project word, group 2: the title)
SUBTITLED = re.compile(
    r"(?<!\w)(\w{4,})[ \t]+([A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][\w'’-]*(?:[ \t]+[\w'’-]+){0,3}[ \t]+[–—][ \t]+"
    r"[^\W\d_][\w'’-]*(?:[ \t]+[\w'’-]+){1,9})(?=[ \t]*[,;(]|[ \t]*\.(?:\s|$)|\n)")


def _subtitled_names_after_project_words(found: Findings, pwords: list[str],
                                         taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A title the text does not quote or capitalise throughout, recognisable by its dash-joined
    subtitle right after a project word; the dash must join words, not clauses (no verb-like
    sentence follows: the run ends at a comma, bracket or sentence end)."""
    return _names_after_project_words(found, SUBTITLED, pwords, taken)


def _names_after_project_words(found: Findings, pattern: re.Pattern[str], pwords: list[str],
                               taken: list[tuple[int, int]], words_ok=lambda words: True,
                               within_clauses: bool = True) -> list[tuple[int, int]]:
    """Spans of group 2 of `pattern` where group 1 is a project word, outside `taken`. The patterns
    never cross a line, so only the lines holding a project word are searched; only the clauses
    holding one (`finditer_near_project_words`) when its matches hold no other characters."""
    blocked: Spans | None = None  # built for the first candidate: most documents have none
    out = []
    if within_clauses:
        matches = finditer_near_project_words(pattern, found, pwords)
    else:
        matches = finditer_in_lines(pattern, found.doc.text, project_word_lines(found, pwords))
    for m in matches:
        if _is_project_word(m.group(1).lower(), pwords) and words_ok(m.group(2).split()):
            if blocked is None:
                blocked = Spans(taken)
            if not blocked.overlaps(m.start(2), m.end(2)):
                out.append((m.start(2), m.end(2)))
    return out


@lru_cache(maxsize=64)
def _copula_title(lang: str | None) -> re.Pattern[str] | None:
    """'AMIF-hankkeemme Kotoutumisen polku on nyt puolivälissä': a project word, a name in sentence case
    (a capital, then up to three lower-case words) and the language's copula right after it."""
    copulas = _copulas(lang)
    if not copulas:
        return None
    return re.compile(rf"(?<!\w)(\w{{4,}})[ \t]+([A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){{1,3}}?)"
                      rf"[ \t]+(?:{'|'.join(map(re.escape, copulas))})(?!\w)")


@lru_cache(maxsize=64)
def _copulas(lang: str | None) -> list[str]:
    """The first word of each copula of `lang`, longest first."""
    from integraph.gazetteer import cues

    return sorted({c.split()[0] for c in cues.cues("copula", lang)}, key=len, reverse=True)


def _names_before_a_copula(found: Findings, pwords: list[str], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Titles written in sentence case between a project word and a copula; the words after the
    capital must all be lower-case (else UNQUOTED's capitalised runs find the name)."""
    pattern = _copula_title(found.lang)
    if pattern is None:
        return []
    return _names_after_project_words(found, pattern, pwords, taken, lambda words: all(w.islower() for w in words[1:]),
                                      within_clauses=all(CLAUSE_RUN.fullmatch(c) for c in _copulas(found.lang)))


UNQUOTED = re.compile(
    r"(?<!\w)(\w{5,})[ \t]+((?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][\w'’-]*(?:[ \t]+(?:[a-zà-ž]{1,4}[ \t]+)?)?){1,8})")


def _first_quote_of_sentence(found: Findings, a: int, start: int) -> bool:
    return not any(start <= x < a - 1 for x, _ in found.quotes)



# "… two larger projects. Språkcafé Söder, som …", "… o nosso outro projeto. O Porto Acolhe, financiado …": a
# sentence opening with a name of two to six capitalised words (after a short article), closed by a comma
OPENING_NAME = re.compile(r"(?:[^\W\d_]{1,3}[ \t]+)?([A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][\w'’-]*"
                          r"(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][\w'’-]*){1,5}),")


def _names_opening_the_sentence_after_a_project_word(found: Findings, pwords: list[str],
                                                      taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A sentence that speaks of projects ('two larger projects', 'our other project') followed by one
    that opens with a name and describes it with a fund, amount or period: the name is a project's
    title.  Not a name a fund or value covers, nor one a place covers whole (a town, not a project).
    Only the sentences after one holding a clause that may hold a project word (`project_word_runs`,
    known already) are tried."""
    text = found.doc.text
    sentences, starts = found.sentences, found.sentence_starts
    after = {bisect_left(starts, x + 1) for x, _, _ in project_word_runs(found, pwords)}  # the next sentence
    described: list[int] | None = None
    blocked: Spans | None = None
    out = []
    for k in sorted(after - {0}):
        if k >= len(sentences):
            break
        s = sentences[k]
        m = OPENING_NAME.match(text, s.start, s.end)
        if m is None or "\n" in m.group(1):
            continue
        a, b = m.span(1)
        if described is None:
            described = sorted(m.start for m in found.funds + found.of_kind("amount", "period"))
            blocked = Spans(taken)
        k2 = bisect_left(described, b)
        if k2 == len(described) or described[k2] >= s.end or blocked.overlaps(a, b) \
                or any(p.start <= a and b <= p.end for p in found.cities + found.countries) \
                or not _holds_a_project_word(found, sentences[k - 1].start, sentences[k - 1].end, pwords):
            continue
        if _could_be_title(found, a, b, text[a:b]):
            out.append((a, b))
            out += _next_names_of_the_sentence(found, b, s.end, blocked)
    return out


WORD, WORD_CHAR = re.compile(r"\w+"), re.compile(r"\w")


def _holds_a_project_word(found: Findings, start: int, end: int, pwords: list[str]) -> bool:
    """A project word stands in text[start:end]: one of the words that start with a project stem."""
    low = found.lowered
    for st in _project_stem_re(tuple(pwords)).finditer(low, start, end):
        x = st.start()
        if (x == 0 or not WORD_CHAR.match(low, x - 1)) and _is_project_word(WORD.match(low, x).group(), pwords):
            return True
    return False


# ", medan Jobbspåret – vägar till arbete …, som": a clause naming the next project of the enumeration, the
# name (capitalised words, or one with a dash subtitle) closed by a comma and a relative pronoun
NEXT_NAME = re.compile(r",[ \t]+[^\W\d_]+[ \t]+([A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][\w'’-]*(?:[ \t]+[–—][ \t]+[^\W\d_][\w'’-]*"
                       r"(?:[ \t]+[\w'’-]+){0,9}|(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][\w'’-]*){1,5}))(?=,[ \t]+\w)")


def _next_names_of_the_sentence(found: Findings, pos: int, end: int, blocked: Spans) -> list[tuple[int, int]]:
    """In the sentence whose opening name is a project ('Språkcafé Söder, som …, medan Jobbspåret – …, som
    …'), a later clause's name that a relative clause describes is the next project."""
    text = found.doc.text
    out = []
    for m in NEXT_NAME.finditer(text, pos, end):
        a, b = m.span(1)
        if _relative_clause_after(text, b, found.lang) and not blocked.overlaps(a, b) \
                and _could_be_title(found, a, b, text[a:b]):
            out.append((a, b))
    return out
