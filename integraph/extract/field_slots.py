"""Values of labelled fields and table columns: a "Label: value" line of a known field group
(partners, lead, person, role) and each column of a project's row in a table of projects (lead,
partners, amount, place, grant id), read as what the label or header says they are.

Separate from slots.py because these values are typed by the document's layout, not by the
recognisers: the label or column is the evidence.
"""
from __future__ import annotations

import re

from integraph.extract.emit import Emitter
from integraph.extract.entities import Mentions, town
from integraph.extract.findings import Findings
from integraph.extract.frames import EXTRACTOR, Frame
from integraph.extract.labels import _label_lines
from integraph.extract.partners import CONJUNCTIONS, organisations_in
from integraph.extract.roles import HONORIFIC, PERSON, _person_value, _role_name
from integraph.extract.scopes import owner
from integraph.textutil import normalise


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


def _one_fund_above_all(found: Findings, frames: list[Frame], em: Emitter) -> None:
    """A call's announcement or a ministry's release ('three contracts were signed under the AMIF
    programme', then the projects) names its fund once, before every project: when the document
    names no other fund and no project says its own, each project is funded by that one."""
    funded = {st.entity for st in em.statements if st.prop == "funder"}
    if len(frames) < 2 or any(f.entity in funded for f in frames) or not found.funds:
        return
    if len({str(m.value) for m in found.funds}) != 1:
        return
    first = min(found.funds, key=lambda m: m.start)
    if any(a <= first.start for f in frames for a, _ in f.mentions + f.acronym_spans):
        return
    pid = em.known("Programme", str(first.value))
    if pid:
        for f in frames:
            em.fact(f.entity, "Project", "funder", pid, first.start, first.end, "integraph.document-fund.v1", 0.55)


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


def _plain(number: object) -> str:
    """850000.00 → '850000', 412380.50 → '412380.5'."""
    from decimal import Decimal

    d = Decimal(str(number))
    return format(d.quantize(Decimal(1)) if d == d.to_integral() else d.normalize(), "f")


def _inside_kind(found: Findings, a: int, b: int, kind: str) -> bool:
    return any(a <= m.start and m.end <= b for m in found.values if m.kind == kind)
