"""resolve() on a real SQLite store: canonical ids, idempotence, user judgements, explain."""
from __future__ import annotations

import pytest

from integraph.errors import UsageError
from integraph.resolve import canonical_map, explain, merge, resolve, split
from resolve_kb import add_document

REPORT_2022 = [
    ("o1", "Organisation", {"name": "Център за Подкрепа на Мигранти", "acronym": "ЦПМ"}),
    ("o2", "Organisation", {"name": "Сдружение за Развитие на Общности"}),
    ("o3", "Organisation", {"name": "ФМП"}),
    ("p1", "Project", {"title": "Заедно в общността", "lead": "o1", "partner": ["o2", "o3"]}),
    ("l1", "Place", {"name": "Полша", "ref": "PL"}),
    ("l2", "Place", {"name": "Пловдив", "ref": "728193", "country": "BG"}),
    ("g1", "Programme", {"name": "Фонд „Убежище, миграция и интеграция“", "ref": "eu-amif"}),
]
REPORT_2023 = [
    ("o1", "Organisation", {"name": "Центърът за подкрепа на мигранти"}),
    ("o2", "Organisation", {"name": "СРО"}),
    ("o3", "Organisation", {"name": "ФМН"}),
    ("p1", "Project", {"title": "Заедно в общността!", "lead": "o1", "partner": ["o2", "o3"]}),
    ("l1", "Place", {"name": "Polska", "ref": "PL"}),
    ("g1", "Programme", {"name": "AMIF", "ref": "eu-amif"}),
]
PROJECT_PAGE = [
    ("o1", "Organisation", {"name": "Międzynarodowa Organizacja do spraw Migracji", "kind": "international"}),
    ("o2", "Organisation", {"name": "Międzynarodowej Organizacji do spraw Migracji z siedzibą w Niemczech"}),
    ("o3", "Organisation", {"name": "Fundacja Pomocy Cudzoziemcom", "identifier": "krs:0000000001"}),
]
NEWSLETTER = [
    ("o1", "Organisation", {"name": "Międzynarodową Organizację ds. Migracji"}),
    ("o3", "Organisation", {"name": "Fundacji Pomocy Cudzoziemcom", "identifier": "krs:0000000002"}),
]


@pytest.fixture
def kb(store):
    docs = {
        "r22": add_document(store, "https://ngo.example.bg/report-2022", "bg", REPORT_2022, "2022"),
        "r23": add_document(store, "https://ngo.example.bg/report-2023", "bg", REPORT_2023, "2023"),
        "page": add_document(store, "https://help.example.pl/project", "pl", PROJECT_PAGE),
    }
    return store, docs


def groups(store) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for entity, cid in canonical_map(store).items():
        out.setdefault(cid, set()).add(entity)
    return out


def test_resolve_groups_and_names_canonical_ids(kb) -> None:
    store, d = kb
    summary = resolve(store)
    cmap = canonical_map(store)
    # inflected Bulgarian name across the two reports
    assert cmap[f"{d['r22']}/o1"] == cmap[f"{d['r23']}/o1"]
    # an undefined acronym of the knowledge base's only matching full name
    assert cmap[f"{d['r22']}/o2"] == cmap[f"{d['r23']}/o2"]
    # one-letter slip of a partner's acronym under the same lead
    assert cmap[f"{d['r22']}/o3"] == cmap[f"{d['r23']}/o3"]
    # project title with punctuation
    assert cmap[f"{d['r22']}/p1"] == cmap[f"{d['r23']}/p1"]
    # meaningful ids from references
    assert cmap[f"{d['r22']}/l1"] == cmap[f"{d['r23']}/l1"] == "country:PL"
    assert cmap[f"{d['r22']}/l2"] == "city:728193"
    assert cmap[f"{d['r22']}/g1"] == cmap[f"{d['r23']}/g1"] == "programme:eu-amif"
    assert cmap[f"{d['r22']}/o1"].startswith("org:")
    # the branch office stays apart from its parent
    assert cmap[f"{d['page']}/o1"] != cmap[f"{d['page']}/o2"]
    assert summary["entities"]["Organisation"]["in"] == 9
    assert summary["entities"]["Organisation"]["out"] == 6
    assert summary["merges"]["resolve.acronym_near.v1"] == 1
    assert summary["different"]["resolve.branch.v1"] >= 1
    # unknown entities map to themselves
    assert cmap["feedfeedfeed/o9"] == "feedfeedfeed/o9"


def test_resolve_is_idempotent_and_stable_under_new_documents(kb) -> None:
    store, d = kb
    resolve(store)
    first = canonical_map(store)
    judgements = store.db.query("SELECT left_, right_, verdict, rule, score, evidence, at FROM judgements ORDER BY 1, 2")
    resolve(store)
    assert canonical_map(store) == first
    again = store.db.query("SELECT left_, right_, verdict, rule, score, evidence, at FROM judgements ORDER BY 1, 2")
    assert again == judgements
    news = add_document(store, "https://help.example.pl/newsletter", "pl", NEWSLETTER)
    resolve(store)
    cmap = canonical_map(store)
    assert all(cmap[e] == first[e] or e.startswith(d["page"]) for e in first if not e.startswith(d["page"]))
    assert cmap[f"{news}/o1"] == cmap[f"{d['page']}/o1"]  # inflected Polish name
    # equal names, two registry numbers of one registry: kept apart
    assert cmap[f"{news}/o3"] != cmap[f"{d['page']}/o3"]


def test_user_judgements_survive_re_resolution_and_re_ingestion(kb) -> None:
    store, d = kb
    resolve(store)
    parent, branch = f"{d['page']}/o1", f"{d['page']}/o2"
    merge(store, parent, branch, note="one office after all")
    assert canonical_map(store)[parent] == canonical_map(store)[branch]
    resolve(store)
    assert canonical_map(store)[parent] == canonical_map(store)[branch]
    a, b = f"{d['r22']}/o1", f"{d['r23']}/o1"
    split(store, a, b)
    assert canonical_map(store)[a] != canonical_map(store)[b]
    add_document(store, "https://help.example.pl/newsletter", "pl", NEWSLETTER)
    resolve(store)
    cmap = canonical_map(store)
    assert cmap[a] != cmap[b]
    assert cmap[parent] == cmap[branch]
    users = store.db.query("SELECT verdict, note FROM (SELECT verdict, evidence AS note FROM judgements WHERE rule = 'user')")
    assert sorted(r["verdict"] for r in users) == ["different", "same"]


def test_merge_refuses_different_schemata(kb) -> None:
    store, d = kb
    with pytest.raises(UsageError):
        merge(store, f"{d['r22']}/o1", f"{d['r22']}/p1")


def test_explain_lists_members_names_documents_and_judgements(kb) -> None:
    store, d = kb
    resolve(store)
    out = explain(store, "Центърът за подкрепа на мигранти")  # a name finds its entity
    assert out["canonical"].startswith("org:")
    names = {n for m in out["members"] for n in m["names"]}
    assert names == {"Център за Подкрепа на Мигранти", "Центърът за подкрепа на мигранти"}
    sources = {doc["source"] for m in out["members"] for doc in m["documents"]}
    assert sources == {"https://ngo.example.bg/report-2022", "https://ngo.example.bg/report-2023"}
    assert [(j["rule"], j["verdict"]) for j in out["judgements"]] == [("resolve.name.v1", "same")]
    assert set(out["judgements"][0]["evidence"]["names"]) == names
    # by canonical id and by local id: the same group
    assert explain(store, out["canonical"])["canonical"] == out["canonical"]
    assert explain(store, f"{d['r22']}/o1")["canonical"] == out["canonical"]
    branch = explain(store, f"{d['page']}/o2")
    assert any(j["rule"] == "resolve.branch.v1" and j["verdict"] == "different" for j in branch["boundary"])
    with pytest.raises(UsageError):
        explain(store, "no such organisation anywhere")
