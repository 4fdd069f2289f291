"""Run `integraph ingest` in a child process, in its own process group so a kill -9 takes all of it."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def start(corpus: Path, db: str, *extra: str) -> subprocess.Popen:
    env = dict(os.environ, INTEGRAPH_NO_PROGRESS="1")
    return subprocess.Popen([sys.executable, "-m", "integraph", "ingest", str(corpus), "--db", db, "--no-resolve",
                             "--json", *extra], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


def kill_hard(proc: subprocess.Popen) -> None:
    """SIGKILL the child and every process it started (pool workers): a crash, nothing gets to clean up."""
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)


def document_count(db: str) -> int:
    from integraph.store import Store

    with Store(db) as store:
        return store.db.query("SELECT COUNT(*) AS n FROM documents")[0]["n"]
