"""Regenerate the PDF, DOCX, ODT and pdftotext-like documents of examples/fresh/corpus/.

Usage: .venv/bin/python examples/fresh/sources/build.py

The sources here use the mini markup of examples/sources/build.py; its
renderers, and the Word-table renderer of examples/aside/sources/build.py (for
the indicator table of the Lithuanian final report), are imported, not copied,
so all four corpora are built the same way and deterministically.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus"
EXAMPLES = HERE.parent.parent


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


# The aside build registers the main build under its own name; reuse it rather than loading it twice.
aside_build = _load("integraph_examples_aside_build", EXAMPLES / "aside" / "sources" / "build.py")

# source file -> (how to render it, word for "page" in footers)
TARGETS: dict[str, tuple[str, str]] = {
    "ro-timisoara-hcl-214-2025.txt": ("pdf", "Pagina"),
    "et-koduou-kutse-seminar-2025-11.txt": ("pdf", "lk"),
    "sk-spolocnykruh-informacny-list-projektu.txt": ("odt", ""),
    "sl-novikoraki-letno-porocilo-2025.txt": ("pdftotext", "stran"),
    "lt-daugiakalbis-kaunas-galutine-ataskaita.txt": ("docx-tables", ""),
    "da-odense-handleplan-integration-2025-2028.txt": ("docx", ""),
}


def build_all(target: Path = CORPUS) -> list[Path]:
    """Write every generated document into `target` (the fresh corpus by default) and return the paths."""
    return aside_build.build_all(target, TARGETS, HERE)


if __name__ == "__main__":
    for path in build_all():
        print(path.relative_to(EXAMPLES.parent))
