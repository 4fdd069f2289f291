"""Fill each project frame's slots from the findings its scope owns."""
from __future__ import annotations

import re
from functools import lru_cache

from integraph.extract.emit import Emitter
from integraph.extract.entities import Mention, Mentions, town
from integraph.extract.findings import Findings, cue_words
from integraph.extract.frames import EXTRACTOR, Frame
from integraph.extract.labels import LABEL_LINE, _label_lines, _normalised_labels
from integraph.extract.scopes import NUMBERING, owner, paragraphs
from integraph.extract.literals import occurs
from integraph.spans import Spans, starting_in
from integraph.textutil import normalise

# two to four capitalised words, name particles allowed between them ("Ilse de Vries", "Jan van Dijk")
PERSON = re.compile(r"^((?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][\w'’-]+\s?(?:(?:de|da|di|van|von|der|den|dos|du|la|le|ter|af)\s)?){2,4})")
CONJUNCTIONS = "i|oraz|and|und|et|e|y|a|и|és|ja|och|og|en|ir|un|și|ve|та|και|in|ning"
LIST_SPLIT = re.compile(rf"\s*(?:,|;|\s+(?:{CONJUNCTIONS})\s+)\s*")


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
    _report_owner(found, frames, em, mentions)
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


def _labelled(found: Findings, frames: list[Frame], em: Emitter, mentions: Mentions) -> None:
    """'partnerzy: A, B i C', 'Koordynator: Jana Nováková', 'Financing body: …'."""
    text = found.doc.text
    for group, m in _label_lines(found):
        f = owner(frames, m.start())
        if f is None:
            continue
        v0, v1 = m.start(2), m.end(2)
        while v0 < v1 and text[v0] in "|│ \t":  # table cells flattened to "Label: | value"
            v0 += 1
        if group == "lead" and _person_value(found, m.group(1), text[v0:v1]):
            group = "person_role"  # "Project coordinator: Dr. Anna Lehmann" names a person, not the lead
        if group in ("partners", "lead"):
            prop = "partner" if group == "partners" else "lead"
            value_start = v0 + (text[v0:v1].rfind(":") + 1 if ":" in text[v0:v1] else 0)
            for eid in organisations_in(text, em, mentions, value_start, v1, found.lang):
                em.fact(f.entity, "Project", prop, eid, m.start(), m.end(), EXTRACTOR, 0.8)
        elif group in ("person", "person_role"):
            from integraph.gazetteer import orgs

            if any(orgs.legal_form(w, found.lang) not in (None, "generic") for w in text[v0:v1].split()):
                # "Samordnare: Nya Broar ideell förening": a coordinating organisation is the lead
                if _role_name(m.group(1)) == "coordinator":
                    for eid in organisations_in(text, em, mentions, v0, v1, found.lang):
                        em.fact(f.entity, "Project", "lead", eid, m.start(), m.end(), EXTRACTOR, 0.75)
                continue
            title = HONORIFIC.match(text[v0:v1])
            if title:
                v0 += title.end()
            p = PERSON.match(text[v0:v1])
            if p:
                name = p.group(1).strip()
                pid = em.entity("Person", normalise(name))
                em.fact(pid, "Person", "name", name, v0, v0 + len(name), EXTRACTOR, 0.8)
                role = _role_name(m.group(1))
                em.fact(f.entity, "Project", "person", f"{pid}|{role}", m.start(), m.end(), EXTRACTOR, 0.8)


HONORIFIC = re.compile(r"^(?:Dr|Prof|Mgr|Ing|PhDr|JUDr|MUDr|Mag|Dipl|Dott|Dra?|Sr|Sra|д-р|проф|доц|Δρ|dr hab)\.?\s", re.I)


def organisations_in(text: str, em: Emitter, mentions: Mentions, a: int, b: int,
                     lang: str | None = None, prose: bool = False) -> list[str]:
    """The organisations a field's value names: the mentions found in it, and the list items the
    name rules missed, which still name organisations because the label or column says so.

    `prose`: the list follows a cooperation cue in running text, so only the items right after
    the cue count, and each must look like a name (capitalised words, or an institution word)."""
    out = [o.entity for o in mentions.within(a, b, "Organisation")]
    # split on list separators outside brackets: "Fundación X (Valencia, España), Y"
    masked = re.sub(r"\([^()]*\)", lambda m: "\0" * len(m.group()), text[a:b])
    pieces, last = [], 0
    for sep in LIST_SPLIT.finditer(masked):
        pieces.append((a + last, a + sep.start()))
        last = sep.end()
    pieces.append((a + last, b))
    for x, y in pieces:
        item = re.sub(r"\s*\([^()]*\)\s*$", "", text[x:y])  # the seat in brackets is not the name
        lead_in = re.match(r"\s*(?:(?:[^\W\d_]{1,4}(?![^\W\d_])|l['’]|d['’])\s*){1,2}(?=[^\W\d_])", item)
        if lead_in and lead_in.group().strip() and lead_in.group().strip().islower():
            item = " " * lead_in.end() + item[lead_in.end():]  # "the City of Lyon", "la Ville de Lyon"
        at = x + (len(item) - len(item.lstrip()))
        item_s = item.strip().rstrip(".")
        if prose and (not item_s[:1].isupper() or not _name_shaped(item_s, lang)):
            break  # the names after "in partnership with" end where the sentence goes on
        if len(item_s) < 3 or not item_s[:1].isupper() or _named_already(mentions, at, at + len(item_s)) \
                or _is_place_name(item_s):
            continue  # "Verein Brücken e.V., Leipzig, Germany": the seat is not a partner
        eid = em.known("Organisation", normalise(item_s)) or em.entity("Organisation", normalise(item_s))
        em.fact(eid, "Organisation", "name", item_s, at, at + len(item_s), "integraph.field-label.v1", 0.7)
        kind = _kind_word(item_s, lang)
        if kind:  # "Alytaus miesto savivaldybe" is a public body, "Fundación Tierra Común" a foundation
            em.fact(eid, "Organisation", "kind", kind, at, at + len(item_s), "integraph.field-label.v1", 0.6)
        mentions.add(Mention(at, at + len(item_s), eid, "Organisation", item_s))
        out.append(eid)
    return out


def _partner_sections(found: Findings, frames: list[Frame], em: Emitter, mentions: Mentions) -> None:
    """A section headed by a partners label ("Partners", "Partenaires", "Партньори") lists the
    partners of the project whose text holds it: the organisation opening each paragraph or item.
    An item that calls its organisation the coordinator names the lead."""
    labels = dict(_normalised_labels(found.lang))
    partner_words, lead_words = set(labels.get("partners", ())), [w for w in labels.get("lead", ()) if len(w) >= 5]
    text = found.doc.text
    for sec in found.doc.sections:
        heading = sec.heading.strip().rstrip(":")
        heading = heading[len(NUMBERING.match(heading).group()):]  # "2. Partenariato"
        if normalise(heading) not in partner_words:
            continue
        f = owner(frames, sec.start)
        if f is None:
            continue
        for a, b in paragraphs(found):
            if not sec.start + len(sec.heading) < a < sec.end:
                continue
            first = next(iter(mentions.within(a, b, "Organisation")), None)
            if first is not None and text[a:first.start].strip(" \t-–•*0123456789.)"):
                first = None  # only an organisation that opens its item is the item's subject
            if first is not None:
                eid, head_end = first.entity, first.end
            else:
                # no name rule knew it ("Gefyra Allilengyis (Thessaloniki, Greece) – …"): the item's
                # head before its brackets or dash is the name, because the heading says so
                head = re.match(r"[^()\n–—:;,]{3,80}", text[a:b])
                if head is None or len(head.group().split()) > 8 or not head.group()[:1].isupper():
                    continue
                names = head.group().rstrip().split(" / ")  # "Сдружение „Нов дом“ / New Home Association"
                found_ids = organisations_in(text, em, mentions, a, a + len(names[0]), found.lang)
                if len(found_ids) != 1:
                    continue
                eid, head_end = found_ids[0], a + head.end()
                for other in names[1:]:
                    at = text.find(other, a, head_end)
                    if other.strip() and other[:1].isupper():
                        em.fact(eid, "Organisation", "name", other, at, at + len(other), "integraph.partner-section.v1", 0.7)
            rest = normalise(text[head_end:b])
            prop = "lead" if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", rest) for w in lead_words) else "partner"
            em.fact(f.entity, "Project", prop, eid, a, b, "integraph.partner-section.v1", 0.7)


def _kind_word(name: str, lang: str | None) -> str | None:
    from integraph.gazetteer import orgs

    # the whole name first, for phrases ("Câmara Municipal de Lisboa"), then word by word
    whole = orgs.legal_form(name, lang)
    if whole not in (None, "generic"):
        return whole
    return next((k for k in (orgs.legal_form(w, lang) for w in name.split()) if k not in (None, "generic")), None)


def _name_shaped(item: str, lang: str | None) -> bool:
    """'Gradom Rijekom', 'VIA University College', 'Kauno miesto savivaldybe': every word
    capitalised but short joining words, or an institution word among them; not a German noun
    phrase ('Kommunen lokale Anlaufstellen')."""
    from integraph.extract.org_name_words import CONNECTORS
    from integraph.gazetteer import orgs

    words = item.split()
    if any(orgs.legal_form(w, lang) not in (None, "generic") for w in words):
        return True
    return all(w[:1].isupper() or w.lower() in CONNECTORS or len(w) <= 3 for w in words)


def _table_rows(found: Findings, frames: list[Frame], em: Emitter, mentions: Mentions) -> None:
    """What a table's columns say of the row's project beyond what the recognisers found in it."""
    from integraph.extract.recognise.amounts import parse_number

    text = found.doc.text
    funded = {st.entity for st in em.statements if st.prop == "funder"}
    for f in frames:
        if f.rows and f.entity not in funded:
            # a call's results or a ministry's list names its fund once, above the table
            before = {str(m.value): m for m in found.funds if m.start < f.rows[0][0].start}
            pid = em.known("Programme", next(iter(before))) if len(before) == 1 else None
            if pid:
                m = next(iter(before.values()))
                em.fact(f.entity, "Project", "funder", pid, m.start, m.end, "integraph.table-fund.v1", 0.6)
        for row, currency in f.rows:
            for group, (a, b) in row.cells.items():
                value = text[a:b].strip()
                if group in ("lead", "partners"):
                    prop = "lead" if group == "lead" else "partner"
                    for eid in organisations_in(text, em, mentions, a, b, found.lang):
                        em.fact(f.entity, "Project", prop, eid, a, b, EXTRACTOR, 0.8)
                elif group == "amount" and currency and not _inside_kind(found, a, b, "amount"):
                    number = parse_number(value)  # "412 380,50" under "Schválený NFP (€)"
                    if number is not None and number > 0:
                        number = number * row.scale  # "0,85" under "Zuwendung (Mio. €)"
                        em.fact(f.entity, "Project", "amount", f"{_plain(number)} {currency}", a, b, EXTRACTOR, 0.75)
                elif group == "place":
                    for eid, x, y in _towns_in_cell(found, em, mentions, a, b):
                        em.fact(f.entity, "Project", "place", eid, x, y, EXTRACTOR, 0.75)
                elif group == "grant_id" and not _inside_kind(found, a, b, "grant_id") \
                        and re.search(r"\d", value) and " " not in value.strip() and 4 <= len(value) <= 60:
                    em.fact(f.entity, "Project", "grant_id", value, a, b, EXTRACTOR, 0.75)


def _towns_in_cell(found: Findings, em: Emitter, mentions: Mentions, a: int, b: int) -> list[tuple[str, int, int]]:
    """The towns a place column names ('Köln', 'Koper, Izola, Piran'): places already found in the
    cell, and each listed item the town table knows (a bare name needs no context here, the column
    says it is a place)."""
    from integraph.gazetteer import cities

    text = found.doc.text
    out = [(m.entity, m.start, m.end) for m in mentions.within(a, b, "Place")]
    pos = a
    for item in re.split(r"\s*(?:,|;|/|\s+(?:" + CONJUNCTIONS + r")\s+)\s*", text[a:b]):
        x = text.find(item, pos, b) if item else -1
        if x < 0:
            continue
        pos = x + len(item)
        if any(x < e and s < x + len(item) for _, s, e in out) or not item[:1].isupper():
            continue
        hits = cities.lookup(item.strip(), found.extra.get("country_hint"))
        if not hits:
            continue
        eid = town(em, mentions, hits[0]["id"], hits[0].get("country"), x, x + len(item), EXTRACTOR, 0.75)
        out.append((eid, x, x + len(item)))
    return out


def _in_cue_list(text: str, a: int, b: int, orgs: list[Mention]) -> bool:
    """Does the cooperation cue's list reach the organisation at `b`? Not past a clause: 'tillsammans
    med Lunds kommun sökt medel … hos Migrationsverket' names one partner, not the funder."""
    from integraph.extract.org_name_words import ARTICLE_WORDS, CONNECTORS

    between = list(text[a:b])
    for o in orgs:
        for k in range(max(o.start, a), min(o.end, b)):
            between[k - a] = " "
    words = re.findall(r"[^\W\d_]+", "".join(between))
    return not any(w.islower() and len(w) >= 4 and w not in CONNECTORS and w not in ARTICLE_WORDS for w in words)


def _plain(number: object) -> str:
    """850000.00 → '850000', 412380.50 → '412380.5'."""
    from decimal import Decimal

    d = Decimal(str(number))
    return format(d.quantize(Decimal(1)) if d == d.to_integral() else d.normalize(), "f")


def _inside_kind(found: Findings, a: int, b: int, kind: str) -> bool:
    return any(a <= m.start and m.end <= b for m in found.values if m.kind == kind)


def _person_value(found: Findings, label: str, value: str) -> bool:
    """A title before a name, or a label that names a person role too and a value with no organisation word."""
    from integraph.gazetteer import cues, orgs

    if HONORIFIC.match(value.strip()):
        return True
    roles = {normalise(w) for w in cues.field_labels(found.lang).get("person_role", [])}
    words = value.split()
    return normalise(label) in roles and 2 <= len(words) <= 3 and bool(PERSON.fullmatch(value.strip())) \
        and not any(orgs.legal_form(w, found.lang) for w in words)


def _named_already(mentions: Mentions, a: int, b: int) -> bool:
    """An organisation or programme overlaps the item, or a place is the whole item; a place inside
    a longer item ("Métropole de Lyon") leaves it a name of its own."""
    return any(m.schema != "Place" or (m.start <= a and b <= m.end) for m in mentions.overlapping(a, b))


def _is_place_name(item: str) -> bool:
    from integraph.gazetteer import cities

    return len(item.split()) <= 2 and bool(cities.lookup(item))


ROLE_WORDS = {"coordinator": ("koordyn", "koordin", "координ", "coordin", "coördin", "samordn", "κοορδιν", "συντονιστ"),
              "manager": ("kierownik", "manager", "ръководител", "vedoucí", "leiter", "leitung", "responsable", "διευθυντ"),
              "contact": ("kontakt", "contact", "контакт", "επικοινων")}


def _role_name(label: str) -> str:
    low = label.lower()
    for role, stems in ROLE_WORDS.items():
        if any(s in low for s in stems):
            return role
    return normalise(label)


def _roles(found: Findings, frames: list[Frame], em: Emitter, mentions: Mentions) -> None:
    """Lead and partners from sentences that speak of a project."""
    from integraph.gazetteer import cues

    text = found.doc.text
    coop = sorted({c.lower() for c in cues.cues("cooperation", found.lang)}, key=len, reverse=True)
    agents = [a.lower() for a in cue_words("agent", found.lang)]
    pwords = [p.lower() for p in cues.cues("project_words", found.lang)]
    for s in found.sentences:
        f = owner(frames, s.start)
        if f is None:
            continue
        sent = text[s.start:s.end]
        low = sent.lower()
        own = [a for a, b in f.mentions + f.acronym_spans if s.start <= a < s.end]
        if not own and not any(occurs(low, p, left_only=True) for p in pwords if len(p) > 2):
            continue
        cut, cue = None, ""
        for c in coop:
            i = low.find(c)
            if i >= 0 and (cut is None or i < cut):
                cut, cue = i, c
        if cut is not None:
            # "in partnership with A and B", "bendradarbiaujant su A ir B": the cue's list names partners,
            # also those no name rule found ("Kauno miesto savivaldybe", "Gradom Rijekom")
            a = s.start + cut + len(cue)
            stop = re.search(r"[.;:(]\s|[.;:(]$|\s[–—]\s", text[a:s.end])
            b = a + stop.start() if stop else s.end
            starts = [a]
            # "en colaboración con el Ayuntamiento, que cede espacios, y con la Universitat": the cue's
            # preposition again after 'and' opens a second list past the clause
            prep = cue.split()[-1]
            again = re.compile(rf"\s(?:{CONJUNCTIONS})\s+{re.escape(prep)}\s", re.I) if len(cue.split()) > 1 else None
            if again is not None:
                starts += [m.end() for m in again.finditer(text, a, b)]
            for x in starts:
                for eid in organisations_in(text, em, mentions, x, b, found.lang, prose=True):
                    em.fact(f.entity, "Project", "partner", eid, s.start, s.end, EXTRACTOR, 0.7)
        orgs = mentions.within(s.start, s.end, "Organisation")
        if not orgs:
            continue
        anchor = min(own) if own else None
        for o in orgs:
            rel = o.start - s.start
            if cut is not None and rel > cut:
                if _in_cue_list(text, s.start + cut + len(cue), o.start, orgs):
                    em.fact(f.entity, "Project", "partner", o.entity, s.start, s.end, EXTRACTOR, 0.75)
                continue
            before = low[max(0, rel - 12):rel]
            if any(re.search(rf"(?<!\w){re.escape(a)}\s+$", before) for a in agents if a):
                em.fact(f.entity, "Project", "lead", o.entity, s.start, s.end, EXTRACTOR, 0.75)
            elif anchor is not None and o.end <= anchor and (cut is None or rel < cut) and o is orgs[0]:
                em.fact(f.entity, "Project", "lead", o.entity, s.start, s.end, EXTRACTOR, 0.7)


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


def _status(found: Findings, frames: list[Frame], em: Emitter) -> None:
    """Status from the headings above a project's mention, else from the sentence that mentions it."""
    for f in frames:
        chosen = None
        project_heads = {sec.start for sec in found.doc.sections for g in frames
                         for a, _ in g.mentions + g.acronym_spans if sec.start <= a < sec.start + len(sec.heading) + 1}
        for a, _ in f.mentions + f.acronym_spans:
            own = next((sec for sec in found.doc.sections if sec.start <= a < sec.start + len(sec.heading) + 1), None)
            if own is not None:  # a cue in the project's own heading ("Completed project: …")
                cand = [m for m in found.status if own.start <= m.start < own.start + len(own.heading) + 1]
                if cand:
                    chosen = cand[0]
                    break
            # the nearest heading before it that is not itself a project's ("Projects in progress")
            for sec in sorted((x for x in found.doc.sections if x.start < a), key=lambda x: -x.start):
                if sec.start in project_heads:
                    continue
                h_end = sec.start + len(sec.heading) + 1
                cand = [m for m in found.status if sec.start <= m.start < h_end]
                chosen = cand[0] if cand and a < sec.end + 1 or cand and own is not None else None
                break
            if chosen:
                break
        if chosen is None:
            for a, _ in f.mentions + f.acronym_spans:
                s = found.sentence_at(a)
                cand = [m for m in found.status if s.start <= m.start < s.end]
                if cand:
                    chosen = min(cand, key=lambda m: abs(m.start - a))
                    break
        if chosen is not None:
            s = found.sentence_at(chosen.start)
            em.fact(f.entity, "Project", "status", chosen.value, min(s.start, chosen.start), max(s.end, chosen.end),
                    EXTRACTOR, 0.75)
        elif found.as_of:
            _status_from_dates(found, f, em)


def _status_from_dates(found: Findings, f: Frame, em: Emitter) -> None:
    """No word says it, but the dates do: a project whose period holds the document's date was ongoing then."""
    mine = [s for s in em.statements if s.entity == f.entity and s.prop in ("start", "end")]
    starts = [s for s in mine if s.prop == "start"]
    ends = [s for s in mine if s.prop == "end"]
    if not starts or not ends:
        return
    as_of = str(found.as_of)
    start, end = starts[0], ends[0]
    if start.value[:len(as_of)] <= as_of and as_of[:len(end.value)] <= end.value:
        status = "ongoing"
    elif as_of[:len(start.value)] < start.value[:len(as_of)]:
        status = "planned"
    elif end.value[:len(as_of)] < as_of[:len(end.value)]:
        status = "completed"
    else:
        return
    a, b = min(start.span.start, end.span.start), max(start.span.end, end.span.end)
    sent = found.sentence_at(a)
    em.fact(f.entity, "Project", "status", status, min(a, sent.start), max(b, sent.end),
            "integraph.status-from-dates.v1", 0.6)


NAME_AFTER = re.compile(r"[\s:–-]*(?:\w{1,4}\s+){0,2}((?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][a-zà-ÿā-žа-яёіїєґά-ώ'’-]+\s?){2,3})")
NAME_BEFORE = re.compile(r"((?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][a-zà-ÿā-žа-яёіїєґά-ώ'’-]+\s){1,2}[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][a-zà-ÿā-žа-яёіїєґά-ώ'’-]+),\s*$")


def _prose_roles(found: Findings, frames: list[Frame], em: Emitter, mentions: Mentions) -> None:
    """'Liderem projektu jest Verein Brücken e.V.', 'Координатор е …', 'Koordynatorką projektu jest Anna Nowak',
    'spiega Giulia Ferraresi, coordinatrice del progetto'."""
    from integraph.gazetteer import cues

    text = found.doc.text
    labels = cues.field_labels(found.lang)
    lead_words = sorted({w.lower() for w in labels.get("lead", [])}, key=len, reverse=True)
    role_words = sorted({w.lower() for w in labels.get("person_role", [])}, key=len, reverse=True)
    places = [(m.start, m.end) for m in mentions.items if m.schema == "Place"]
    org_names = {normalise(m.text) for m in mentions.items if m.schema == "Organisation"}
    for s in found.sentences:
        f = owner(frames, s.start)
        if f is None:
            continue
        low = text[s.start:s.end].lower()
        if ":" in text[s.start:s.end][:40] and LABEL_LINE.match(text, s.start):
            continue  # a labelled line: _labelled() reads it
        for w in lead_words:
            i = _word_at(low, w)
            if i < 0:
                continue
            after = [o for o in mentions.within(s.start + i + len(w), s.end, "Organisation")]
            if after and after[0].start - (s.start + i + len(w)) <= 40:
                em.fact(f.entity, "Project", "lead", after[0].entity, s.start, s.end, "integraph.prose-roles.v1", 0.8)
                break
        for w in role_words:
            i = _word_at(low, w)
            if i < 0:
                continue
            a = s.start + i + len(w)
            m = NAME_AFTER.match(text, a, s.end)
            name_span = (m.start(1), m.start(1) + len(m.group(1).rstrip())) if m else None
            if name_span is not None and any(n.startswith(normalise(text[name_span[0]:name_span[1]]))
                                             for n in org_names):
                name_span = None  # "…, projektledare på Nya Broar": the employer, not the person
            if name_span is None:
                mb = NAME_BEFORE.search(text, max(s.start, a - len(w) - 60), s.start + i)
                name_span = (mb.start(1), mb.end(1)) if mb else None
            if name_span is None or mentions.overlapping(*name_span) or any(
                    x < name_span[1] and name_span[0] < y for x, y in places):
                continue
            name = text[name_span[0]:name_span[1]]
            pid = em.entity("Person", normalise(name))
            em.fact(pid, "Person", "name", name, name_span[0], name_span[1], "integraph.prose-roles.v1", 0.7)
            em.fact(f.entity, "Project", "person", f"{pid}|{_role_name(w)}", s.start, s.end,
                    "integraph.prose-roles.v1", 0.7)
            break


def _word_at(low: str, w: str) -> int:
    """Where the cue `w` starts in `low`; long cues match inflected endings too ("Koordynatorką")."""
    if w not in low:  # most sentences hold no cue: a substring test is far cheaper than the regex
        return -1
    m = _cue_word_re(w).search(low)
    return m.start() if m else -1


@lru_cache(maxsize=4096)
def _cue_word_re(w: str) -> re.Pattern[str]:
    tail = r"\w{0,3}" if len(w) >= 6 else ""
    return re.compile(rf"(?<!\w){re.escape(w)}{tail}(?!\w)")


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
                and not public:
            em.fact(f.entity, "Project", "partner", owner_mention.entity, owner_mention.start, owner_mention.end,
                    "integraph.report-owner.v1", 0.5)
