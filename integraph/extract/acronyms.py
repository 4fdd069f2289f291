"""Acronyms of organisations: defined in brackets, after a dash or a 'hereinafter' phrase, or bare.

Rule 3 of the organisation finder (orgs.py): 'Asociación Ciudades Interculturales (ACI)',
'Urad … migrantov (v nadaljevanju: UOIM)', 'Long Name – ACR'; the long form is found by
initials, else it is the capitalised run before the bracket (another language's acronym).
Rule 4: bare all-caps tokens, matched later to a long name of the same document by initials
(ЦИИ ↔ Център за Имиграция и Интеграция).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterator

from integraph.extract.org_name_words import CONNECTORS, _words, is_capitalised

if TYPE_CHECKING:
    from integraph.extract.findings import Findings
    from integraph.extract.orgs import OrgFinder

# All-caps tokens that are not organisations.
NOT_ORG_ACRONYMS = {
    "EU", "ЕС", "UE", "EÚ", "ES", "EL", "NGO", "НПО", "НПО-та", "ONG", "NNO", "NGOs", "USA", "UK", "PDF", "ČR", "SR", "RP",
    "IT", "ICT", "ИКТ", "HR", "PR", "CEO", "CV", "FAQ", "OK", "TV", "DNA", "ID", "VAT", "ДДС", "ISBN", "ISO", "RSS",
    "HTML", "URL", "WWW", "MB", "KB", "GB", "PLN", "EUR", "BGN", "CZK", "USD", "CET", "PS", "NB", "Nr", "NR", "KRS",
    "NIP", "REGON", "IČO", "IČ", "ЕИК", "COVID", "COVID-19", "LGBT", "LGBTI", "LGBTIQ", "ROMA", "BG", "PL", "CZ", "DE",
    "FR", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "A", "B", "C", "D", "E", "F", "Q",
    # regions written as acronyms (Nordrhein-Westfalen, Provence-Alpes-Côte d'Azur, Île-de-France, Baden-Württemberg)
    "NRW", "PACA", "IDF", "BW",
}
_CAPITAL = "A-ZА-ЯЁІЇЄҐΑ-Ω"
# An all-caps token of 2–8 characters, neither inside a word nor after a hyphen.  It opens on its capital
# and vets the character before it afterwards (the same test: that capital is the one just read), so
# that `re` skips straight to capitals instead of trying the look-behind at every position.
ACRONYM = re.compile(rf"([{_CAPITAL}](?<![\w-][{_CAPITAL}])[{_CAPITAL}0-9&]{{1,7}}\+?)(?![\w-])")


def initials(words: list[str]) -> str:
    """Initials of the content words: 'Център за Имиграция и Интеграция' → 'ЦИИ'."""
    return "".join(w[0] for w in words if w.lower() not in CONNECTORS and w[:1].isalpha()).upper()


def initials_all(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isalpha()).upper()


@lru_cache(maxsize=32)
def _hereinafter(lang: str | None) -> re.Pattern[str]:
    """'(v nadaljevanju: UOIM)', '(dále jen „MV“)', '(hereinafter "IOM")': the phrase and its quotes."""
    from integraph.gazetteer import cues

    phrases = sorted(cues.cues("hereinafter", lang) + (cues.cues("hereinafter", "en") if lang != "en" else []),
                     key=len, reverse=True)
    alternation = "|".join(re.escape(p) for p in phrases) or "(?!)"
    return re.compile(rf"^(?:{alternation})\s*[:,–-]?\s*[„“”\"'«‚‘]?", re.I)


Definition = tuple[str, int, int, int, int]  # (acronym, long_start, long_end, acr_start, acr_end)


def defined(finder: OrgFinder, start: int, end: int) -> list[Definition]:
    """(acronym, long_start, long_end, acr_start, acr_end) for 'Long Name (ACR)', 'Long Name – ACR'
    and 'Long Name (hereinafter: ACR)' in the document's language."""
    return _defined_both(finder, start, end)[1]


def defined_in(found: Findings) -> tuple[list[Definition], list[Definition]]:
    """The document's definitions read two ways, computed once and shared through `found.extra`:
    as project frames read them (a bracket of words is never a name: every bracket holds an acronym
    or nothing) and as organisations read them (`defined` with the legal-form lexicon, where
    '(IOM Francja)' or '(Fundacja Most Kultur)' is another name of what stands before)."""
    cached = found.extra.get("acronym_definitions")
    if cached is None:
        from integraph.extract.orgs import OrgFinder
        from integraph.gazetteer import orgs

        text = found.doc.text
        cached = found.extra["acronym_definitions"] = _defined_both(OrgFinder(text, found.lang, orgs.legal_form, []),
                                                                    0, len(text))
    return cached


def _defined_both(finder: OrgFinder, start: int, end: int) -> tuple[list[Definition], list[Definition]]:
    """(without legal-form words, with them): the two lists differ only at brackets of two or more
    words one of which is a legal-form word, which only the second reads as a name."""
    text = finder.text
    lead_in = _hereinafter(finder.lang)
    plain: list[Definition] = []
    named_too: list[Definition] = []
    for m in _brackets_and_dashes(text[start:end]):
        bracketed = m.re is BRACKETED
        inner = m.group(1)
        a0 = start + m.start(1)
        said = lead_in.match(inner) if bracketed else None
        if said and said.end() < len(inner):  # "(v nadaljevanju: UOIM)": the acronym after the phrase
            rest = inner[said.end():].rstrip("“”\"'»’")
            a0, inner = a0 + said.end(), rest
        words = inner.split()
        if not words or len(inner) > 40:
            continue
        first = words[0]
        named = len(words) >= 2 and any(finder.legal_form(w, None) not in (None, "generic") for w in words)
        long_end = start + m.start()
        while long_end > start and text[long_end - 1].isspace():
            long_end -= 1
        if named:
            named_too.append((inner, long_end, long_end, a0, a0 + len(inner)))  # another name of what stands before
        if not ACRONYM.fullmatch(first) or first in NOT_ORG_ACRONYMS:
            continue
        long_start = _long_form_start(finder, first, long_end, start)
        if long_start is None:
            if len(words) == 1 and not said:  # "(v nadaljevanju: UOIM)" names what stands before
                continue
            long_start = long_end  # "(IOM Francja)": another name of what stands before
        plain.append((inner, long_start, long_end, a0, a0 + len(inner)))
        if not named:
            named_too.append(plain[-1])
    return plain, named_too


# "(ACR)", "(hereinafter: ACR)", "(Long Name)" and " – ACR": two searches, each skipping to its first
# character ("(", a dash), where one alternation of both would try every position of the text
BRACKETED = re.compile(r"\(\s*([^()\n]{2,60}?)\s*\)")
DASHED = re.compile(r"[-–—](?<=\s[-–—])\s([A-ZА-ЯΑ-Ω][A-ZА-ЯΑ-Ω0-9]{1,7})\b")  # begins on the dash, a space before it


def _brackets_and_dashes(text: str) -> Iterator[re.Match[str]]:
    """What re.finditer of BRACKETED|DASHED (the space before the dash inside the match) finds, in
    order: the two searches' earlier match each time, a search run again when a match taken
    covers where its own next match began."""
    pos = 0
    a, b = BRACKETED.search(text), DASHED.search(text)
    while a is not None or b is not None:
        m = a if b is None or (a is not None and a.start() < b.start()) else b
        yield m
        pos = m.end()
        if a is not None and a.start() < pos:
            a = BRACKETED.search(text, pos)
        if b is not None and b.start() < pos:
            b = DASHED.search(text, pos)


def _long_form_start(finder: OrgFinder, acr: str, long_end: int, floor: int) -> int | None:
    text = finder.text
    words = _words(text, max(floor, long_end - 200), long_end)
    letters = acr.rstrip("+").upper()
    # exact initials of content words (or of all words), walking back one word at a time
    connectors = CONNECTORS
    content, every = "", ""
    for n in range(1, min(len(words), 14) + 1):
        a, b, w = words[-n]
        if "\n" in text[a:long_end]:
            break
        if w[:1].isalpha():
            every = w[0].upper() + every
            if w.lower() not in connectors:
                content = w[0].upper() + content
        if content == letters or every == letters:
            return a
        if len(content) > len(letters) and len(every) > len(letters):
            break  # the initials only grow from here
    # otherwise the capitalised run before the bracket (another language's acronym)
    k = len(words) - 1
    if k < 0 or not is_capitalised(words[k][2]):
        return None
    begin = words[k][0]
    while k > 0:
        gap = text[words[k - 1][1]:words[k][0]]
        pw = words[k - 1][2]
        if "\n" in gap or gap.strip() not in ("", ",", "–", "-"):
            break
        if is_capitalised(pw) or (pw.lower() in CONNECTORS and gap.strip() == ""):
            k -= 1
            if is_capitalised(pw):
                begin = words[k][0]
            continue
        break
    if text[begin:long_end].count(" ") < 1:
        return None
    return begin


def bare(finder: OrgFinder, start: int, end: int) -> list[tuple[int, int, str]]:
    """All-caps tokens that may be organisations: (start, end, acronym)."""
    out = []
    for m in ACRONYM.finditer(finder.text, start, end):
        w = m.group(1)
        if w in NOT_ORG_ACRONYMS or len(w.rstrip("+")) < 2 or w.isdigit() or not finder._free(m.start(), m.end()):
            continue
        if sum(c.isalpha() for c in w) < 2:
            continue
        out.append((m.start(1), m.end(1), w))
    return out


def match_initials(acronym: str, names: list[str]) -> str | None:
    """The name among `names` whose initials spell `acronym` (one only), else None."""
    target = acronym.rstrip("+").upper()
    hits = {n for n in names if target in _name_initials(n)}
    return hits.pop() if len(hits) == 1 else None


@lru_cache(maxsize=20_000)
def _name_initials(name: str) -> tuple[str, ...]:
    """The initials a name of two or more words is abbreviated by (content words', every word's);
    () for a one-word name.  Asked for every name of a document at each bare acronym."""
    words = name.split()
    return (initials(words), initials_all(words)) if len(words) >= 2 else ()
