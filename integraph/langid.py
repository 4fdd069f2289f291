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

import re
from functools import lru_cache
from typing import TYPE_CHECKING

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


@lru_cache(maxsize=1)
def identifier():
    """The py3langid model restricted to our languages (loaded on first use, ~0.5 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    return ident


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
