"""The small written knowledge base, indexed once per session on each backend (SQLite, PostgreSQL)."""
from __future__ import annotations

import sys
import uuid
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic_kb  # noqa: E402


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def kb_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """A database URL for the session's knowledge base: an SQLite file, then a PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("search") / "kb.sqlite")
        return
    import psycopg

    admin = request.getfixturevalue("pg_admin_url")
    name = f"integraph_search_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    yield f"{admin}?options=-csearch_path%3D{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")


@pytest.fixture(scope="session")
def kb(kb_url: str):
    from integraph.search import index
    from integraph.store import Store

    store = Store(kb_url)
    ids = synthetic_kb.build(store)
    index(store)
    yield store, ids
    store.close()
