"""Files and folders → the files to ingest, recursively, sorted, hidden entries skipped."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from integraph.errors import UsageError


def iter_files(paths: list[Path]) -> Iterator[Path]:
    """Every regular file under `paths` (files are yielded as given), in a stable sorted order.

    Hidden files and folders (a name starting with ".") are skipped inside
    folders; a path named explicitly is always taken.  Each file is yielded once.
    """
    seen: set[Path] = set()
    for root in paths:
        root = Path(root)
        if root.is_file():
            candidates: list[Path] = [root]
        elif root.is_dir():
            candidates = list(_walk(root))
        else:
            raise UsageError(f"no such file or folder: {root}")
        for path in candidates:
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                yield path


def _walk(folder: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if not name.startswith(".") and path.is_file():
                yield path
