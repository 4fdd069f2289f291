"""Multilingual search over the knowledge base: paragraphs (surface + lemmas) and entity names.

    index(store)                         bring the index up to date (incremental)
    search(store, q, filters, limit, offset, lang=None) -> dict

FTS5-specific SQL lives in `integraph.search.backend` only.
"""
from integraph.search.index import IndexReport, fingerprint, index
from integraph.search.query import FACETS, search

__all__ = ["FACETS", "IndexReport", "fingerprint", "index", "search"]
