"""Everything the recognisers and gazetteers find in one document, in one place.

Frames and profiles read from a `Findings`; nothing downstream runs a
recogniser twice.  Overlaps are settled here: the longest, most specific
match wins, in the order of PRIORITY.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from integraph.extract.recognise import Match
from integraph.extract.sentences import Sentence, quoted, sentences
from integraph.model import Document
from integraph.spans import Spans

YEAR_IN_TITLE = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")


@lru_cache(maxsize=1)
def profile_cues() -> dict[str, dict[str, list[str]]]:
    from integraph.gazetteer import load_data

    return {k: v for k, v in load_data("profile_cues.json").items() if not k.startswith("_")}


def cue_words(group: str, lang: str | None) -> list[str]:
    table = profile_cues()[group]
    if lang and lang in table:
        return table[lang] + (table.get("en", []) if lang != "en" else [])
    return sorted({w for k, ws in table.items() if not k.startswith("_") for w in ws})


@dataclass
class Findings:
    doc: Document
    lang: str | None
    sentences: list[Sentence]
    values: list[Match]  # dates, periods, amounts, ids, urls, e-mails, phones, registry ids
    funds: list[Match]  # the gazetteer's funds and programmes, and those named after a programme word
    countries: list[Match]
    cities: list[Match]
    international: list[Match]
    status: list[Match]
    quotes: list[tuple[int, int]]
    as_of: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def of_kind(self, *kinds: str) -> list[Match]:
        return [m for m in self.values if m.kind in kinds]

    # Derived once per document: extraction asks these thousands of times (see integraph/spans.py).
    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def quote_spans(self) -> Spans:
        return Spans(self.quotes)

    @cached_property
    def place_starts(self) -> list[int]:
        return sorted(c.start for c in self.countries + self.cities)

    @cached_property
    def fund_ends(self) -> list[int]:
        return sorted(f.end for f in self.funds)

    @cached_property
    def lowered(self) -> str:
        return self.doc.text.lower()

    def cues_in_text(self, cues: list[str]) -> list[str]:
        """Those of the lower-case `cues` (in their order) that a lower-cased stretch of the text may
        hold: rules that look for many cues in every sentence look only for these.  Lower-casing maps
        each character alone except the Greek sigma, whose final form depends on the next
        character, so a cue with a sigma is always kept."""
        low = self.lowered
        return [c for c in cues if c in low or "σ" in c or "ς" in c]

    def sentence_at(self, offset: int) -> Sentence:
        k = bisect_right(self.sentence_starts, offset) - 1  # sentences are in text order and do not overlap
        if k >= 0 and offset < self.sentences[k].end:
            return self.sentences[k]
        return Sentence(offset, offset)

    def taken(self) -> list[tuple[int, int]]:
        spans = [(m.start, m.end) for m in self.values if m.kind not in ("date",)]
        spans += [(m.start, m.end) for m in self.funds + self.countries + self.cities + self.international]
        return spans


def analyse(doc: Document) -> Findings:
    from integraph.extract.acronyms import NOT_ORG_ACRONYMS
    from integraph.extract.programmes import named_programmes
    from integraph.extract.recognise import find_all
    from integraph.gazetteer import cities, countries, cues, funds, orgs

    text, lang = doc.text, doc.language
    values = find_all(text, lang)
    fund_m = funds.find(text, lang)
    country_m = countries.find(text, lang)
    hint = _country_of_language(lang)
    city_m = [m for m in cities.find(text, lang) if not _overlaps(m, country_m)]
    intl = [m for m in orgs.find_international(text, lang) if not _overlaps(m, fund_m)]
    # programmes the gazetteer does not know, named after a programme word ("Landesprogramm KOMM-AN NRW")
    named = named_programmes(text, lang, fund_m, NOT_ORG_ACRONYMS | {str(m.value) for m in fund_m})
    if named:
        fund_m = sorted(fund_m + named, key=lambda m: m.start)
    found = Findings(
        doc=doc, lang=lang, sentences=sentences(text), values=values, funds=fund_m, countries=country_m,
        cities=city_m, international=intl, status=cues.match_status(text, lang), quotes=quoted(text),
    )
    found.extra["country_hint"] = hint
    found.as_of = document_as_of(doc, values)
    return found


def _overlaps(m: Match, others: list[Match]) -> bool:
    return any(o.start < m.end and m.start < o.end for o in others)


# Languages spoken as a national language in one country only (for country hints).
ONE_COUNTRY = {"bg": "BG", "pl": "PL", "cs": "CZ", "sk": "SK", "hu": "HU", "hr": "HR", "sl": "SI", "lt": "LT",
               "lv": "LV", "et": "EE", "da": "DK", "fi": "FI", "mt": "MT", "ro": "RO"}
# Not Ukrainian: in EU sources it is mostly the language of refugees, not of the publisher's country.


def _country_of_language(lang: str | None) -> str | None:
    return ONE_COUNTRY.get(lang or "")


def document_as_of(doc: Document, values: list[Match]) -> str | None:
    """The date a document speaks from: its dateline or dated header; else a year in its title
    (an annual report speaks from its year), made precise by a stated date of that year (a
    'published' or 'Date:' line, a signed-off dateline at the end); else the page's own date,
    else the year it names most often (the latest on ties)."""
    head_end = min(len(doc.text), 300)
    days = [m for m in values if m.kind == "date" and m.extra.get("precision") == "day"]
    for m in days:  # "last updated 4 May 2025", "Datum a čas: 18. 6. 2025" at the top
        if m.start < head_end and (_after_dated_cue(doc, m) or _after_dated_cue(doc, m, "date_label")):
            return str(m.value)
    for m in days:  # "Bologna, 10 febbraio 2025"
        if m.start < head_end and _on_own_line(doc.text, m):
            return str(m.value)
    stated = _stated_date(doc, days)
    if stated is None and doc.date and not doc.media_type.startswith(("application/pdf", "application/vnd")):
        stated = doc.date  # a web page's stated date; a PDF's or DOCX's is only when the file was written
    if doc.title:
        from integraph.extract.recognise import dates

        in_title = [m for m in dates.find(doc.title, doc.language) if m.kind == "date"]
        if len(in_title) == 1 and in_title[0].extra.get("precision") != "year":
            return str(in_title[0].value)
        years = YEAR_IN_TITLE.findall(doc.title)
        if len(years) == 1:
            # "Förderaufruf 2025 … Stand: 14.03.2025" → the day; "Annual report 2024 … 28 March 2025" → 2024
            return stated if stated and stated.startswith(years[0]) else years[0]
    if stated:
        return stated
    counts: dict[str, int] = {}
    for m in values:
        if m.kind == "date":
            y = str(m.value)[:4]
            counts[y] = counts.get(y, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))


def _stated_date(doc: Document, days: list[Match]) -> str | None:
    head_end = min(len(doc.text), 300)
    for m in days:  # "Stand: 14.03.2025", "közzétéve: 2024. március 28." in a footer
        if _after_dated_cue(doc, m):
            return str(m.value)
    for m in days:  # "Datum a čas: 18. 6. 2025" atop minutes, "Data: 30/01/2025" under a press release's title
        if m.start < 2 * head_end and _after_dated_cue(doc, m, "date_label"):
            return str(m.value)
    for m in reversed(days):  # "Malmö den 20 mars 2026" above the board's signatures
        if m.start > len(doc.text) - 600 and _on_own_line(doc.text, m):
            return str(m.value)
    return None


def _after_dated_cue(doc: Document, m: Match, group: str = "dated") -> bool:
    """'last updated 10 March 2025', 'Frissítve: 2025. november 3.', 'Zverejnené: 10. 2. 2025'
    (group "dated"); 'Datum: …', 'Data: …' (group "date_label")."""
    from integraph.gazetteer import cues

    before = doc.text[max(doc.text.rfind("\n", 0, m.start) + 1, m.start - 40):m.start].lower().rstrip(" :·–-")
    return any(before.endswith(c.lower()) and not before[:-len(c)][-1:].isalpha()
               for c in cues.cues(group, doc.language))


def _on_own_line(text: str, m: Match) -> bool:
    """A dateline: the date alone, or after a place ('Bologna, 10 febbraio 2025'), or before a
    byline ('30/05/2020 editor') — not a labelled field ('Registered: 14 March 2012')."""
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)].rstrip("=-_*#~ ")  # a text underline
    before = text[line_start:m.start]
    # "PRESSMEDDELANDE · Göteborg 14 november 2024": a kind of text and a place may lead a dateline
    return len(line) < 80 and ":" not in before and (len(before.strip()) <= 25 or
                                                     len(before.strip()) <= 45 and bool(re.search(r"[·|•]", before)))
