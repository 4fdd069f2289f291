"""Turn findings into document-local entities and grounded statements.

Local ids depend only on the document's content (its hash and the order in
which entities first appear), so re-extracting the same bytes gives the same
ids and user judgements about them survive re-ingestion.
"""
from __future__ import annotations

from functools import lru_cache

from integraph.model import Document, Span, Statement
from integraph.textutil import normalise

# every statement's value is normalised for the duplicate check, and the same values (entity ids,
# country codes, kinds, names) recur across statements and documents: normalise each once
_normalised = lru_cache(maxsize=65_536)(normalise)

PREFIX = {"Organisation": "o", "Project": "p", "Programme": "g", "Place": "l", "Person": "h"}


class Emitter:
    def __init__(self, doc: Document, as_of: str | None) -> None:
        self.doc = doc
        self.as_of = as_of
        self.statements: list[Statement] = []
        self._ids: dict[tuple[str, str], str] = {}
        self._counts: dict[str, int] = {}
        self._seen: set[tuple[str, str, str, int, int]] = set()
        self._length = len(doc.text)
        # one Span per stretch of text: a name's span carries its name, kind, country… (Span is frozen,
        # so sharing it is safe, and a third of the statements' spans are new)
        self._spans: dict[tuple[int, int], Span] = {}

    def entity(self, schema: str, key: str) -> str:
        """The local id of the entity of `schema` known in this document by `key`."""
        k = (schema, key)
        if k not in self._ids:
            n = self._counts.get(schema, 0) + 1
            self._counts[schema] = n
            self._ids[k] = f"{self.doc.id[:12]}/{PREFIX[schema]}{n}"
        return self._ids[k]

    def alias(self, schema: str, key: str, entity: str) -> None:
        """Let another key find an existing entity (an acronym, another name form)."""
        self._ids.setdefault((schema, key), entity)

    def known(self, schema: str, key: str) -> str | None:
        return self._ids.get((schema, key))

    def fact(self, entity: str, schema: str, prop: str, value: object, start: int, end: int,
             extractor: str, confidence: float = 0.8) -> None:
        """Record one statement; no span (or an empty one), no fact."""
        text = str(value).strip()
        if not text or end <= start or start < 0 or end > self._length:
            return
        key = (entity, prop, _normalised(text) if prop != "status" else text, start, end)
        if key in self._seen:
            return
        self._seen.add(key)
        span = self._spans.get((start, end))
        if span is None:
            span = self._spans[(start, end)] = Span(self.doc.id, start, end)
        self.statements.append(Statement(entity, schema, prop, text, span, extractor, confidence, self.as_of))
