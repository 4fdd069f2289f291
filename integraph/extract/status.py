"""A project's status (planned, ongoing, completed): a status cue in its own heading or the
nearest non-project heading above it, else in a sentence that names it, else from its dates
against the document's date.

Separate from slots.py because it reads the heading structure around a project's mentions and
the statements already made, unlike the other slots which read what lies in the project's scope.
"""
from __future__ import annotations

from integraph.extract.emit import Emitter
from integraph.extract.findings import Findings
from integraph.extract.frames import EXTRACTOR, Frame


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
