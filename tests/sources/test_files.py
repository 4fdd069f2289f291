"""iter_files walks folders recursively, sorted, without hidden entries."""
from __future__ import annotations

import pytest

from integraph.errors import UsageError
from integraph.sources import iter_files


def test_walks_sorted_and_skips_hidden(tmp_path):
    for rel in ["b/2.txt", "b/1.pdf", "a.html", ".hidden.txt", ".git/config", "b/.cache/x.txt", "c/d/e.md"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    got = [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])]
    assert got == ["a.html", "b/1.pdf", "b/2.txt", "c/d/e.md"]
    assert got == [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])]  # stable


def test_explicit_files_and_duplicates(tmp_path):
    (tmp_path / ".notes.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    got = list(iter_files([tmp_path / ".notes.txt", tmp_path, tmp_path / "a.txt"]))
    assert [p.name for p in got] == [".notes.txt", "a.txt"]


def test_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        list(iter_files([tmp_path / "nope"]))
