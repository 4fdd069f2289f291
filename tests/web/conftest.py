"""Fixtures for the portal: a real temp SQLite store with a small written knowledge base, an app over it."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("synthetic_kb", HERE.parent / "search" / "synthetic_kb.py")
synthetic_kb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(synthetic_kb)  # type: ignore[union-attr]


@pytest.fixture(scope="session")
def kb_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    from integraph.store import Store

    path = tmp_path_factory.mktemp("web") / "kb.sqlite"
    with Store(path) as store:
        ids = synthetic_kb.build(store)
    return path, ids


@pytest.fixture(scope="session")
def client(kb_db):
    from fastapi.testclient import TestClient

    from integraph.web.app import create_app

    with TestClient(create_app(kb_db[0])) as c:
        yield c


@pytest.fixture(scope="session")
def doc_ids(kb_db) -> dict[str, str]:
    return kb_db[1]


@pytest.fixture()
def fresh_kb(tmp_path: Path) -> Path:
    """A knowledge base of its own, for tests that write."""
    from integraph.store import Store

    path = tmp_path / "kb.sqlite"
    with Store(path) as store:
        synthetic_kb.build(store)
    return path
