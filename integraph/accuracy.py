"""The accuracy gate (after trafilatura's eval gate): score gold corpora, compare with floors.

Floors live in `tests/accuracy_floors.json`; `python -m integraph.accuracy --update`
raises them to today's figures and refuses to lower one.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ROOT / "tests" / "accuracy_floors.json"
CORPORA = {"examples": ROOT / "examples" / "gold.json", "aside": ROOT / "examples" / "aside" / "gold.json",
           "blind": ROOT / "examples" / "blind" / "gold.json", "fresh": ROOT / "examples" / "fresh" / "gold.json",
           "seeds": ROOT.parent / "shared" / "gold" / "seeds.json"}
METRICS = ("detection.projects.f1", "detection.organisations.f1", "fields.f1", "project_fields.f1",
           "organisation_fields.f1")
EPSILON = 0.005


def corpus_hash(gold_path: Path) -> str:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    base = gold_path.parent / gold.get("corpus", ".")
    h = hashlib.sha256(gold_path.read_bytes())
    for d in sorted(gold["documents"], key=lambda d: d["file"]):
        h.update((base / d["file"]).read_bytes())
    return h.hexdigest()[:16]


def score(gold_path: Path) -> dict[str, Any]:
    """Ingest the gold's corpus into a fresh store, resolve, export and evaluate."""
    from integraph.evaluate import evaluate, load_gold
    from integraph.export import build
    from integraph.pipeline import ingest
    from integraph.store import Store

    gold = load_gold(gold_path)
    base = gold_path.parent / gold.get("corpus", ".")
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "kb.sqlite") as store:
        ingest([base / d["file"] for d in gold["documents"]], store)
        try:
            from integraph.resolve import resolve
        except ImportError:
            pass
        else:
            resolve(store)
        return evaluate(build(store), gold)


def metric(result: dict[str, Any], dotted: str) -> float:
    cur: Any = result
    for part in dotted.split("."):
        cur = cur[part]
    return float(cur)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--update", action="store_true", help="raise floors to the current figures")
    ap.add_argument("--allow-regression", action="store_true",
                    help="with --update: also lower a floor (say why in the commit message)")
    args = ap.parse_args(argv)
    floors = json.loads(FLOORS.read_text()) if FLOORS.exists() else {}
    for name, path in CORPORA.items():
        if not path.exists():
            print(f"{name}: {path} absent, skipped")
            continue
        result = score(path)
        current = {m: round(metric(result, m), 4) for m in METRICS}
        old = floors.get(name, {}).get("floors", {})
        print(name, json.dumps(current))
        if args.update:
            merged = {m: current[m] if args.allow_regression else max(current[m], old.get(m, 0.0)) for m in METRICS}
            lowered = [m for m in METRICS if current[m] + EPSILON < old.get(m, 0.0)]
            if lowered and not args.allow_regression:
                print(f"  refusing to lower {lowered}; keeping the old floors", file=sys.stderr)
            floors[name] = {"corpus_hash": corpus_hash(path), "floors": merged}
    if args.update:
        FLOORS.write_text(json.dumps(floors, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
