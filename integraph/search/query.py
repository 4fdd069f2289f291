"""Answer a search: expand the query across languages, rank, highlight, count facets.

A query word matches its own surface form (diacritics and case aside) or
its lemma in any candidate language; a run of query words that names a
thesaurus concept also matches every paragraph the index tagged with that
concept, whatever its language ("e-services" finds "електронни услуги").
Ranking and paging: `integraph.search.ranking`.
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Sequence

from integraph.errors import StoreError
from integraph.search.backend import CONCEPTS, LEMMAS, SURFACE, Phrase, Query, backend_for
from integraph.search.highlight import passage
from integraph.search.index import index as build_index
from integraph.search.ranking import rank
from integraph.search.thesaurus import Key, concept_token, load as load_thesaurus
from integraph.search.translit import to_latin
from integraph.store import Store
from integraph.textutil import fold, lemma, tokens

# Tried when the query's language is unknown: the corpus's main languages first.
DEFAULT_LANGUAGES = ("en", "pl", "bg", "cs", "de", "fr")
FACETS = ("type", "country", "city", "programme", "status", "year", "language", "theme")
_QUOTED = re.compile(r'"([^"]+)"')


def candidate_languages(q: str, lang: str | None = None, indexed: Iterable[str] | None = None) -> list[str]:
    """The hint, then the detected language, then the languages of the indexed text (or the defaults).

    Only languages the index holds are worth lemmatising the query in; this
    also spares loading dictionaries nobody needs (Polish takes seconds).
    """
    out = [lang] if lang else []
    try:
        from integraph.langid import detect  # written by another engineer; optional here

        guess = detect(q)
        guess = guess if isinstance(guess, str) else getattr(guess, "language", None)
        if guess and guess not in out:
            out.append(guess)
    except Exception:  # noqa: BLE001 - a guess that fails is no guess; the defaults follow
        pass
    rest = sorted(indexed) if indexed else DEFAULT_LANGUAGES
    return out + [code for code in rest if code not in out]


def parse(q: str, languages: Sequence[str], indexed: Iterable[str] = ()) -> tuple[list[list[Phrase]], list[dict[str, Any]], list[Key]]:
    """Query groups, a description of the expansion, and the lemma keys to highlight.

    `languages` are the query's candidate languages; `indexed` the languages
    of the indexed text, into which thesaurus concepts are expanded.
    """
    groups: list[list[Phrase]] = []
    explain: list[dict[str, Any]] = []
    marks: list[Key] = []
    for phrase in _QUOTED.findall(q):
        words = tuple(w for _, _, w in tokens(phrase))
        if words:
            groups.append([Phrase(SURFACE, words)])
            explain.append({"words": list(words), "exact": True})
            marks.append(tuple(w.lower() for w in words))
    rest = [w for _, _, w in tokens(_QUOTED.sub(" ", q))]
    forms = [{fold(w)} | {fold(lemma(w, lang)) for lang in languages} for w in rest]
    thesaurus = load_thesaurus()
    spans = {start: (end, cid) for start, end, cid in thesaurus.find(forms, languages)}
    targets = sorted(set(indexed) | set(languages))
    i = 0
    while i < len(rest):
        if i in spans:
            end, cid = spans[i]
            keys = thesaurus.phrases(cid, targets)
            # The concept's token stands for its terms in every language (tagged at index time:
            # one term to look up instead of dozens of phrases); the words themselves, as written
            # and as lemmas, still find a paragraph whose language the index could not tell.
            words = tuple(rest[i:end])
            own = {tuple(lemma(w, lang) for w in words) for lang in languages} | {tuple(w.lower() for w in words)}
            group = [Phrase(CONCEPTS, (concept_token(cid),)), Phrase(SURFACE, words)]
            group += [Phrase(LEMMAS, key) for key in sorted(own)]
            groups.append(group)
            explain.append({"words": rest[i:end], "concept": cid, "terms": len(keys)})
            marks += sorted(keys)
            i = end
            continue
        alts = sorted({rest[i].lower()} | {lemma(rest[i], lang) for lang in languages})
        groups.append([Phrase(SURFACE, (rest[i],))] + [Phrase(LEMMAS, (form,)) for form in alts])
        explain.append({"words": [rest[i]], "lemmas": alts})
        marks += [(form,) for form in alts]
        i += 1
    return groups, explain, marks


def search(
    store: Store,
    q: str,
    filters: dict[str, Sequence[str] | str] | None = None,
    limit: int = 20,
    offset: int = 0,
    lang: str | None = None,
) -> dict[str, Any]:
    """Search paragraphs and entity names; see the module docstring for matching."""
    backend = backend_for(store.db)
    if not backend.current():
        build_index(store)  # first search on a store nobody indexed yet (or indexed by an older version)
    indexed = backend.languages()
    languages = candidate_languages(q, lang, indexed)
    groups, explain, marks = parse(q, languages, indexed)
    clean_filters = {
        facet: [values] if isinstance(values, str) else list(values)
        for facet, values in (filters or {}).items()
        if facet in FACETS and values
    }
    query = Query(groups, clean_filters)
    result: dict[str, Any] = {
        "query": q, "filters": clean_filters, "languages": languages, "expansion": explain,
        "total": 0, "total_exact": True, "limit": limit, "offset": offset, "hits": [], "facets": {},
        "facets_exact": True, "ranked_exact": True, "entities": [],
    }
    if query.empty:
        return result
    ranked = rank(backend, query, limit, offset)
    rows = ranked.rows
    docs = _documents(store, {r["document"] for r in rows})
    about = backend.tags_of([r["row_"] for r in rows], "entity")
    for r in rows:
        snippet = passage(r["surface"], r["start_"], marks, r["language"])
        doc = docs.get(r["document"], {})
        result["hits"].append({
            "document": r["document"], "title": doc.get("title"), "source": doc.get("source"),
            "date": doc.get("date"), "paragraph": r["idx"], "language": r["language"],
            "score": round(r["score"], 4), "about": about.get(r["row_"], []), **snippet,
        })
    result["total"] = ranked.total
    result["total_exact"] = ranked.total_exact  # else at least `total` passages match
    result["ranked_exact"] = ranked.ranked_exact  # else ranked in blocks of the newest matches
    facets: dict[str, list[dict[str, Any]]] = {f: [] for f in FACETS}
    for row in ranked.facets:
        if row["facet"] in facets:
            facets[row["facet"]].append({"value": row["value"], "count": row["n"]})
    result["facets"] = facets
    result["facets_exact"] = ranked.facets_exact  # else counted over the first block of matches
    result["entities"] = entities(store, q)
    return result


def entities(store: Store, q: str, limit: int = 10) -> list[dict[str, Any]]:
    """Entities whose names contain every query word (as a prefix), in any script."""
    backend = backend_for(store.db)
    found: dict[str, dict[str, Any]] = {}
    words = [fold(w) for _, _, w in tokens(_QUOTED.sub(lambda m: m.group(1), q))]
    latin = [fold(to_latin(w)) for w in words]
    for variant in (words, latin):
        try:
            rows = backend.names(variant, limit)
        except StoreError:
            return []
        for r in rows:
            found.setdefault(r["entity"], {"id": r["entity"], "type": r["type"], "name": r["name"]})
    return list(found.values())[:limit]


def _documents(store: Store, ids: set[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    rows = store.db.query(f"SELECT id, title, source, date FROM documents WHERE id IN ({marks})", sorted(ids))
    return {r["id"]: r for r in rows}
