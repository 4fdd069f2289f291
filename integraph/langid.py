"""Language identification: ISO 639-1 codes for documents and their sections.

py3langid restricted to the 24 EU languages plus uk and ru (bake-off §1:
98/98 seed paragraphs, 0.12 s per 1,000 paragraphs, ~130 MB; lingua would
cost ~640 MB of our 1 GB budget).  Two cheap corrections on top:

* Cyrillic text is decided among bg/ru/uk only, with letters that exist in
  one of them as evidence (і ї є ґ → uk; ы э ё → ru; neither, and ъ or щ
  present → bg), and py3langid's ranking among the three otherwise;
* Greek script is el.

Texts with fewer than MIN_LETTERS letters get None: the caller inherits the
document language.  The identifier is loaded once per process, lazily.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from array import array
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from integraph.model import Document

EU_LANGUAGES = (
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv",
    "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
)
LANGUAGES = EU_LANGUAGES + ("uk", "ru")
CYRILLIC_LANGUAGES = ("bg", "ru", "uk")
MIN_LETTERS = 20
SECTION_MIN_LETTERS = 80  # shorter sections inherit the document language…
SECTION_MIN_CONFIDENCE = 0.95  # …and so do sections whose different language is uncertain
SAMPLE_CHARS = 20_000  # a long document's language is clear from its first pages
SECTION_SAMPLE_CHARS = 5_000

UK_LETTERS = set("іїєґІЇЄҐ")
RU_LETTERS = set("ыэёЫЭЁ")
BG_LETTERS = set("ъщЪЩ")


CACHE_FORMAT = 1  # bump when what the cache file holds changes


@lru_cache(maxsize=1)
def identifier() -> Any:
    """The py3langid model restricted to our languages, loaded once per process on first use.

    py3langid ships its model LZMA-compressed: unpacking it costs ~0.4 s of CPU at every start, and
    every `integraph` command that converts pays it before its first document.  So the restricted
    model is kept unpacked in the user cache ($INTEGRAPH_CACHE or ~/.cache/integraph, ~45 MB),
    read back in a few hundredths of a second.  It is derived from the installed package only (its
    key changes when the package or its model file does, and the file is then rebuilt); a missing,
    unreadable or unwritable cache just means unpacking the model as before."""
    from py3langid.langid import LanguageIdentifier

    path = _cache_path()
    if path is not None and path.exists():
        try:
            return _from_arrays(LanguageIdentifier, path)
        except Exception:  # noqa: BLE001 - a truncated or foreign file: rebuild it below
            pass
    ident = _unpack_model(LanguageIdentifier)
    if path is not None:
        _write_cache(ident, path)
    return ident


def _unpack_model(cls: Any) -> Any:
    from py3langid.langid import MODEL_FILE

    ident = cls.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    return ident


def _model_files() -> list[Path]:
    import py3langid.langid as pl

    here = Path(pl.__file__).resolve().parent
    return [here / pl.MODEL_FILE, here / "langid.py", here / "modelio.py"]


def _cache_path() -> Path | None:
    """The cache file of the installed py3langid: its name hashes the package files' sizes and times."""
    try:
        stamp = [CACHE_FORMAT, LANGUAGES] + [(f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in _model_files()]
    except OSError:
        return None
    key = hashlib.sha256(repr(stamp).encode()).hexdigest()[:16]
    base = Path(os.environ.get("INTEGRAPH_CACHE") or Path.home() / ".cache" / "integraph")
    return base / f"langid-{key}.npz"


def _write_cache(ident: Any, path: Path) -> None:
    """Save the restricted model's arrays (uncompressed) atomically; drop caches of older installs."""
    import numpy as np

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".langid-", suffix=".npz")
    except OSError:  # a read-only home: run without the cache
        return
    try:
        with os.fdopen(fd, "wb") as f:
            # ptc keeps its memory layout (np.save records Fortran order): scores are then computed
            # exactly as on the model py3langid unpacks, to the last bit
            np.savez(f, ptc=ident.nb_ptc, pc=ident.nb_pc, classes=np.array(ident.nb_classes),
                     nextmove=np.frombuffer(ident.tk_nextmove, dtype=ident.tk_nextmove.typecode),
                     row=np.frombuffer(ident.tk_row, dtype=ident.tk_row.typecode),
                     output=np.asarray(ident.tk_output, dtype=np.int32))
        os.replace(tmp, path)  # readers see the whole file or none
    except OSError:  # a full disk: run without the cache
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return
    for old in path.parent.glob("langid-*.npz"):  # an earlier install's model
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()


def _from_arrays(cls: Any, path: Path) -> Any:
    import numpy as np

    with np.load(path, allow_pickle=False) as data:
        arrays = {name: data[name] for name in ("ptc", "pc", "classes", "nextmove", "row", "output")}
    # the automaton's tables as py3langid holds them: stdlib arrays, faster to index one by one
    nextmove, row = (_stdlib_array(arrays[name]) for name in ("nextmove", "row"))
    return cls(arrays["ptc"], arrays["pc"], arrays["classes"].tolist(), nextmove, arrays["output"].tolist(),
               norm_probs=True, tk_row=row)


def _stdlib_array(values: Any) -> array:
    out = array(values.dtype.char)
    out.frombytes(memoryview(values).cast("B"))
    return out


LETTER = re.compile(r"[^\W\d_]")
CYRILLIC_LETTER = re.compile("[\u0400-\u052f]")
GREEK_LETTER = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")


def scripts(text: str) -> tuple[int, int, int]:
    """Counts of (all letters, Cyrillic letters, Greek letters)."""
    return len(LETTER.findall(text)), len(CYRILLIC_LETTER.findall(text)), len(GREEK_LETTER.findall(text))


def detect_with_confidence(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence in [0, 1]); (None, 0.0) when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    letters, cyr, greek = scripts(sample)
    if letters < MIN_LETTERS:
        return None, 0.0
    if greek > 0.5 * letters:
        return "el", 1.0
    if cyr > 0.5 * letters:
        return _cyrillic(sample)
    lang, prob = identifier().classify(sample)
    return lang, float(prob)


def detect(text: str) -> str | None:
    """ISO 639-1 code of `text`, or None when it is too short to tell."""
    return detect_with_confidence(text)[0]


def _cyrillic(text: str) -> tuple[str, float]:
    uk = sum(c in UK_LETTERS for c in text)
    ru = sum(c in RU_LETTERS for c in text)
    bg = sum(c in BG_LETTERS for c in text)
    if uk > ru and uk >= 2:
        return "uk", 0.99
    if ru > uk and ru >= 2:
        return "ru", 0.99
    ranked = [(lang, p) for lang, p in identifier().rank(text) if lang in CYRILLIC_LANGUAGES]
    total = sum(p for _, p in ranked) or 1.0
    lang, p = ranked[0]
    if not uk and not ru and bg >= 2:
        return "bg", max(p / total, 0.9)  # no ru/uk letters at all but bg's ъ/щ: Bulgarian
    return lang, p / total


def detect_sections(doc: Document) -> list[str | None]:
    """Set (and return) each section's language, falling back to the document's language."""
    out = []
    for s in doc.sections:
        text = doc.text[s.start:min(s.end, s.start + SECTION_SAMPLE_CHARS)]
        lang, confidence = detect_with_confidence(text)
        letters = scripts(text)[0]
        if lang is None or (lang != doc.language and (letters < SECTION_MIN_LETTERS or confidence < SECTION_MIN_CONFIDENCE)):
            lang = doc.language
        s.language = lang
        out.append(lang)
    return out
