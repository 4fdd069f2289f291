"""Shared fixtures: real SQLite stores in a temp dir, the example corpus, ../shared when present."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Property tests check what is computed, never how fast: hypothesis's default 200 ms deadline per example
# fails them on a loaded machine (a shared CI host, helpers running beside the suite), so it is off.
settings.register_profile("integraph", deadline=None)
settings.load_profile("integraph")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def store(tmp_path: Path):
    from integraph.store import Store

    with Store(tmp_path / "kb.sqlite") as s:
        yield s


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


# -- PostgreSQL: a real throw-away server for the whole session ---------------------------------
# Started with the Debian `postgresql` binaries (initdb + pg_ctl) on a free loopback port, as the
# `postgres` system user when we are root (postgres refuses to run as root).  Set
# INTEGRAPH_TEST_PG to an admin URL (with CREATEDB) to use an existing server instead.

def _pg_bindir() -> Path | None:
    import glob
    import shutil

    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_admin_url():
    import os
    import shutil
    import subprocess
    import tempfile

    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'integraph[postgres]')")
    if os.environ.get("INTEGRAPH_TEST_PG"):
        yield os.environ["INTEGRAPH_TEST_PG"]
        return
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql")
    prefix: list[str] = []
    home = Path(tempfile.mkdtemp(prefix="integraph-pg-"))
    if os.geteuid() == 0:
        import pwd

        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no `postgres` user to run the server as")
        os.chown(home, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data, port = home / "data", _free_port()
    run = lambda *args: subprocess.run(prefix + [str(a) for a in args], capture_output=True, text=True)  # noqa: E731
    done = run(bindir / "initdb", "-D", data, "-A", "trust", "-U", "integraph", "-E", "UTF8", "--no-locale", "-N")
    if done.returncode:
        shutil.rmtree(home, ignore_errors=True)
        pytest.skip(f"initdb failed: {done.stderr.strip()[-300:]}")
    options = f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    done = run(bindir / "pg_ctl", "-D", data, "-o", options, "-l", home / "log", "-w", "-t", "60", "start")
    if done.returncode:
        log = (home / "log").read_text(errors="replace")[-500:] if (home / "log").exists() else done.stderr
        shutil.rmtree(home, ignore_errors=True)
        pytest.skip(f"PostgreSQL did not start: {log.strip()}")
    try:
        yield f"postgresql://integraph@127.0.0.1:{port}/postgres"
    finally:
        run(bindir / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def pg_url(pg_admin_url: str):
    """A fresh, empty PostgreSQL schema for one test (its own search_path); dropped afterwards.

    A schema rather than a database: CREATE DATABASE costs half a second, a schema nothing.
    """
    import uuid

    import psycopg

    name = f"integraph_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
    try:
        yield f"{pg_admin_url}?options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(pg_admin_url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path: Path) -> str:
    """The knowledge base's URL on each backend: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "kb.sqlite")
    return request.getfixturevalue("pg_url")
