"""Fill each project frame's slots from the findings its scope owns.

This module is the order of work and the slots read straight from the findings (funder, grant id,
amount, URL, period and dates, places, outputs, the report's owner); partners.py, field_slots.py,
roles.py and status.py hold the other slots' rules.
"""
from __future__ import annotations

import re
from functools import lru_cache

from integraph.extract.emit import Emitter
from integraph.extract.entities import Mention, Mentions
from integraph.extract.field_slots import _labelled, _one_fund_above_all, _table_rows
from integraph.extract.findings import Findings, cue_words
from integraph.extract.frames import EXTRACTOR, Frame
from integraph.extract.labels import LABEL_LINE, _normalised_labels
from integraph.extract.partners import _partner_sections, _roles, _title_of_organisation
from integraph.extract.roles import _prose_roles
from integraph.extract.scopes import owner
from integraph.extract.status import _status
from integraph.spans import Spans, starting_in
from integraph.textutil import normalise


def fill(found: Findings, frames: list[Frame], em: Emitter, mentions: Mentions) -> None:
    text = found.doc.text
    for f in frames:
        f.entity = em.entity("Project", f.key)
        for a, b in f.mentions:
            em.fact(f.entity, "Project", "title", text[a:b].strip().strip("*_ ").rstrip(".,;:"), a, b, EXTRACTOR, 0.9)
        if f.acronym and f.acronym_spans:
            a, b = f.acronym_spans[0]
            em.fact(f.entity, "Project", "acronym", f.acronym, a, b, EXTRACTOR, 0.9)
        for a, b in f.mentions + f.acronym_spans:
            mentions.add(Mention(a, b, f.entity, "Project", text[a:b]))
    if not frames:
        return

    def mine(start: int) -> Frame | None:
        return owner(frames, start)

    org_mentions = [m for m in mentions.items if m.schema == "Organisation"]
    for m in found.funds:
        f = mine(m.start)
        if f and "named_at" in m.extra and _line_label_group(found, m.start) != "funder":
            continue  # a programme the gazetteer does not know funds only where a label says so (or a table's header)
        if f:
            pid = em.known("Programme", str(m.value))
            if pid:
                em.fact(f.entity, "Project", "funder", pid, m.start, m.end, EXTRACTOR, 0.85)
    for m in found.values:
        f = mine(m.start)
        if not f:
            continue
        if m.kind == "grant_id":
            em.fact(f.entity, "Project", "grant_id", m.value, m.start, m.end, EXTRACTOR, 0.85)
        elif m.kind == "amount":
            v = m.value if isinstance(m.value, dict) else {}
            if v.get("currency"):
                em.fact(f.entity, "Project", "amount", f"{v['value']} {v['currency']}", m.start, m.end, EXTRACTOR, 0.8)
        elif m.kind == "url":
            if _speaks_of_project(found, f, m.start):
                em.fact(f.entity, "Project", "url", m.extra.get("normalised", m.value), m.start, m.end, EXTRACTOR, 0.75)
        elif m.kind == "period":
            if _programme_period(found, m) or _short_event(m.value):
                continue
            start, end = m.value
            if start:
                em.fact(f.entity, "Project", "start", start, m.start, m.end, EXTRACTOR, 0.85)
            if end:
                em.fact(f.entity, "Project", "end", end, m.start, m.end, EXTRACTOR, 0.85)
        elif m.kind == "date" and not _inside(found, m.start, m.end, ("grant_id",)):
            if _founding_sentence(found, m.start):
                continue  # "MTÜ … on 2017. aastal asutatud": the organisation's year, not the project's
            role = m.extra.get("role") or _date_role(found, m.start)
            if role in ("start", "end"):
                em.fact(f.entity, "Project", role, m.value, m.start, m.end, EXTRACTOR, 0.75)
    org_names = {o.text for o in org_mentions if len(o.text.split()) > 1}
    third = _third_country_places(em)
    in_org = Spans((o.start, o.end) for o in org_mentions)
    by_end = sorted(org_mentions, key=lambda o: o.end)
    ends = [o.end for o in by_end]
    for m in mentions.items:
        if m.schema != "Place" or m.entity in third:
            continue
        f = mine(m.start)
        if f and not in_org.contains(m.start, m.end) \
                and not _inside_known_name(text, m.start, m.end, org_names) \
                and not _location_of_organisation(text, m.start, [by_end[i] for i in starting_in(ends, m.start - 30, m.start + 1)]):
            em.fact(f.entity, "Project", "place", m.entity, m.start, m.end, EXTRACTOR, 0.7)
    _labelled(found, frames, em, mentions)
    _partner_sections(found, frames, em, mentions)
    _table_rows(found, frames, em, mentions)
    _roles(found, frames, em, mentions)
    _prose_roles(found, frames, em, mentions)
    _title_of_organisation(found, frames, em, mentions)
    _report_owner(found, frames, em, mentions)
    _one_fund_above_all(found, frames, em)
    _outputs(found, frames, em)
    _status(found, frames, em)


# Where the projects we read run: the EU, the EEA, Switzerland and the United Kingdom.  A country
# outside them is, in an integration text, where participants come from ("głównie z Ukrainy,
# Białorusi i Gruzji", "originaires de 67 pays"), not a place of the project.
PROJECT_COUNTRIES = {
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
    "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH", "GB",
}


def _third_country_places(em: Emitter) -> set[str]:
    """Place entities that are countries (or their cities) outside PROJECT_COUNTRIES."""
    return {st.entity for st in em.statements if st.schema == "Place" and st.prop == "country"
            and str(st.value).upper() not in PROJECT_COUNTRIES}


def _inside_known_name(text: str, start: int, end: int, names: set[str]) -> bool:
    """'Most' in 'Most Kultur' when the document names 'Fundacja Most Kultur' elsewhere."""
    surface = text[start:end]
    for name in names:
        at = name.find(surface)
        while at >= 0:
            tail = name[at:]
            # the words of the name that follow the place must follow it here too
            nxt = tail[len(surface):].split()[:1]
            if nxt and text[end:end + 1 + len(nxt[0])].strip() == nxt[0]:
                return True
            at = name.find(surface, at + 1)
    return False


def _location_of_organisation(text: str, start: int, orgs: list[Mention]) -> bool:
    """'Fundacja Most Kultur, Krakau (Polen)', 'Verein Brücken e.V. z Lipska': where a partner sits,
    not where the project runs."""
    from integraph.extract.profile import FROM

    for o in orgs:
        gap = text[o.end:start]
        if 0 <= start - o.end <= 30 and (re.fullmatch(r"\s*[,(–-]\s*(?:[^\W\d_]+\s*[,(]\s*)?", gap) or FROM.match(gap)):
            return True
    return False


def _speaks_of_project(found: Findings, f: Frame, offset: int) -> bool:
    """Inside a project's own section, or in a sentence or line that names it, a project word or a
    website label: an organisation's contact address at the foot of a page is not the project's."""
    from integraph.gazetteer import cues

    if any(a <= offset < b and b - a < len(found.doc.text) for a, b in f.ranges) and len(f.ranges) and \
            any(heading_section_at(found, x) for x, _ in f.mentions):
        return True
    s = found.sentence_at(offset)
    line_start = found.doc.text.rfind("\n", 0, offset) + 1
    window = found.doc.text[min(s.start, line_start):s.end].lower()
    words = [w.lower() for w in cues.cues("project_words", found.lang) if len(w) > 3]
    words += [w.lower() for w in cues.field_labels(found.lang).get("website", [])]
    return any(a <= offset < b for a, b in f.mentions) or any(w in window for w in words) or \
        any(s.start <= a < s.end for a, _ in f.mentions)


def heading_section_at(found: Findings, a: int) -> bool:
    return any(s.start <= a < s.start + len(s.heading) + 1 for s in found.doc.sections)


def _short_event(value: tuple) -> bool:
    """'5-6 February 2020': a meeting, not a project period (both ends in the same month, day precision)."""
    a, b = (str(v or "") for v in value)
    return len(a) == 10 and len(b) == 10 and a[:7] == b[:7]


def _programme_period(found: Findings, m) -> bool:
    """'Programme 2021–2027', 'FAMI 2021-2027': a funding period, not the project's."""
    if any(len(str(v or "")) > 4 for v in m.value):
        return False
    before = found.doc.text[max(0, m.start - 40):m.start]
    if re.search(r"progra|πρόγραμ|програм|fund|fond|фонд|ταμεί", before, re.I):
        return True
    if _line_label_group(found, m.start) == "funder":  # "Financeur : FSE+, programme « … » 2021-2027"
        return True
    return bool(starting_in(found.fund_ends, m.start - 25, m.start + 1))  # a fund named just before


def _line_label_group(found: Findings, offset: int) -> str | None:
    """The field group of the label that opens the line holding `offset` ("Durée :" → period)."""
    text = found.doc.text
    line_start = text.rfind("\n", 0, offset) + 1
    m = LABEL_LINE.match(text, line_start)
    if m is None or m.start(2) > offset:
        return None
    label = normalise(m.group(1))
    return next((g for g, words in _normalised_labels(found.lang) if label in words), None)


def _inside(found: Findings, a: int, b: int, kinds: tuple[str, ...]) -> bool:
    return any(m.start <= a and b <= m.end and m.kind in kinds for m in found.values)


def _founding_sentence(found: Findings, offset: int) -> bool:
    s = found.sentence_at(offset)
    low = found.doc.text[s.start:s.end].lower()
    return any(c.lower() in low for c in cue_words("founded", found.lang))


def _date_role(found: Findings, start: int) -> str | None:
    s = found.sentence_at(start)
    before = found.doc.text[max(s.start, start - 45):start].lower()
    words = re.findall(r"[\w-]+", before)[-4:]
    for role in ("end", "start"):
        if any(_role_cue_re(role, found.lang).match(w) for w in words):
            return role
    return None


@lru_cache(maxsize=128)
def _role_cue_re(role: str, lang: str | None) -> re.Pattern[str]:
    """Words that start with a long cue ('rozpoczęcia') or are a short one ('od')."""
    cues = {c.lower() for c in cue_words(role, lang)}
    long = "|".join(re.escape(c) for c in sorted((c for c in cues if len(c) > 3), key=len, reverse=True))
    short = "|".join(re.escape(c) for c in sorted((c for c in cues if len(c) <= 3), key=len, reverse=True))
    return re.compile("|".join(x for x in (f"(?:{long})" if long else "", f"(?:{short})$" if short else "") if x)
                      or r"(?!)")


def _outputs(found: Findings, frames: list[Frame], em: Emitter) -> None:
    from integraph.gazetteer import cues

    labels = cues.field_labels(found.lang).get("outputs", []) if hasattr(cues, "field_labels") else []
    stems = [normalise(w)[:7] for w in labels if len(w) >= 4]
    publications = [normalise(w) for w in cue_words("publication", found.lang) if len(w) >= 4]
    text = found.doc.text
    titles = {f.key for f in frames}
    for a, b in found.quotes:
        f = owner(frames, a)
        if f is None or normalise(text[a:b]) in titles or len(text[a:b].split()) < 2:
            continue
        s = found.sentence_at(a)
        low = normalise(text[s.start:a])
        last_words = low.split()[-2:]
        if any(st in low for st in stems) or any(w.startswith(p) for w in last_words for p in publications):
            em.fact(f.entity, "Project", "output", text[a:b], a, b, EXTRACTOR, 0.7)


def _report_owner(found: Findings, frames: list[Frame], em: Emitter, mentions: Mentions) -> None:
    """In an organisation's own report or page, its projects are its own unless the text says
    otherwise: with no stated lead, the owner leads; with another lead, the owner takes part."""
    from integraph.extract.profile import document_owner

    owner_mention = document_owner(found, mentions)
    if owner_mention is None:
        return
    leads = {s.entity: s.value for s in em.statements if s.prop == "lead"}
    partners = {(s.entity, s.value) for s in em.statements if s.prop == "partner"}
    # a ministry's or agency's page about projects others lead lists what it funds or approved
    public = any(s.entity == owner_mention.entity and s.prop == "kind" and s.value == "public" for s in em.statements)
    for f in frames:
        lead = leads.get(f.entity)
        if lead is None and (f.entity, owner_mention.entity) not in partners:
            em.fact(f.entity, "Project", "lead", owner_mention.entity, owner_mention.start, owner_mention.end,
                    "integraph.report-owner.v1", 0.5)
        elif lead is not None and lead != owner_mention.entity and (f.entity, owner_mention.entity) not in partners \
                and not public and not f.rows:  # a table row's lead is another's project in a list of them
            em.fact(f.entity, "Project", "partner", owner_mention.entity, owner_mention.start, owner_mention.end,
                    "integraph.report-owner.v1", 0.5)
