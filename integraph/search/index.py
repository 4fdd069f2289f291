"""Build and refresh the search index from the store.

Paragraph text is indexed once per document (lemmatising is the slow part,
so only documents not yet indexed are read).  What depends on the whole
knowledge base — entity facets and the entity-name index — is rebuilt when
the knowledge base's fingerprint changes (new statements or new resolution).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable

from integraph.search.backend import Backend, backend_for
from integraph.search.thesaurus import concept_token, load as load_thesaurus
from integraph.search.translit import to_latin
from integraph.store import Store
from integraph.textutil import fold, lemmatise

# "entity" is not shown as a facet: it links a hit to the entities its paragraph states facts about.
ENTITY_FACETS = ("type", "country", "city", "programme", "status", "entity")
TEXT_FACETS = ("language", "year", "theme")
BATCH = 500  # documents indexed per transaction
OPTIMISE_SHARE = 10  # optimise the index when a run added at least 1/10 of its paragraphs
ENTITY_TYPES = {"projects": "Project", "organisations": "Organisation", "programmes": "Programme", "places": "Place"}


@dataclass
class IndexReport:
    added: int  # documents newly indexed
    removed: int  # documents dropped because the store no longer has them
    paragraphs: int  # paragraphs newly indexed
    entities_refreshed: bool


def fingerprint(store: Store) -> str:
    """Changes whenever documents, statements or resolution change: the key for derived caches."""
    parts = []
    # Only indexed columns, so this stays an index scan on a large store.
    for table, col in (("documents", "id"), ("statements", "id"), ("canonical", "entity"), ("judgements", "left_")):
        row = store.db.query(f"SELECT COUNT(*) AS n, MAX({col}) AS m FROM {table}")[0]
        parts.append(f"{row['n']}:{row['m']}")
    return "|".join(parts)


def default_export_builder() -> Callable[[Store], dict[str, Any]] | None:
    """`integraph.export.build` once the export module exists; None before."""
    try:
        from integraph.export import build
    except ImportError:
        return None
    return build


def index(store: Store, export: Callable[[Store], dict[str, Any]] | dict[str, Any] | None = None) -> IndexReport:
    """Bring the search index up to date with `store`; return what changed.

    `export` is the knowledge base in the export shape (or a function building
    it); by default `integraph.export.build` when available.
    """
    backend = backend_for(store.db)
    backend.ensure()
    present = {r["id"]: r for r in store.db.query("SELECT id, language, date FROM documents")}
    indexed = backend.indexed_documents()
    for gone in indexed - present.keys():
        backend.drop_document(gone)
    added = paragraphs = 0
    todo = sorted(present.keys() - indexed)
    for at in range(0, len(todo), BATCH):
        batch = todo[at:at + BATCH]
        paragraphs += _index_documents(store, backend, [present[d] for d in batch])
        added += len(batch)
        store.db.commit()  # a batch is indexed whole or not at all; the next run resumes after it
    if paragraphs and paragraphs * OPTIMISE_SHARE >= backend.size():
        # Merging FTS5's segments into one took 1.6 s at 450 000 paragraphs and cut search p50
        # 34 → 20 ms; only worth it when much was added, so small updates stay cheap.
        backend.optimise()
        store.db.commit()
    if added or indexed - present.keys() or backend.get_meta("languages") is None:
        backend.refresh_languages()
    refreshed = False
    stamp = fingerprint(store)
    if added or backend.get_meta("kb") != stamp:
        data = export(store) if callable(export) else export
        if data is None and (builder := default_export_builder()) is not None:
            data = builder(store)
        if data is not None:
            _refresh_entities(backend, data, _statement_spans(store))
            refreshed = True
        backend.set_meta("kb", stamp)
    store.db.commit()
    return IndexReport(added, len(indexed - present.keys()), paragraphs, refreshed)


def _index_documents(store: Store, backend: Backend, docs: list[dict[str, Any]]) -> int:
    """Index a batch of documents: paragraphs, lemmas (filled in the store where missing), concepts, tags."""
    marks = ", ".join("?" for _ in docs)
    by_doc: dict[str, list[dict[str, Any]]] = {d["id"]: [] for d in docs}
    for r in store.db.query(f"SELECT document, idx, start_, end_, language, text, lemmas FROM paragraphs "
                            f"WHERE document IN ({marks}) ORDER BY document, idx", [d["id"] for d in docs]):
        by_doc[r["document"]].append(r)
    rows: list[tuple[dict[str, Any], dict[str, Any]]] = []  # (document, paragraph)
    fill = []
    for doc in docs:
        for r in by_doc[doc["id"]] or _paragraphs_from_text(store, doc["id"]):
            r["language"] = r["language"] or doc["language"]
            if not r["lemmas"]:
                r["lemmas"] = lemmatise(r["text"], r["language"])
                fill.append((r["lemmas"], doc["id"], r["idx"]))
            rows.append((doc, r))
    # The paragraphs table keeps the lemmas too, for other readers and for a rebuild.
    store.db.executemany("UPDATE paragraphs SET lemmas = ? WHERE document = ? AND idx = ?", fill)
    concepts = [_concepts(r["lemmas"], r["language"]) for _, r in rows]
    numbers = backend.add_paragraphs(
        (doc["id"], r["idx"], r["start_"], r["text"], r["lemmas"], r["language"],
         " ".join(concept_token(c) for c in found))
        for (doc, r), found in zip(rows, concepts))
    tags: list[tuple[int, str, str]] = []
    for row, (doc, r), found in zip(numbers, rows, concepts):
        if r["language"]:
            tags.append((row, "language", r["language"]))
        if doc["date"] and doc["date"][:4].isdigit():
            tags.append((row, "year", doc["date"][:4]))
        tags += [(row, "theme", cid) for cid in found]
    backend.add_tags(tags)
    backend.mark_documents(doc["id"] for doc in docs)
    return len(rows)


@lru_cache(maxsize=8192)
def _concepts(lemmas: str, language: str | None) -> tuple[str, ...]:
    # Cached: boilerplate paragraphs (footers, donation appeals) recur across a publisher's documents.
    return tuple(sorted(load_thesaurus().concepts_in(lemmas.split(), language)))


def _paragraphs_from_text(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """Blank-line blocks of a document stored without paragraph offsets."""
    text = store.db.query("SELECT text FROM documents WHERE id = ?", (doc_id,))[0]["text"]
    out, pos = [], 0
    for i, block in enumerate(text.split("\n\n")):
        stripped = block.strip()
        if stripped:
            start = text.index(stripped, pos)
            out.append({"idx": i, "start_": start, "end_": start + len(stripped), "language": None,
                        "text": stripped, "lemmas": ""})
        pos += len(block) + 2
    return out


def entity_names(data: dict[str, Any]) -> Iterable[tuple[str, str, str, str]]:
    """(name, Latin form, entity id, type) for every name form of every entity."""
    for key, schema in ENTITY_TYPES.items():
        for e in data.get(key, []):
            names = {e.get("name"), e.get("title"), e.get("acronym"), *e.get("names", []), *e.get("titles", []),
                     *e.get("acronyms", [])}
            for name in sorted(n for n in names if n):
                latin = to_latin(name)
                yield name, fold(latin) if latin != name else "", e["id"], schema


def _statement_spans(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every statement's span by canonical entity: a paragraph that states anything about an entity is about it."""
    try:
        from integraph.export import canonical_map

        canon = canonical_map(store)
    except ImportError:
        canon = {}
    out: dict[str, list[dict[str, Any]]] = {}
    for r in store.db.query("SELECT entity, document, start_, end_ FROM statements"):
        out.setdefault(canon.get(r["entity"], r["entity"]), []).append(
            {"document": r["document"], "start": r["start_"], "end": r["end_"]})
    return out


def _refresh_entities(backend: Any, data: dict[str, Any], stated: dict[str, list[dict[str, Any]]]) -> None:
    places = {p["id"]: p for p in data.get("places", [])}
    programmes = {p["id"]: p for p in data.get("programmes", [])}
    spans_cache: dict[str, list[tuple[int, int, int]]] = {}
    tags: set[tuple[int, str, str]] = set()
    for key, schema in ENTITY_TYPES.items():
        for e in data.get(key, []):
            values = [("type", schema), ("entity", e["id"])] + _entity_facets(key, e, places, programmes)
            for src in [*e.get("sources", []), *stated.get(e["id"], [])]:
                doc = src["document"]
                if doc not in spans_cache:
                    spans_cache[doc] = backend.spans_of(doc)
                for rowid, start, end in spans_cache[doc]:
                    if start < src["end"] and src["start"] < end:
                        tags.update((rowid, facet, value) for facet, value in values)
    backend.set_tags(sorted(tags), ENTITY_FACETS)
    backend.set_names(entity_names(data))


def _entity_facets(key: str, e: dict[str, Any], places: dict[str, Any], programmes: dict[str, Any]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    place_list = [e] if key == "places" else [places[p] for p in e.get("places", []) if p in places]
    for place in place_list:
        if place.get("country"):
            out.append(("country", place["country"]))
        if place.get("kind") == "city" and place.get("name"):
            out.append(("city", place["name"]))
    if key == "organisations" and e.get("country"):
        out.append(("country", e["country"]))
    if key == "projects":
        if e.get("status"):
            out.append(("status", e["status"]))
        for f in e.get("funding", []):
            prog = programmes.get(f.get("programme"))
            if prog:
                out.append(("programme", programme_label(prog)))
    if key == "programmes":
        out.append(("programme", programme_label(e)))
    return out


def programme_label(p: dict[str, Any]) -> str:
    """The short name people search programmes by: the first acronym, else the name."""
    return (p.get("acronyms") or [None])[0] or p.get("name") or p["id"]
