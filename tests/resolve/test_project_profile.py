"""resolve.project_profile.v1: one project told in two languages, found by period, programme and towns."""
from __future__ import annotations

from integraph.resolve.clusters import cluster
from integraph.resolve.engine import match
from integraph.resolve.records import Record
from integraph.resolve.rules_projects import PROFILE


def _project(doc: str, lang: str, title: str, n: int = 1, start: str = "2024-11-01", end: str = "2026-10-31",
             programme: str = "eu-erasmus-plus", towns: tuple[str, ...] = ("2965140", "2735943", "3195506"),
             grant: str | None = None) -> list[Record]:
    """A project record and the programme and town records it links to, all in document `doc`."""
    pid = f"{doc}/p{n}"
    rec = Record(pid, "Project", doc, lang, names=[title], starts={start}, ends={end})
    out = [rec, Record(f"{doc}/g{n}", "Programme", doc, lang, names=[programme], ref=programme)]
    rec.links["funder"] = {f"{doc}/g{n}"}
    rec.links["place"] = set()
    for k, town in enumerate(towns):
        out.append(Record(f"{doc}/l{n}{k}", "Place", doc, lang, names=[town], ref=town, kind="city"))
        rec.links["place"].add(f"{doc}/l{n}{k}")
    if grant:
        rec.identifiers.add("grant:" + grant)
    return out


def _together(records: list[Record], a: str, b: str) -> bool:
    groups, _ = cluster([r.id for r in records], match(records))
    return any(a in members and b in members for members in groups.values())


def test_the_same_profile_in_two_languages_is_one_project() -> None:
    records = _project("d1", "en", "Welcome Circles") + _project("d2", "pt", "Círculos de Acolhimento", start="2024-11",
                                                                  end="2026-10")
    judgements = [j for j in match(records) if j.rule == PROFILE]
    assert [(j.left, j.right) for j in judgements] == [("d1/p1", "d2/p1")]
    assert judgements[0].evidence["period"] == ["2024-11", "2026-10"]
    assert _together(records, "d1/p1", "d2/p1")


def test_a_year_alone_is_no_period() -> None:
    records = _project("d1", "en", "Welcome Circles", start="2024", end="2026") + \
        _project("d2", "pt", "Círculos de Acolhimento", start="2024", end="2026")
    assert not _together(records, "d1/p1", "d2/p1")


def test_one_town_in_common_is_not_enough() -> None:
    records = _project("d1", "en", "Welcome Circles") + \
        _project("d2", "pt", "Círculos de Acolhimento", towns=("2735943", "2267057"))
    assert not _together(records, "d1/p1", "d2/p1")


def test_two_projects_of_one_profile_in_a_document_stay_apart() -> None:
    # a consortium's two projects of one call: which of them the other document means is unknown
    records = _project("d1", "en", "Welcome Circles") + _project("d1", "en", "Digital Circles", n=2) + \
        _project("d2", "pt", "Círculos de Acolhimento")
    judgements = match(records)
    assert not any(j.rule == PROFILE for j in judgements)


def test_disagreeing_grant_numbers_keep_them_apart() -> None:
    records = _project("d1", "en", "Welcome Circles", grant="2024-1-ie01-ka220-adu-000245817") + \
        _project("d2", "pt", "Círculos de Acolhimento", grant="2024-1-pt01-ka220-adu-000111111")
    assert not _together(records, "d1/p1", "d2/p1")


def test_the_same_language_is_left_to_the_title_rules() -> None:
    records = _project("d1", "en", "Welcome Circles") + _project("d2", "en", "Peer mentoring in three towns")
    assert not _together(records, "d1/p1", "d2/p1")
