"""Names a document defines as organisations: "Nya Broar är en ideell förening …".

Many organisations carry no legal-form word in their name (Nya Broar, Escale Solidaire,
Croí Fáilte), so no rule that reads names by their head finds them.  But the texts that
matter most about them say what they are, in a sentence that opens with the name, a copula
and a noun of organisation: "X is a non-profit association", "X est une association",
"X on … mittetulundusühing".  Such a sentence makes the name an organisation, and every
other place the document writes the name is a mention of it.

A web page names its publisher too, by convention after the last separator of its `<title>`
("Fúinn | Croí Fáilte"): that name is an organisation wherever the text writes it.  The text
must write it: the title element is not part of the text, so it gives no span and no fact.

The copulas (with their articles) and organisation nouns are lexicon data (`cues.json`); the legal-form
words come from the organisation gazetteer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from integraph.extract.findings import Findings
from integraph.model import Document
from integraph.extract.org_name_words import ARTICLES

# a name: one to five capitalised words (hyphens and apostrophes inside), after an optional article
NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-ΩΆ-Ώ][\w'’&.-]*"
NAME = re.compile(rf"(?:[LlDd]['’])?({NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,5}})[ \t]+")
WORD = re.compile(r"[^\W\d_][\w'’-]*")
PREDICATE_WORDS = 4  # "är en ideell förening", "is a non-profit community organisation"
NOT_ORGANISATION_KINDS = {"public", "international"}  # "Göteborg är en stad", "… is a member state"


@dataclass
class Defined:
    name: str
    start: int
    end: int
    kind: str | None  # the legal form the sentence states, when it states one


@lru_cache(maxsize=64)
def _words(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The language's copulas, each also with its indefinite article ("är en", "è un'"), longest
    first; and its organisation nouns."""
    from integraph.gazetteer import cues

    return (tuple(sorted(cues.cues("copula", lang), key=len, reverse=True)),
            tuple(cues.cues("organisation_nouns", lang)))


@lru_cache(maxsize=64)
def _first_letters(copulas: tuple[str, ...]) -> frozenset[str] | None:
    """The letters the copulas open with (lower-case), None when one is empty (it follows anything)."""
    return None if any(not c for c in copulas) else frozenset(c[0] for c in copulas)


def defined_names(found: Findings, is_free) -> list[Defined]:  # type: ignore[no-untyped-def]
    """Names that open a sentence saying they are an organisation.  `is_free(a, b)` says a span is
    not already a place, a fund, a date or a project title."""
    from integraph.gazetteer import orgs as org_words

    lang = found.lang
    if not lang:
        return []
    copulas, nouns = _words(lang)
    if not copulas:
        return []
    text = found.doc.text
    firsts = _first_letters(copulas)
    out: list[Defined] = []
    for s in found.sentences:
        m = NAME.match(text, s.start, s.end)
        if not m or m.end() >= s.end or firsts is not None and text[m.end()].lower()[:1] not in firsts:
            continue  # no copula can follow (most sentences open with a capitalised word: only a few go on)
        said = text[m.end():min(s.end, m.end() + 160)].lower()  # what the sentence says of the name
        copula = next((c for c in copulas if said.startswith(c) and (c.endswith("'") or said[len(c):len(c) + 1].isspace())),
                      None)
        if copula is None:
            continue
        a = m.start(1)
        name = m.group(1).rstrip(".")
        first, _, rest = name.partition(" ")
        if first in ARTICLES and rest:
            a, name = a + len(first) + 1, rest.lstrip()  # "The Harbour Trust is …", "Η Πυξίδα είναι …"
        if len(name.split()) > 5:
            continue
        b = a + len(name)
        if not is_free(a, b) or org_words.legal_form(name.split()[0], lang) is not None:
            continue  # a place or a title; a name opening with its legal form is read by its head already
        for w in WORD.findall(said, len(copula))[:PREDICATE_WORDS]:
            low = w.lower()
            if len(low) <= 3 and low not in nouns:
                break  # a preposition or a conjunction: "Архивът е достъпен на … платформа" says where, not what
            kind = org_words.legal_form(low, lang)
            if kind in NOT_ORGANISATION_KINDS:
                break
            if kind is not None or any(low.startswith(n) for n in nouns):
                out.append(Defined(name, a, b, kind if kind not in (None, "generic") else None))
                break
    return out


def site_name(doc: Document) -> str | None:
    """The publishing site's name of an HTML page (read from its original bytes, which the store
    keeps, so that extracting a stored document again finds it too)."""
    global _last_site
    if doc.media_type != "text/html" or not doc.original:
        return None
    if _last_site is not None and _last_site[0] is doc.original:  # organisations, then profile, ask for one page
        return _last_site[1]
    from integraph.convert.from_html import site_name as from_page

    name = from_page(doc.original)
    _last_site = (doc.original, name)
    return name


_last_site: tuple[bytes, str | None] | None = None  # the page read last and its site's name
