"""Grounded extraction: a Document in, Statements out, each on a span of its text.

    analyse   recognisers + gazetteers over the whole text (findings.py)
    frames    project titles (frames.py, titles.py, layout_titles.py, labels.py)
    scopes    the text each project owns (scopes.py)
    entities  organisations, programmes, places as local entities (entities.py)
    slots     lead, partners, funding, period, amount, places, people, outputs, status (slots.py,
              partners.py, field_slots.py, roles.py, status.py)
    profile   founded, staff, kind, country of organisations (profile.py)
"""
from __future__ import annotations

from integraph.extract import entities, frames, profile, scopes, slots
from integraph.extract.emit import Emitter
from integraph.extract.findings import analyse
from integraph.model import Document, Statement

VERSION = "1"


def extract(doc: Document) -> list[Statement]:
    """Every fact a careful reader would take from `doc`, each with the span that states it."""
    found = analyse(doc)
    em = Emitter(doc, found.as_of)
    mentions = entities.Mentions()
    entities.programmes(found, em, mentions)
    entities.places(found, em, mentions)
    project_frames = frames.find_frames(found)
    claimed = [span for f in project_frames for span in f.mentions + f.acronym_spans]
    entities.organisations(found, em, mentions, exclude=claimed)
    scopes.assign_scopes(found, project_frames)
    slots.fill(found, project_frames, em, mentions)
    profile.profile(found, em, mentions)
    return em.statements
