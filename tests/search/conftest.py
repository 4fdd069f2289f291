"""A real temp SQLite store holding the small written knowledge base, indexed once per session."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic_kb  # noqa: E402


@pytest.fixture(scope="session")
def kb(tmp_path_factory: pytest.TempPathFactory):
    from integraph.search import index
    from integraph.store import Store

    store = Store(tmp_path_factory.mktemp("search") / "kb.sqlite")
    ids = synthetic_kb.build(store)
    index(store)
    yield store, ids
    store.close()
