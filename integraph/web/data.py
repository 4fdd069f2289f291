"""The one place where the portal reads the knowledge base.

Pages and the API see the export shape (`integraph/1`, ../shared/spec/export.md)
through `KnowledgeBase`, which adds the reverse links pages need (projects of
an organisation, of a programme, of a place).  The export is rebuilt only when
the store's fingerprint changes, so pages stay fast between ingests.
"""
from __future__ import annotations

import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from integraph.search import fingerprint
from integraph.store import Store

ENTITY_SECTIONS = {"projects": "project", "organisations": "organisation", "programmes": "programme",
                   "places": "place", "people": "person"}


def default_builder() -> Callable[[Store], dict[str, Any]]:
    from integraph.export import build

    return build


@dataclass
class KnowledgeBase:
    """The export plus indexes; built once per store change."""

    export: dict[str, Any]
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    kind_of: dict[str, str] = field(default_factory=dict)  # id -> section name ("projects", …)
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    roles: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))  # org -> (project, role)
    funded: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # programme -> projects
    located: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # place -> projects

    def __post_init__(self) -> None:
        for section in ENTITY_SECTIONS:
            for e in self.export.get(section, []):
                self.by_id[e["id"]] = e
                self.kind_of[e["id"]] = section
        self.documents = {d["id"]: d for d in self.export.get("documents", [])}
        for p in self.export.get("projects", []):
            if p.get("lead"):
                self.roles[p["lead"]].append((p["id"], "lead"))
            for partner in p.get("partners", []):
                self.roles[partner].append((p["id"], "partner"))
            for f in p.get("funding", []):
                if f.get("programme") and p["id"] not in self.funded[f["programme"]]:
                    self.funded[f["programme"]].append(p["id"])
            for place in p.get("places", []):
                self.located[place].append(p["id"])

    # -- lookups -----------------------------------------------------------
    def section(self, name: str) -> list[dict[str, Any]]:
        return list(self.export.get(name, []))

    def get(self, section: str, eid: str) -> dict[str, Any] | None:
        e = self.by_id.get(eid)
        return e if e is not None and self.kind_of.get(eid) == section else None

    def label(self, eid: str | None) -> str:
        """A human name for any entity id; the id itself when unknown."""
        if not eid:
            return ""
        e = self.by_id.get(eid)
        if not e:
            return eid
        return e.get("name") or e.get("title") or e.get("acronym") or eid

    def counts(self) -> dict[str, int]:
        return {name: len(self.export.get(name, [])) for name in ("documents", *ENTITY_SECTIONS)}

    # -- places --------------------------------------------------------------
    def country_of_place(self, place: dict[str, Any]) -> str | None:
        return place.get("iso") or place.get("country")

    def project_countries(self, project: dict[str, Any]) -> set[str]:
        out = set()
        for pid in project.get("places", []):
            place = self.by_id.get(pid)
            if place and self.country_of_place(place):
                out.add(self.country_of_place(place))
        lead = self.by_id.get(project.get("lead") or "")
        if not out and lead and lead.get("country"):
            out.add(lead["country"])
        return out

    def projects_in_country(self, code: str) -> list[dict[str, Any]]:
        return [p for p in self.section("projects") if code in self.project_countries(p)]

    def organisations_in_country(self, code: str) -> list[dict[str, Any]]:
        return [o for o in self.section("organisations") if o.get("country") == code]

    def country_place(self, code: str) -> dict[str, Any] | None:
        for p in self.section("places"):
            if p.get("kind") == "country" and self.country_of_place(p) == code:
                return p
        return None

    def cities(self, code: str | None = None) -> list[dict[str, Any]]:
        return [p for p in self.section("places") if p.get("kind") == "city" and (code is None or p.get("country") == code)]

    def countries(self) -> Counter[str]:
        """Projects per country code."""
        c: Counter[str] = Counter()
        for p in self.section("projects"):
            c.update(self.project_countries(p))
        for o in self.section("organisations"):
            if o.get("country"):
                c[o["country"]] += 0  # known, even without projects
        return c

    # -- projects ------------------------------------------------------------
    def projects_of(self, org_id: str) -> list[tuple[dict[str, Any], str]]:
        return [(self.by_id[pid], role) for pid, role in self.roles.get(org_id, []) if pid in self.by_id]

    def projects_funded_by(self, programme_id: str) -> list[dict[str, Any]]:
        return [self.by_id[pid] for pid in self.funded.get(programme_id, []) if pid in self.by_id]

    def projects_at(self, place_id: str) -> list[dict[str, Any]]:
        return [self.by_id[pid] for pid in self.located.get(place_id, []) if pid in self.by_id]

    def year_of(self, project: dict[str, Any]) -> str | None:
        for key in ("start", "end"):
            if project.get(key):
                return project[key][:4]
        for h in project.get("status_history", []):
            if h.get("as_of"):
                return h["as_of"][:4]
        return None

    def funding_rows(self, projects: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """One row per stated amount: project, programme, currency, value, year, countries."""
        rows = []
        for p in projects:
            for f in p.get("funding", []):
                amount = f.get("amount")
                if amount and isinstance(amount.get("value"), (int, float)):
                    rows.append({"project": p["id"], "programme": f.get("programme"), "currency": amount.get("currency"),
                                 "value": amount["value"], "year": self.year_of(p),
                                 "countries": sorted(self.project_countries(p))})
        return rows

    def partner_graph(self, org_id: str) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
        """Nodes and edges of the organisation–project network around one organisation (two hops)."""
        nodes: dict[str, dict[str, Any]] = {org_id: {"id": org_id, "kind": "organisation", "label": self.label(org_id)}}
        edges: set[tuple[str, str]] = set()
        for project, _ in self.projects_of(org_id):
            nodes[project["id"]] = {"id": project["id"], "kind": "project", "label": self.label(project["id"])}
            for member in [project.get("lead"), *project.get("partners", [])]:
                if member:
                    nodes.setdefault(member, {"id": member, "kind": "organisation", "label": self.label(member)})
                    edges.add((member, project["id"]))
        return list(nodes.values()), sorted(edges)


class KnowledgeBaseCache:
    """Builds the `KnowledgeBase` at most once per store fingerprint (thread-safe)."""

    def __init__(self, builder: Callable[[Store], dict[str, Any]] | None = None) -> None:
        self.builder = builder
        self._lock = threading.Lock()
        self._key: str | None = None
        self._kb: KnowledgeBase | None = None

    def get(self, store: Store, key: str | None = None) -> KnowledgeBase:
        """The knowledge base for fingerprint `key` (computed from `store` when not given)."""
        key = key if key is not None else fingerprint(store)
        with self._lock:
            if self._kb is None or key != self._key:
                build = self.builder or default_builder()
                self._kb = KnowledgeBase(build(store))
                self._key = key
            return self._kb


# -- facts and document text ---------------------------------------------------

def members(store: Store) -> dict[str, list[str]]:
    """canonical id -> the document-local entity ids resolution merged into it."""
    from integraph.export import canonical_map

    out: dict[str, list[str]] = defaultdict(list)
    for entity, canonical in canonical_map(store).items():
        out[canonical].append(entity)
    return out


def facts(store: Store, kb: KnowledgeBase, eid: str, merged: dict[str, list[str]] | None = None) -> list[dict[str, Any]]:
    """Every statement about `eid` with the sentence that states it (a quote of its span)."""
    ids = sorted(set((merged if merged is not None else members(store)).get(eid, [])) | {eid})
    marks = ", ".join("?" for _ in ids)
    rows = store.db.query(
        "SELECT s.prop, s.value, s.document, s.start_, s.end_, s.as_of, s.confidence, s.extractor, "
        "substr(d.text, s.start_ + 1, s.end_ - s.start_) AS quote FROM statements s JOIN documents d "
        f"ON d.id = s.document WHERE s.entity IN ({marks}) ORDER BY s.as_of, s.document, s.start_", ids)
    from integraph.export import canonical_map

    canon = canonical_map(store)
    out = []
    for r in rows:
        ref = canon.get(r["value"], r["value"])
        out.append({
            "prop": r["prop"], "value": r["value"], "as_of": r["as_of"], "confidence": r["confidence"],
            "extractor": r["extractor"], "ref": ref if ref in kb.by_id else None,
            "label": kb.label(ref) if ref in kb.by_id else r["value"],
            "source": {"document": r["document"], "start": r["start_"], "end": r["end_"]},
            "quote": r["quote"],
        })
    return out


def segments(text: str, spans: list[tuple[int, int, str]], highlight: tuple[int, int] | None) -> list[dict[str, Any]]:
    """Cut `text` at every span edge: pieces with the fact labels covering them and whether they are highlighted.

    The template escapes each piece, so document text never becomes markup.
    """
    n = len(text)
    edges = {0, n}
    for a, b, _ in spans:
        edges.update((max(0, min(a, n)), max(0, min(b, n))))
    if highlight:
        edges.update((max(0, min(highlight[0], n)), max(0, min(highlight[1], n))))
    cuts = sorted(edges)
    out = []
    first_hl = True
    for a, b in zip(cuts, cuts[1:]):
        if a == b:
            continue
        labels = sorted({label for s, e, label in spans if s <= a and b <= e})
        hl = bool(highlight and highlight[0] <= a and b <= highlight[1])
        out.append({"text": text[a:b], "start": a, "facts": labels, "hl": hl, "anchor": hl and first_hl})
        if hl:
            first_hl = False
    return out
