"""Fixtures of the scale tests: many generated documents (bench/generated.py) and a real Dask cluster."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _generated_module():
    spec = importlib.util.spec_from_file_location("integraph_bench_generated", ROOT / "bench" / "generated.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[..., list[Path]]:
    """`make_corpus(n, suffixes=None, max_bytes=None)` → n distinct documents varied from the example corpus, in tmp_path/corpus."""
    module = _generated_module()

    def make(n: int, suffixes: set[str] | None = None, seed: int = 0, max_bytes: int | None = None) -> list[Path]:
        return module.make_corpus(tmp_path / "corpus", n, seed=seed, suffixes=suffixes, max_bytes=max_bytes)

    return make


@pytest.fixture(scope="session")
def dask_cluster():
    """A real local Dask cluster: 2 worker processes of one thread each, on loopback, no dashboard."""
    distributed = pytest.importorskip("distributed", reason="Dask is not installed (pip install 'integraph[dask]')")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                       host="127.0.0.1")
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()
