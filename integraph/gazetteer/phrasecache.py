"""The gazetteers' phrase indexes, built once per machine and read back at every start.

Building the four indexes every document may need (countries, funds, international bodies,
status cues) costs ~0.5 s of CPU, and each language's tries (lemmas, pruned scoped tries)
another ~0.03 s per language and process — paid again by every worker of a pool on its first
document of each language, which acts as serial time.  So they are built once with the tries of
every language in `LANGS` ready, pickled into `cache_dir()`, and unpickled (~0.07 s) afterwards.

The file name hashes what the indexes are built from: the data files' contents, the building
code's source, and the installed pycountry and simplemma (their files' sizes and times).  A
change to any of them names another file; older ones are removed when the new one is written.
A damaged file is rebuilt; an unwritable cache dir means building in memory at every start,
as before.  Loaded or built, the indexes find exactly the same matches.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib.util
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from integraph.gazetteer import DATA_DIR, LANGS
from integraph.gazetteer.phrases import PhraseIndex

CACHE_FORMAT = 1  # bump when what the file holds changes in a way the sources do not show
INDEXES = ("countries", "funds", "international", "status")
NAMES = INDEXES + ("country_names",)  # and the table country names are indexed from
DATA_FILES = ("gazetteer/country_forms.json", "gazetteer/funds.json", "gazetteer/international.json",
              "lexicon/cues.json")
HERE = Path(__file__).resolve().parent
# the code an index's content depends on: its builders, the tokeniser, folding and lemmatising
CODE_FILES = (HERE / "phrases.py", HERE / "tokens.py", HERE / "folding.py", HERE / "countries.py",
              HERE / "funds.py", HERE / "orgs.py", HERE / "cues.py", HERE / "__init__.py",
              HERE / "phrasecache.py", HERE.parent / "textutil.py")


@lru_cache(maxsize=1)
def indexes() -> dict[str, Any]:
    """name → PhraseIndex (INDEXES, every language's tries ready) and "country_names" → the table of
    countries.build_names(): from the cache file, else built (and saved)."""
    path = cache_path()
    if path is not None:
        loaded = _load(path)
        if loaded is not None:
            return loaded
    built = build()
    if path is not None:
        _write(built, path)
    return built


def build() -> dict[str, Any]:
    """The four indexes built from the data, with the tries of every language in LANGS made."""
    # imported here: those modules ask this one for their index
    from integraph.gazetteer import countries, cues, funds, orgs

    names = countries.build_names()
    out: dict[str, Any] = {"countries": countries.build_index(names), "funds": funds.build_index(),
                           "international": orgs.build_international_index(),
                           "status": cues.build_status_index(), "country_names": names}
    for name in INDEXES:
        out[name].warm(LANGS)
    return out


def cache_path() -> Path | None:
    """The cache file for the current data, code and packages; None when the cache dir is unusable."""
    try:
        from integraph.gazetteer import cache_dir

        base = cache_dir()
        digest = hashlib.sha256(repr((CACHE_FORMAT, LANGS, sys.version_info[:2])).encode())
        for rel in DATA_FILES:
            digest.update((DATA_DIR / rel).read_bytes())
        for f in CODE_FILES:
            digest.update(f.read_bytes())
        digest.update(repr(_package_stamp()).encode())
    except OSError:
        return None
    return base / f"phrases-{digest.hexdigest()[:16]}.pickle"


def _package_stamp() -> list[tuple[str, int, int]]:
    """Sizes and times of pycountry's and simplemma's files whose change would change the names or
    lemmas (a reinstall rewrites them); found without importing simplemma."""
    stamp = []
    for package, parts in (("pycountry", ("__init__.py", "databases", "locales")),
                           ("simplemma", ("__init__.py", "strategies/dictionaries/data"))):
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            stamp.append((package, -1, -1))
            continue
        root = Path(spec.origin).parent
        for part in parts:
            st = (root / part).stat()
            stamp.append((f"{package}/{part}", st.st_size, st.st_mtime_ns))
    return stamp


def _load(path: Path) -> dict[str, Any] | None:
    """The indexes of a complete, valid file; None when it is missing, truncated or foreign."""
    enabled = gc.isenabled()
    gc.disable()  # unpickling makes ~10^5 containers: collections in between would cost 3x the load
    try:
        with path.open("rb") as f:
            loaded = pickle.load(f)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - damaged or from elsewhere: built again and rewritten
        return None
    finally:
        if enabled:
            gc.enable()
    if not isinstance(loaded, dict) or set(loaded) != set(NAMES) \
            or not all(isinstance(loaded[k], PhraseIndex) for k in INDEXES) \
            or not isinstance(loaded["country_names"], dict):
        return None
    return loaded


def _write(built: dict[str, Any], path: Path) -> None:
    """Save atomically (readers see a whole file or none); drop the files of older versions."""
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".phrases-", suffix=".pickle")
    except OSError:  # a read-only cache: run without it
        return
    try:
        with os.fdopen(fd, "wb") as f:
            pickle.dump(built, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:  # a full disk
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return
    for old in path.parent.glob("phrases-*.pickle"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()


def ensure_built() -> Path | None:
    """Write the cache file unless it is there and sound (for `integraph prepare`); its path."""
    path = cache_path()
    if path is not None and _load(path) is None:
        _write(build(), path)
    return path
