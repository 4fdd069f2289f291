"""The registry and `find_all` over real documents: priorities settle overlaps."""
from __future__ import annotations

import json

from integraph.extract.recognise import RECOGNISERS, find_all


def test_registry_is_a_plain_dict_of_callables() -> None:
    assert set(RECOGNISERS) == {"date", "amount", "grant_id", "contact", "registry"}
    assert all(callable(f) for f in RECOGNISERS.values())


def test_account_digits_are_only_an_iban() -> None:
    text = "Nr konta:\n50 1090 1014 0000 0000 1234 5678\nw 2020 r."
    found = find_all(text, "pl")
    assert [m.kind for m in found] == ["iban", "date"]


def test_email_domain_is_not_a_url_and_amount_wins_over_year() -> None:
    found = find_all("Pisz: biuro@example.pl. Budżet: 2020 zł.", "pl")
    assert [(m.kind, m.value) for m in found] == [
        ("email", "biuro@example.pl"), ("amount", {"value": 2020, "currency": "PLN"})]


def test_gold_values_are_found_in_the_seeds(shared_dir) -> None:
    gold = json.loads((shared_dir / "gold" / "seeds.json").read_text(encoding="utf-8"))
    found = []
    for doc in gold["documents"]:
        text = (shared_dir / "seeds" / doc["file"]).read_text(encoding="utf-8")
        matches = find_all(text, doc["language"])
        for m in matches:
            assert text[m.start:m.end].strip() and 0 <= m.start < m.end <= len(text)
        found += matches
    values = {json.dumps(m.value, sort_keys=True) if isinstance(m.value, dict) else str(m.value) for m in found}
    urls = {m.extra.get("normalised", "").removeprefix("http://").removeprefix("https://").removeprefix("www.")
            for m in found if m.kind == "url"}
    for project in gold["projects"]:
        for gid in project.get("grant_ids") or []:
            assert gid in values
        for amount in project.get("amounts") or []:
            assert any(m.kind == "amount" and m.value["currency"] == amount["currency"]
                       and abs(m.value["value"] - amount["value"]) <= 0.005 * amount["value"] for m in found)
        for url in project.get("urls") or []:
            assert url.split("://", 1)[1].removeprefix("www.").rstrip("/") in urls
    periods = [m.value for m in found if m.kind == "period"]
    dated = [str(m.value) for m in found if m.kind == "date"] + [v for p in periods for v in p]
    for project in gold["projects"]:
        for key in ("start", "end"):
            if project.get(key):
                assert any(d.startswith(project[key]) for d in dated), (project["key"], key)
