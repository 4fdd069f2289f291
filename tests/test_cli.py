"""The `integraph` process itself: what a start imports, the command list, exit codes and output
of a real process (its end skips the interpreter's teardown)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OPTIONAL = ("explain", "merge", "migrate", "serve", "split")


def run(*args: str, code: str | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "integraph", *args]
    env = dict(os.environ, INTEGRAPH_NO_PROGRESS="1")
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_ingest_never_imports_the_web_stack(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Der Verein Brücken e.V. berät seit 2015 geflüchtete Familien in Leipzig.\n")
    probe = ("import sys\nfrom click.testing import CliRunner\nfrom integraph.cli import cli\n"
             "r = CliRunner().invoke(cli, sys.argv[1:])\n"
             "print(r.exit_code, sorted(m for m in ('fastapi', 'starlette', 'pydantic', 'uvicorn') if m in sys.modules))")
    out = run("ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "kb.sqlite"), "--no-resolve", code=probe)
    assert out.stdout.split("\n")[-2] == "0 []", out.stdout + out.stderr


def test_help_lists_the_commands_of_every_subsystem_and_suggests_them():
    out = run("--help")
    listed = [line.split()[0] for line in out.stdout.split("Commands:")[1].splitlines() if line.strip()]
    assert listed == sorted(listed) and set(OPTIONAL) < set(listed)
    assert "serve" in run("serve", "--help").stdout
    wrong = run("serv")
    assert wrong.returncode == 2 and "Did you mean 'serve'?" in wrong.stderr


def test_an_ingest_process_writes_its_whole_report_and_exits_with_its_code(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Fundacja Wspólna Droga realizuje projekt „Razem w Lublinie” w Lublinie.\n")
    db = str(tmp_path / "kb.sqlite")
    first = run("ingest", str(folder), "--db", db, "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["new"] == 1  # the pipe got all of it before the process ended
    text = run("ingest", str(folder), "--db", db)
    assert text.returncode == 0 and text.stdout.startswith("0 new, 1 unchanged")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_bytes(b"")
    failed = run("ingest", str(bad), "--db", db, "--json")
    assert failed.returncode == 1 and json.loads(failed.stdout)["failed"] == 1
    assert run("ingest", "--db", db).returncode == 2  # a usage error, as before
