"""Regenerate the PDF, DOCX, ODT and pdftotext-like documents of examples/blind/corpus/.

Usage: .venv/bin/python examples/blind/sources/build.py

The sources here use the mini markup of examples/sources/build.py; its
renderers, and the Word-table renderer of examples/aside/sources/build.py (for
the indicator table of the Italian final report), are imported, not copied, so
all three corpora are built the same way and deterministically.
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


# The aside build registers the main build under this name; reuse it rather than loading it twice.
aside_build = _load("integraph_examples_aside_build", EXAMPLES / "aside" / "sources" / "build.py")

# source file -> (how to render it, word for "page" in footers)
TARGETS: dict[str, tuple[str, str]] = {
    "it-filocomune-relazione-finale-wemin.txt": ("docx-tables", ""),
    "nl-welkomwerk-vacature-projectcoordinator.txt": ("docx", ""),
    "pl-gdansk-uchwala-fami-2025-04.txt": ("pdf", "Strona"),
    "hu-hidfo-projektadatlap-egyutt-debrecenben.txt": ("pdf", "oldal"),
    "cs-plzen-zapis-platforma-integrace-2025-06.txt": ("odt", ""),
    "sv-gemensamgrund-verksamhetsberattelse-2025.txt": ("pdftotext", "sid."),
}


def build_all(target: Path = CORPUS) -> list[Path]:
    """Write every generated document into `target` (the blind corpus by default) and return the paths."""
    return aside_build.build_all(target, TARGETS, HERE)


if __name__ == "__main__":
    for path in build_all():
        print(path.relative_to(EXAMPLES.parent))
