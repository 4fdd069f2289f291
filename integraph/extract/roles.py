"""People and their roles on a project: person names after honorifics or role labels
("Koordynator: Jana Nováková"), the role a label names (coordinator, manager, contact), and roles
stated in prose ("Liderem projektu jest …", "spiega Giulia Ferraresi, coordinatrice del progetto").

Separate from slots.py because telling a person's name from an organisation's, and a role word
in any inflection, is its own vocabulary and rules.
"""
from __future__ import annotations

import re
from functools import lru_cache

from integraph.extract.emit import Emitter
from integraph.extract.entities import Mentions
from integraph.extract.findings import Findings
from integraph.extract.frames import Frame
from integraph.extract.labels import LABEL_LINE
from integraph.extract.scopes import owner
from integraph.extract.sentences import Sentence
from integraph.textutil import normalise

# two to four capitalised words, name particles allowed between them ("Ilse de Vries", "Jan van Dijk")
PERSON = re.compile(r"^((?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][\w'’-]+\s?(?:(?:de|da|di|van|von|der|den|dos|du|la|le|ter|af)\s)?){2,4})")


HONORIFIC = re.compile(r"^(?:Dr|Prof|Mgr|Ing|PhDr|JUDr|MUDr|Mag|Dipl|Dott|Dra?|Sr|Sra|д-р|проф|доц|Δρ|dr hab)\.?\s", re.I)


ROLE_WORDS = {"coordinator": ("koordyn", "koordin", "координ", "coordin", "coördin", "samordn", "κοορδιν", "συντονιστ"),
              "manager": ("kierownik", "manager", "ръководител", "vedoucí", "leiter", "leitung", "responsable", "διευθυντ"),
              "contact": ("kontakt", "contact", "контакт", "επικοινων")}


def _role_name(label: str) -> str:
    low = label.lower()
    for role, stems in ROLE_WORDS.items():
        if any(s in low for s in stems):
            return role
    return normalise(label)


def _person_value(found: Findings, label: str, value: str) -> bool:
    """A title before a name, or a label that names a person role too and a value with no organisation word."""
    from integraph.gazetteer import cues, orgs

    if HONORIFIC.match(value.strip()):
        return True
    roles = {normalise(w) for w in cues.field_labels(found.lang).get("person_role", [])}
    words = value.split()
    return normalise(label) in roles and 2 <= len(words) <= 3 and bool(PERSON.fullmatch(value.strip())) \
        and not any(orgs.legal_form(w, found.lang) for w in words)


NAME_AFTER = re.compile(r"[\s:–-]*(?:\w{1,4}\s+){0,2}((?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][a-zà-ÿā-žа-яёіїєґά-ώ'’-]+\s?){2,3})")
NAME_BEFORE = re.compile(r"((?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][a-zà-ÿā-žа-яёіїєґά-ώ'’-]+\s){1,2}[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω][a-zà-ÿā-žа-яёіїєґά-ώ'’-]+),\s*$")


def _prose_roles(found: Findings, frames: list[Frame], em: Emitter, mentions: Mentions) -> None:
    """'Liderem projektu jest Verein Brücken e.V.', 'Координатор е …', 'Koordynatorką projektu jest Anna Nowak',
    'spiega Giulia Ferraresi, coordinatrice del progetto'."""
    from integraph.gazetteer import cues

    text = found.doc.text
    labels = cues.field_labels(found.lang)
    # only the cues the document holds at all are looked for in each sentence
    lead_words = found.cues_in_text(sorted({w.lower() for w in labels.get("lead", [])}, key=len, reverse=True))
    role_words = found.cues_in_text(sorted({w.lower() for w in labels.get("person_role", [])}, key=len, reverse=True))
    places = [(m.start, m.end) for m in mentions.items if m.schema == "Place"]
    org_names = {normalise(m.text) for m in mentions.items if m.schema == "Organisation"}
    for s in sentences_holding(found, lead_words + role_words):  # the others hold no cue to read
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


def sentences_holding(found: Findings, words: list[str]) -> list[Sentence]:
    """The sentences whose lower-cased text may hold one of the lower-case `words` (all of them, in
    order, when that cannot be told cheaply).  Searched in the document's lower-cased text, within
    each sentence's range, instead of lower-casing every sentence: where lower-casing keeps the
    length, each character is lowered alone except the Greek capital sigma, whose two lower forms
    only a word holding a sigma can tell apart."""
    if not words:
        return []
    low = found.lowered
    if len(low) != len(found.doc.text) or any("σ" in w or "ς" in w for w in words):
        return found.sentences
    search = _any_word(tuple(words)).search
    return [s for s in found.sentences if search(low, s.start, s.end)]


@lru_cache(maxsize=1024)  # keyed by the cues a document holds
def _any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, words)))


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
