"""What every rule reads: the records, their analysed names, and the provisional groups."""
from __future__ import annotations

from dataclasses import dataclass, field

from integraph.resolve.clusters import Groups
from integraph.resolve.names import NameForm, acronym_of, analyse
from integraph.resolve.places import HOME_COUNTRY, PlaceLexicon
from integraph.resolve.records import Record
from integraph.textutil import fold

# Kinds of organisation that have offices in many countries: a country after
# their name makes a branch, whatever the document's language.
MULTINATIONAL = {"international", "network", "intergovernmental", "eu", "multinational"}


@dataclass
class Context:
    records: list[Record]
    places: PlaceLexicon = field(default_factory=PlaceLexicon)
    groups: Groups | None = None  # provisional groups after the first phase

    def __post_init__(self) -> None:
        self.by_id = {r.id: r for r in self.records}
        self.by_schema: dict[str, list[Record]] = {}
        for r in self.records:
            self.by_schema.setdefault(r.schema, []).append(r)
        self.forms: dict[str, list[NameForm]] = {}
        self.acronyms: dict[str, list[str]] = {}
        for r in self.records:
            strip = r.schema == "Organisation"
            forms, acronyms = [], []
            for n in r.names:
                acro = acronym_of(n) if r.schema in ("Organisation", "Programme") else None
                if acro:
                    acronyms.append(acro)
                else:
                    f = analyse(n, r.lang, strip)
                    if f.core and f not in forms:
                        forms.append(f)
            for a in r.acronyms:
                key = acronym_of(a) or fold(a).replace(" ", "")
                if key and key not in acronyms:
                    acronyms.append(key)
            self.forms[r.id] = forms
            self.acronyms[r.id] = acronyms
        self.by_doc: dict[str, list[Record]] = {}
        for r in self.records:
            self.by_doc.setdefault(r.doc, []).append(r)

    def of(self, schema: str) -> list[Record]:
        return self.by_schema.get(schema, [])

    def home(self, rec: Record) -> str | None:
        """The country an organisation belongs to, declared or implied by a one-country language."""
        if rec.country:
            return rec.country
        if rec.kind in MULTINATIONAL:
            return None
        return HOME_COUNTRY.get(rec.lang or "")

    def group_of(self, entity: str) -> str:
        return self.groups.find(entity) if self.groups else entity
