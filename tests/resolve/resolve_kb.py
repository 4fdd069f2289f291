"""Build small real knowledge bases for resolver tests: documents and statements through Store.save_document."""
from __future__ import annotations

import hashlib
from typing import Any

from integraph.model import Document, Span, Statement
from integraph.store import Store

Entity = tuple[str, str, dict[str, Any]]  # (local suffix "o1", schema, {prop: value or [values]})


def add_document(store: Store, source: str, language: str, entities: list[Entity], as_of: str | None = None) -> str:
    """Store one document whose text holds every value, with a statement per value; return the document id."""
    parts: list[str] = []
    pending: list[tuple[str, str, str, str, int, int]] = []
    prefix_text = f"{source}\n"
    offset = len(prefix_text)
    for suffix, schema, props in entities:
        for prop, values in props.items():
            for value in values if isinstance(values, list) else [values]:
                parts.append(value)
                pending.append((suffix, schema, prop, value, offset, offset + len(value)))
                offset += len(value) + 1
    text = prefix_text + "\n".join(parts)
    original = text.encode()
    doc_id = hashlib.sha256(original).hexdigest()
    local = doc_id[:12]
    statements = []
    for suffix, schema, prop, value, start, end in pending:
        if prop in ("lead", "partner", "funder", "place", "person"):
            value = f"{local}/{value}"  # relations name the other entity by its suffix
        statements.append(Statement(f"{local}/{suffix}", schema, prop, value, Span(doc_id, start, end),
                                    "tests.v1", 1.0, as_of))
    doc = Document(id=doc_id, source=source, media_type="text/plain", text=text, original=original, language=language)
    store.save_document(doc, statements)
    return local
