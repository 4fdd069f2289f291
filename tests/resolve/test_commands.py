"""The curator's CLI commands, run through click's CliRunner against a real SQLite file."""
from __future__ import annotations

import json

from click.testing import CliRunner

from integraph.resolve import canonical_map, resolve
from integraph.resolve.commands import explain_cmd, merge_cmd, split_cmd
from integraph.store import Store
from resolve_kb import add_document

DOC_A = [("o1", "Organisation", {"name": "Fundacja Pomocy Cudzoziemcom"}),
         ("o2", "Organisation", {"name": "Stowarzyszenie Tłumaczy Ustnych"})]
DOC_B = [("o1", "Organisation", {"name": "Fundacji Pomocy Cudzoziemcom"}),
         ("o2", "Organisation", {"name": "Biuro Tłumaczeń Ustnych"})]


def test_explain_merge_split_commands(tmp_path) -> None:
    db = tmp_path / "kb.sqlite"
    with Store(db) as store:
        a = add_document(store, "https://a.example.pl/1", "pl", DOC_A)
        b = add_document(store, "https://b.example.pl/2", "pl", DOC_B)
        resolve(store)
    runner = CliRunner()
    out = runner.invoke(explain_cmd, ["Fundacja Pomocy Cudzoziemcom", "--db", str(db), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert {m["entity"] for m in data["members"]} == {f"{a}/o1", f"{b}/o1"}
    text = runner.invoke(explain_cmd, [f"{a}/o1", "--db", str(db)])
    assert "resolve.name.v1" in text.output

    out = runner.invoke(split_cmd, [f"{a}/o1", f"{b}/o1", "--db", str(db), "--json", "--note", "two bodies"])
    assert out.exit_code == 0, out.output
    left, right = json.loads(out.output)["canonical"]
    assert left != right

    with Store(db) as store:
        assert canonical_map(store)[f"{a}/o2"] != canonical_map(store)[f"{b}/o2"]
    out = runner.invoke(merge_cmd, [f"{a}/o2", "Biuro Tłumaczeń Ustnych", "--db", str(db)])
    assert out.exit_code == 0, out.output
    with Store(db) as store:
        cmap = canonical_map(store)
        assert cmap[f"{a}/o2"] == cmap[f"{b}/o2"]
        assert cmap[f"{a}/o1"] != cmap[f"{b}/o1"]

    missing = runner.invoke(explain_cmd, ["nothing like this", "--db", str(db)])
    assert missing.exit_code != 0
    assert "usage" in missing.output


def test_commands_have_help_with_examples() -> None:
    for cmd in (merge_cmd, split_cmd, explain_cmd):
        assert "Example" in (cmd.help or "")
        assert any(p.name == "db" for p in cmd.params)
