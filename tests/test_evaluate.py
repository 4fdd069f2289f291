"""The gold scorer, on small hand-made knowledge bases whose scores we can work out by hand."""
from __future__ import annotations

from integraph.evaluate import evaluate

GOLD = {
    "format": "integraph-gold/1",
    "documents": [{"file": "a.txt", "language": "pl"}],
    "organisations": [
        {"key": "most", "names": ["Fundacja Most Kultur", "FMK"], "kind": "foundation", "country": "PL"},
        {"key": "iom", "names": ["IOM"], "optional": True},
    ],
    "programmes": [{"key": "amif", "names": ["AMIF", "FAMI"]}],
    "places": [{"key": "PL", "kind": "country", "names": ["Polska"]},
               {"key": "krakow", "kind": "city", "names": ["Kraków"]}],
    "projects": [{
        "key": "p1", "titles": ["Wspólny Kraków dla wszystkich"], "status": "completed",
        "start": "2021-03", "end": "2022", "lead": "most", "programmes": ["amif"],
        "amounts": [{"value": 100000, "currency": "PLN"}], "places": ["PL", "krakow"],
        "urls": ["https://example.org/projekt/"], "optional": ["krakow"],
    }],
}
SRC = [{"document": "d1", "start": 0, "end": 5}]


def kb(**project):
    p = {"id": "p", "title": "Wspólny Kraków dla wszystkich!", "titles": [], "status": "completed",
         "status_history": [], "start": "2021-03-01", "end": "2022-06", "lead": "o1", "partners": [],
         "funding": [{"programme": "g1"}], "amounts": [{"value": 100200, "currency": "PLN"}],
         "places": ["l1"], "people": [], "outputs": [], "urls": ["http://www.example.org/projekt"], "sources": SRC}
    p.update(project)
    return {
        "documents": [{"id": "d1", "source": "/x/a.txt"}],
        "organisations": [{"id": "o1", "name": "Fundacja Most Kultur", "names": [], "acronyms": ["FMK"],
                           "kind": "foundation", "country": "PL", "sources": SRC},
                          {"id": "o2", "name": "Nikt", "names": [], "sources": SRC}],
        "programmes": [{"id": "g1", "name": "FAMI", "names": [], "sources": SRC}],
        "places": [{"id": "l1", "name": "Polska", "iso": "PL", "names": [], "sources": SRC}],
        "people": [], "projects": [p],
    }


def test_detection_counts_unmatched_organisations_as_false_positives():
    r = evaluate(kb(), GOLD)
    org = r["detection"]["organisations"]
    assert (org["tp"], org["fp"], org["fn"]) == (1, 1, 0)  # the optional IOM costs nothing
    assert r["detection"]["projects"]["f1"] == 1.0  # title matched by similarity ≥ 90


def test_fields_follow_the_format_rules():
    r = evaluate(kb(), GOLD)
    f = r["per_field"]
    assert f["start"]["tp"] == 1 and f["end"]["tp"] == 1  # more precise than gold is right
    assert f["amounts"]["tp"] == 1  # within 0.5 %
    assert f["urls"]["tp"] == 1  # scheme, www and trailing slash ignored
    assert f["places"]["tp"] == 1 and f["places"]["fn"] == 0  # Kraków is optional
    assert r["organisation_fields"]["f1"] == 1.0


def test_wrong_values_are_counted_as_false_and_missed():
    r = evaluate(kb(start="2020", amounts=[{"value": 120000, "currency": "PLN"}], lead=None), GOLD)
    f = r["per_field"]
    assert f["start"]["fp"] == 1 and f["start"]["fn"] == 1  # less precise than gold is wrong
    assert f["amounts"]["fp"] == 1
    assert f["lead"]["fn"] == 1
    assert any(m["field"] == "lead" for m in r["misses"])


def test_documents_outside_the_gold_are_not_scored():
    data = kb()
    data["organisations"].append({"id": "o3", "name": "Elsewhere", "names": [],
                                  "sources": [{"document": "other", "start": 0, "end": 1}]})
    assert evaluate(data, GOLD)["detection"]["organisations"]["fp"] == 1


def test_by_language_keeps_each_languages_documents_and_the_entities_they_name():
    from integraph.evaluate import by_language

    gold = dict(GOLD, documents=[{"file": "a.txt", "language": "pl"}, {"file": "b.txt", "language": "de"}])
    texts = {"/x/a.txt": "Fundacja Most Kultur prowadzi projekt Wspólny Kraków dla wszystkich.",
             "/x/b.txt": "Ein Bericht ohne die Stiftung, aber mit IOMS."}
    r = by_language(kb(), gold, texts)
    assert set(r) == {"pl", "de"}
    assert (r["pl"]["organisations"], r["pl"]["projects"]) == (1, 1)
    assert r["pl"]["detection"]["projects"]["f1"] == 1.0
    # "IOMS" is not the acronym IOM: names count as whole words only
    assert (r["de"]["organisations"], r["de"]["projects"]) == (0, 0)
