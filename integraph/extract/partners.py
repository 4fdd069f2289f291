"""Partners and leads named in lists: the organisations a field's or a cooperation phrase's
list names ("in partnership with A and B", "partnerzy: A, B i C"), a section headed "Partners",
and the lead or partners of a sentence that speaks of a project.

Separate from slots.py because list splitting and the tests that a list item is an organisation's
name are a job of their own, shared by labelled fields and table cells (field_slots.py).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from integraph.extract.emit import Emitter
from integraph.extract.entities import Mention, Mentions
from integraph.extract.findings import Findings, cue_words
from integraph.extract.frames import EXTRACTOR, Frame
from integraph.extract.labels import _normalised_labels
from integraph.extract.scopes import NUMBERING, owner, paragraphs
from integraph.textutil import normalise

CONJUNCTIONS = "i|oraz|and|und|et|e|y|a|и|és|ja|och|og|en|ir|un|și|ve|та|και|in|ning"
LIST_SPLIT = re.compile(rf"\s*(?:,|;|\s+(?:{CONJUNCTIONS})\s+)\s*")


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
        seat = next((p for p in mentions.within(at, at + len(item_s), "Place") if p.end == at + len(item_s)), None)
        before_seat = re.search(r"\s+[^\W\d_]{1,4}\s+$", text[at:seat.start]) if seat is not None else None
        named = text[at:at + before_seat.start()] if before_seat else ""
        if before_seat and before_seat.group().strip().islower() and before_seat.start() > 0 \
                and (_kind_word(named, lang) or _kind_word(named, None)) not in (None, "public"):
            # "Associação Ponte Aberta iz Porta": the seat is no part of the name ("Câmara Municipal
            # de Lisboa", a public body, is named by its town)
            item_s = named
        if prose and (not item_s[:1].isupper() or not _name_shaped(item_s, lang)):
            break  # the names after "in partnership with" end where the sentence goes on
        if len(item_s) < 3 or not item_s[:1].isupper() or _named_already(mentions, at, at + len(item_s)) \
                or _is_place_name(item_s):
            continue  # "Verein Brücken e.V., Leipzig, Germany": the seat is not a partner
        eid = em.known("Organisation", normalise(item_s)) or em.entity("Organisation", normalise(item_s))
        em.fact(eid, "Organisation", "name", item_s, at, at + len(item_s), "integraph.field-label.v1", 0.7)
        kind = _kind_word(item_s, lang) or _kind_word(item_s, None)  # a partner abroad has its own language's form
        if kind:  # "Alytaus miesto savivaldybe" is a public body, "Fundación Tierra Común" a foundation
            em.fact(eid, "Organisation", "kind", kind, at, at + len(item_s), "integraph.field-label.v1", 0.6)
        mentions.add(Mention(at, at + len(item_s), eid, "Organisation", item_s))
        out.append(eid)
    return out


def _named_already(mentions: Mentions, a: int, b: int) -> bool:
    """An organisation or programme overlaps the item, or a place is the whole item; a place inside
    a longer item ("Métropole de Lyon") leaves it a name of its own."""
    return any(m.schema != "Place" or (m.start <= a and b <= m.end) for m in mentions.overlapping(a, b))


def _is_place_name(item: str) -> bool:
    from integraph.gazetteer import cities

    return len(item.split()) <= 2 and bool(cities.lookup(item))


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


def _roles(found: Findings, frames: list[Frame], em: Emitter, mentions: Mentions) -> None:
    """Lead and partners from sentences that speak of a project."""
    from integraph.gazetteer import cues

    text = found.doc.text
    # only the cues the document holds at all are looked for in each sentence
    coop = found.cues_in_text(_cooperation_cues(found.lang))
    agents = found.cues_in_text([a.lower() for a in cue_words("agent", found.lang)])
    pwords = found.cues_in_text([p for p in (p.lower() for p in cues.cues("project_words", found.lang)) if len(p) > 2])
    # a project word anywhere in a sentence, not right after a word character: one search for all of them
    speaks_of_project = _left_bounded(tuple(pwords)).search
    first_coop = _earliest(tuple(coop)).search
    paras = paragraphs(found)
    para_starts = [a for a, _ in paras]
    # where each frame's names begin, sorted: a sentence's own names are a bisected slice, not a scan
    # of every name the frame has (a document's frame has them all) for every sentence
    name_starts: dict[int, list[int]] = {}
    for s in found.sentences:
        f = owner(frames, s.start)
        if f is None:
            continue
        sent = text[s.start:s.end]
        low = sent.lower()
        starts = name_starts.get(id(f))
        if starts is None:
            starts = name_starts[id(f)] = sorted(a for a, _ in f.mentions + f.acronym_spans)
        own = starts[bisect_left(starts, s.start):bisect_left(starts, s.end)]
        if not own and speaks_of_project(low) is None:
            # "… the project is co-funded by AMIF. We work together with A, B and C.": a sentence of a
            # paragraph that names the project speaks of it too
            k = bisect_right(para_starts, s.start) - 1
            p0, p1 = paras[k] if k >= 0 else (s.start, s.end)
            at = bisect_left(starts, p0)
            if at == len(starts) or starts[at] >= p1:  # no name of the frame begins in the paragraph
                continue
        first = first_coop(low)
        cut, cue = (first.start(), first.group()) if first else (None, "")
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


def _title_of_organisation(found: Findings, frames: list[Frame], em: Emitter, mentions: Mentions) -> None:
    """'„Заедно в София“ на Фондация „Отворена врата“', 'the project "Harbour Voices" of the Cork Welcome
    Association': a title joined by 'of' (data/lexicon/cues.json "owner_of") to an organisation's name
    right after it names the organisation whose project it is, its lead, where no other is stated."""
    joined = _owner_joiner(found.lang)
    if joined is None:
        return
    text = found.doc.text
    led = {s.entity for s in em.statements if s.prop == "lead"}
    org_at = {m.start: m for m in mentions.items if m.schema == "Organisation"}
    for f in frames:
        if f.entity in led:
            continue
        for a, b in f.mentions:
            m = joined.match(text, b)
            o = org_at.get(m.end()) if m else None
            if o is not None:
                em.fact(f.entity, "Project", "lead", o.entity, a, o.end, EXTRACTOR, 0.7)
                break


@lru_cache(maxsize=64)
def _owner_joiner(lang: str | None) -> re.Pattern[str] | None:
    """What stands between a title and the organisation whose project it is: a closing quote, a
    comma, and one of the language's 'of'/'run by' joiners (cues.json "owner_of")."""
    from integraph.gazetteer import cues

    joiners = sorted({w.lower() for w in cues.cues("owner_of", lang)}, key=len, reverse=True)
    if not joiners:
        return None
    return re.compile(rf"[“”\"»’']?,?[ \t]+(?:{'|'.join(map(re.escape, joiners))})(?:[ \t]+|(?<=['’-]))", re.I)


@lru_cache(maxsize=64)
def _cooperation_cues(lang: str | None) -> list[str]:
    """The cooperation cues of `lang`, lower-case, longest first."""
    from integraph.gazetteer import cues

    return sorted({c.lower() for c in cues.cues("cooperation", lang)}, key=len, reverse=True)


@lru_cache(maxsize=1024)  # keyed by the cues a document holds
def _earliest(words: tuple[str, ...]) -> re.Pattern[str]:
    """The first of `words` to occur, and at a tie the one listed first: what taking each word's
    `find` and keeping the smallest (the first listed on ties) gives, in one search."""
    return re.compile("|".join(map(re.escape, words)) if words else r"(?!)")


@lru_cache(maxsize=64)
def _left_bounded(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `words` where no word character stands before it (what `occurs(…, left_only=True)` tests
    of each; `\\w` is the same test)."""
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})" if words else r"(?!)")


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
