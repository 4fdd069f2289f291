"""Entities as the resolver sees them: one `Record` per document-local entity.

Records are built from statements (`load_records`) or directly (the benchmark
builds them from generated names); the matching code never touches the store.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from integraph.store import Store

# Properties of a Project whose values are other entities' local ids.
RELATIONS = ("lead", "partner", "funder", "place", "person")


@dataclass(slots=True)
class Record:
    id: str
    schema: str
    doc: str = ""
    lang: str | None = None
    publisher: str = ""  # where the document comes from (URL host or directory): a context
    names: list[str] = field(default_factory=list)  # name, or title for projects
    acronyms: list[str] = field(default_factory=list)
    identifiers: set[str] = field(default_factory=set)  # "krs:0000123456", grant ids "grant:…"
    ref: str | None = None  # gazetteer key (programmes, places)
    country: str | None = None
    kind: str | None = None
    links: dict[str, set[str]] = field(default_factory=dict)  # relation → local ids (projects)
    starts: set[str] = field(default_factory=set)  # ISO dates a project is said to start (any precision)
    ends: set[str] = field(default_factory=set)


def publisher_of(source: str) -> str:
    """The publishing context of a source: a URL's host without www., or a file's directory."""
    if "://" in source:
        host = urlsplit(source).hostname or ""
        return host.removeprefix("www.")
    return source.rsplit("/", 1)[0] if "/" in source else ""


def load_records(store: Store) -> list[Record]:
    """One record per entity in the statements table, in id order."""
    rows = store.db.query(
        "SELECT s.entity, s.schema_, s.prop, s.value, s.document, d.language, d.source "
        "FROM statements s JOIN documents d ON d.id = s.document ORDER BY s.entity, s.id"
    )
    records: dict[str, Record] = {}
    for r in rows:
        rec = records.get(r["entity"])
        if rec is None:
            rec = records[r["entity"]] = Record(
                r["entity"], r["schema_"], r["document"], r["language"], publisher_of(r["source"] or "")
            )
        add_value(rec, r["prop"], r["value"])
    return list(records.values())


def add_value(rec: Record, prop: str, value: str) -> None:
    """Fold one statement into a record."""
    if prop in ("name", "title"):
        if value not in rec.names:
            rec.names.append(value)
    elif prop == "acronym":
        if value not in rec.acronyms:
            rec.acronyms.append(value)
    elif prop == "identifier":
        rec.identifiers.add(value.strip().lower())
    elif prop == "grant_id":
        rec.identifiers.add("grant:" + "".join(value.split()).lower())
    elif prop == "ref":
        rec.ref = value.strip()
    elif prop == "country":
        rec.country = value.strip().upper()
    elif prop == "kind":
        rec.kind = value.strip().lower()
    elif prop == "start":
        rec.starts.add(value.strip())
    elif prop == "end":
        rec.ends.add(value.strip())
    elif prop in RELATIONS:
        rec.links.setdefault(prop, set()).add(value.split("|", 1)[0])
