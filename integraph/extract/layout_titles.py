"""Project titles the document's layout gives, not its prose: the sub-headings of a heading about
projects, the short line above a block of labelled project fields; `title_core`, the title within such
a line (without an enumerating 'Project 1:' or a bracketed remark); and `_could_be_title`, the test that
a line could be a title at all (not a generic heading, fund, date, grant number or organisation), which
the prose rules of titles.py use too.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

from integraph.extract.findings import Findings
from integraph.extract.labels import LABEL_LINE, _is_field_label, _is_project_word, project_words
from integraph.extract.scopes import NUMBERING, paragraphs
from integraph.textutil import normalise

# the fields that make a block of labelled lines a project's (two kinds of them at least)
PROJECT_FIELDS = {"period", "amount", "funder", "partners", "grant_id", "lead"}


# "Projekt 1: Job i Vollsmose", "Project B – Harbour Voices", "Hanke nro 2. Kotoutumisen polku": a project
# word and an ordinal before the title (group 1: the word)
ENUMERATED = re.compile(r"(\w+)[ \t]+(?:(?:n[or]|nr|nro|no|č|br|št)\.?[ \t]*)?(?:\d{1,3}|[A-Z]|[IVX]{1,4})[ \t]*[:.)–—-][ \t]+")
# "Sundhedsbro Odense (afsluttet)", "Harbour Voices (in progress)": a lower-case remark after a title
REMARK = re.compile(r"[ \t]*\((?=[^()\d]*\)[ \t]*$)[^\W\d_A-ZÀ-ÖØ-ÞĀ-ŽА-ЯΑ-Ω][^()\d]{0,40}\)[ \t]*$")


def title_core(text: str, a: int, b: int, pwords: list[str]) -> tuple[int, int]:
    """The title within a heading line: without an enumerating 'Project 1:' before it and a
    lower-case remark in brackets after it (a status, 'under application'), both the document's
    words about the project, not its name."""
    m = ENUMERATED.match(text, a, b)
    if m and _is_project_word(m.group(1).lower(), pwords) and m.end() < b:
        a = m.end()
    r = REMARK.search(text, a, b)
    if r and r.start() > a:
        b = r.start()
    if b - a > 2 and text[a] in "„“\"«‘'" and text[b - 1] in "“”\"»’'" and not any(q in text[a + 1:b - 1] for q in "„“”\"«»"):
        a, b = a + 1, b - 1  # '„Работа заедно – …“' on a line of its own: the title is inside the quotes
    return a, b


def _heading_span(child) -> tuple[int, int]:
    """A heading's text without its numbering ("2. ", "IV. ") or trailing spaces."""
    numbering = NUMBERING.match(child.heading)
    return child.start + (len(numbering.group()) if numbering else 0), child.start + len(child.heading.rstrip())


def _about_one_project(found: Findings, children: list, pwords: list[str]) -> bool:
    """Sub-headings such as 'Partneri projektu', 'Project goals': the parent heading ('Informačný list
    projektu', 'Project fact sheet') describes one project, so its other sub-headings ('Harmonogram',
    'Main activities') are its sections, not projects.  An enumerating 'Projekt 2:' does not count."""
    text = found.doc.text
    for child in children:
        a, b = _heading_span(child)
        if re.search(r"[„“\"«]", child.heading):
            continue
        core_a, _ = title_core(text, a, b, pwords)
        if any(_is_project_word(w, pwords) for w in re.findall(r"\w+", text[core_a:b].lower())):
            return True
    return False


def _project_group_children(found: Findings, pwords: list[str]) -> list[tuple[tuple[int, int], str | None]]:
    """Headings one level below a short heading that names projects in the plural or as a group."""
    text = found.doc.text
    secs = sorted(found.doc.sections, key=lambda s: s.start)
    out = []
    for i, sec in enumerate(secs):
        words = re.findall(r"\w+", sec.heading.lower())
        if not words or len(words) > 6 or not any(_is_project_word(w, pwords) for w in words):
            continue
        if re.search(r"[„“\"«]", sec.heading):
            continue  # a project's own heading, not a group
        children = []
        for child in secs[i + 1:]:
            if child.level <= sec.level:
                break
            if child.level == sec.level + 1:
                children.append(child)
        if _about_one_project(found, children, pwords):
            continue
        for child in children:
            a, b = title_core(text, *_heading_span(child), pwords)
            acr = None
            m = re.search(r"\s*\(([A-ZА-ЯΑ-Ω][A-ZА-ЯΑ-Ω0-9]{1,7})\)\s*$", text[a:b])
            if m:
                acr, b = m.group(1), a + m.start()
            line = text[a:b]
            # the structure says "a project": only generic and date lines are refused here
            if b - a >= 3 and _could_be_title(found, a, b, line, names_allowed=True):
                out.append(((a, b), acr))
    return out


def _titles_of_field_blocks(found: Findings, labels: list[tuple[str, re.Match[str]]]) -> list[tuple[int, int]]:
    """Short lines followed by ≥ 2 labelled project fields (grantodawca:, Период:, Laufzeit: …)."""
    text = found.doc.text
    paras = paragraphs(found)
    label_starts = {m.start(): g for g, m in labels}
    heading_starts = {sec.start for sec in found.doc.sections}
    dated = found.of_kind("date")
    pwords = project_words(found.lang)
    label_offsets = sorted(label_starts)
    # a title needs two kinds of project field in the 15 paragraphs after it: test that first (two
    # bisections between bounds that hold those paragraphs) and most lines are done with at once
    field_offsets = [k for k in label_offsets if label_starts[k] in PROJECT_FIELDS]
    field_groups = [label_starts[k] for k in field_offsets]
    if len(set(field_groups)) < 2:
        return []
    window_start = list(accumulate(reversed([x for x, _ in paras]), min))[::-1]  # min start from k on
    window_end = list(accumulate((y for _, y in paras), max))  # max end up to k
    out = []
    block_end = 0  # the lines between a title found and its first field belong to that title's block
    for i, (a, b) in enumerate(paras):
        if i + 1 == len(paras):
            break  # no paragraph after it: no fields
        lo = bisect_left(field_offsets, window_start[i + 1])
        hi = bisect_left(field_offsets, window_end[min(i + 15, len(paras) - 1)])
        if len(set(field_groups[lo:hi])) < 2:
            continue
        line = text[a:b].strip()
        if not line or len(line) > 160 or line.endswith((".", ":", ";", ",")) or a in label_starts \
                or a < block_end or (a not in heading_starts and LABEL_LINE.fullmatch(text, a, b)):
            continue
        lead = a + (len(text[a:b]) - len(text[a:b].lstrip()))
        lead += len(NUMBERING.match(text[lead:b]).group()) if NUMBERING.match(text[lead:b]) else 0
        core = title_core(text, lead, a + len(text[a:b].rstrip()), pwords)
        if core[0] > lead:
            line = text[core[0]:core[1]]  # "Projekt 1: Job i Vollsmose": the title after the enumeration
        elif re.match(r"^[^\n:]{2,60}:\s", line) and not (
                a in heading_starts and not _is_field_label(found, normalise(line.split(":", 1)[0]))):
            continue  # a "Label: value" line; a heading "Welcome Circles: Peer Mentoring …" is a title
        if not _could_be_title(found, core[0], core[1], line):
            continue
        groups: set[str] = set()
        gaps = 0
        first_field = a
        for x, y in paras[i + 1:i + 16]:
            found_here = {label_starts[k] for k in label_offsets[bisect_left(label_offsets, x):bisect_left(label_offsets, y)]}
            if found_here and not groups:
                first_field = x
            if not found_here:
                # the fields must follow the title line at once; one short line may stand among
                # them (a wrapped "Funduszy EOG"), and a page's date line does not count, nor a
                # generic sub-heading about the project ("Project identity", "Údaje o projekte")
                if y - x <= 80 and any(x <= m.start < y for m in dated):
                    continue
                if x in heading_starts and not groups and \
                        any(_is_project_word(w, pwords) for w in re.findall(r"\w+", text[x:y].lower())):
                    continue
                if LABEL_LINE.fullmatch(text, x, y):
                    continue  # a field the lexicon does not know ("Key action | …") is still one of the block
                gaps += 1
                if gaps > 1 or y - x > 80 or (x in heading_starts and not groups):
                    # a heading before the first field starts another block (a PDF may style a
                    # wrapped value line among the fields as a heading: that one is tolerated)
                    break
                continue
            groups |= found_here
        # a block with its own title field ("Projekto pavadinimas: …") is titled there, not by the
        # heading above it ("1. Bendrieji duomenys", "General data")
        if len(groups & PROJECT_FIELDS) >= 2 and "title" not in groups:
            out.append(core)
            block_end = first_field
    return out


def _could_be_title(found: Findings, a: int, b: int, line: str, names_allowed: bool = False) -> bool:
    """Not a generic heading ('Project details', 'Scheda del progetto'), a fund, a date line,
    a grant number or an organisation's name."""
    from integraph.gazetteer import orgs

    words = re.findall(r"\w+", line.lower())
    if not words or len(words) > 25:
        return False
    pwords = project_words(found.lang)
    if any(_is_project_word(w, pwords) for w in words) and not re.search(r"[„“\"«]", line):
        return False
    if len(words) <= 2 and _is_field_label(found, " ".join(words)):
        return False  # "Contacts", "Partneři": a section of fields, not a project
    if any(m.start < b and a < m.end for m in found.values if m.kind in ("grant_id", "date", "period", "amount",
                                                                             "url", "email", "phone")):
        return False
    covered = sum(min(b, m.end) - max(a, m.start) for m in found.funds + found.international if m.start < b and a < m.end)
    if covered > 0.5 * len(line):
        return False
    if not names_allowed and any(orgs.legal_form(w, found.lang) not in (None, "generic") for w in line.split()[:4]):
        return False
    return not line.isupper()
