"""What a name is made of, for comparison: folded tokens, lemmas, core words, initials.

One `NameForm` per (name, language) is computed once and cached; every rule
reads it.  The *core* of a name is its lemmas without legal-form words at
either end and without function words, so "Фондация Арт Инициативи" and
"Арт Инициативи" share a core, and "Międzynarodową Organizację do spraw
Migracji" meets "Międzynarodowa Organizacja ds. Migracji" ("ds." is the
abbreviation of "do spraw", both function words).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from integraph.resolve.lexicon import FUNCTION_WORDS, LEGAL_FORM_MAX, LEGAL_FORMS
from integraph.resolve.translit import to_latin
from integraph.textutil import fold, lemma, normalise

_LETTERS = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True, slots=True)
class NameForm:
    raw: str
    lang: str | None
    tokens: tuple[str, ...]  # folded surface tokens
    lemmas: tuple[str, ...]  # folded lemma of each token
    core: tuple[str, ...]  # lemmas without legal forms at the ends and without function words
    latin: tuple[str, ...]  # core in Latin letters
    surface: tuple[str, ...]  # core words as written (folded, not lemmatised)
    spelled: tuple[str, ...]  # surface in Latin letters
    legal: tuple[str, ...]  # the legal-form words that were stripped
    script: str  # "latin", "cyrillic", "greek" or "other"
    acronym: str | None  # the name itself looks like an acronym: its folded letters

    @property
    def key(self) -> str:
        """Order-insensitive identity of the name in its own script."""
        return " ".join(sorted(self.core))

    @property
    def latin_key(self) -> str:
        return " ".join(sorted(self.latin))

    @property
    def spelled_key(self) -> str:
        return " ".join(sorted(self.spelled))

    @property
    def text(self) -> str:
        """Core words in written order, for fuzzy comparison."""
        return " ".join(self.core)


def script_of(text: str) -> str:
    counts = {"latin": 0, "cyrillic": 0, "greek": 0, "other": 0}
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        kind = "latin" if "LATIN" in name else "cyrillic" if "CYRILLIC" in name else "greek" if "GREEK" in name else "other"
        counts[kind] += 1
    return max(counts, key=lambda k: counts[k]) if any(counts.values()) else "other"


def acronym_of(text: str) -> str | None:
    """The folded letters of `text` if it is written as an acronym ("ЦИИ", "MV ČR", "E.I.F."), else None."""
    parts = text.replace(".", " ").split()
    if not parts or len(parts) > 3:
        return None
    letters = "".join(parts)
    if not 2 <= len(letters) <= 10 or not all(ch.isalpha() for ch in letters):
        return None
    upper = sum(ch.isupper() for ch in letters)
    if upper < 2 or upper < 0.6 * len(letters) or any(len(p) > 6 for p in parts):
        return None
    return fold(letters).replace(" ", "")


def strip_legal_forms(words: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words without legal-form words at the start or end, the stripped words). Never returns empty."""
    start, end = 0, len(words)
    changed = True
    while changed and end - start > 1:
        changed = False
        for n in range(min(LEGAL_FORM_MAX, end - start - 1), 0, -1):
            if tuple(words[start:start + n]) in LEGAL_FORMS:
                start += n
                changed = True
                break
            if tuple(words[end - n:end]) in LEGAL_FORMS:
                end -= n
                changed = True
                break
    stripped = tuple(words[:start]) + tuple(words[end:])
    return tuple(words[start:end]), stripped


@lru_cache(maxsize=400_000)
def analyse(raw: str, lang: str | None, legal_forms: bool = True) -> NameForm:
    """Take a name apart; `legal_forms=False` keeps legal-form words (programme and project names)."""
    surface = normalise(raw).split()
    tokens = tuple(fold(t) for t in surface)
    # Lemmatise before folding: the dictionaries are keyed on spelled words ("České" → "český").
    lemmas = tuple(fold(lemma(t, lang)) for t in surface)
    start, end, legal = 0, len(tokens), ()
    if legal_forms:
        # Legal forms are listed in the nominative: try surface forms, then lemmas.
        for words in (tokens, lemmas):
            kept, cut = strip_legal_forms(words[start:end])
            if cut:
                offset = _offset(words[start:end], kept)
                start, end, legal = start + offset, start + offset + len(kept), legal + cut
        start, end, legal = _gazetteer_legal_forms(surface, start, end, legal, lang)
    body = range(start, end)
    core = tuple(lemmas[i] for i in body if tokens[i] not in FUNCTION_WORDS and lemmas[i] not in FUNCTION_WORDS)
    core = core or lemmas[start:end]
    latin = tuple(to_latin(w, lang) for w in core)
    # A name written in Latin letters transliterates the inflected words, not their lemmas.
    written = tuple(tokens[i] for i in body
                    if tokens[i] not in FUNCTION_WORDS and lemmas[i] not in FUNCTION_WORDS) or tokens[start:end]
    spelled = tuple(to_latin(w, lang) for w in written)
    return NameForm(raw, lang, tokens, lemmas, core, latin, written, spelled, legal, script_of(raw),
                    acronym_of(raw))


# Kinds the gazetteer's legal_form() reports that are a legal form, not part of the identity
# ("Ministerstvo" says public, but "Ministerstvo vnitra" without it is no name).
STRIPPABLE_KINDS = {"foundation", "association", "company", "ngo"}


def _gazetteer_legal_forms(surface: list[str], start: int, end: int, legal: tuple[str, ...],
                           lang: str | None) -> tuple[int, int, tuple[str, ...]]:
    """Strip one more edge word when `integraph.gazetteer.orgs.legal_form` knows it as a legal form.

    Its lexicon covers more languages and inflected forms than ours ("Fundacji",
    "Фондацията"); the kind it names is kept so "Fundacja X" and "Foundation X"
    agree while "Fundacja X" and "Stowarzyszenie X" do not.
    """
    try:
        from integraph.gazetteer.orgs import legal_form
    except ImportError:  # the gazetteer is optional for the resolver
        return start, end, legal
    for edge in (start, end - 1):
        if end - start < 3:
            break
        kind = legal_form(surface[edge], lang)
        if kind in STRIPPABLE_KINDS:
            legal += ("kind:" + kind,)
            start, end = (start + 1, end) if edge == start else (start, end - 1)
    kinds = tuple("kind:" + k for k in {legal_form(w, lang) for w in legal if not w.startswith("kind:")}
                  if k in STRIPPABLE_KINDS)
    return start, end, tuple(dict.fromkeys(legal + kinds))


def _offset(whole: tuple[str, ...], part: tuple[str, ...]) -> int:
    for i in range(len(whole) - len(part) + 1):
        if whole[i:i + len(part)] == part:
            return i
    return 0


def initials(form: NameForm) -> dict[str, int]:
    """Acronyms this name could have → how plain a reading that is (1 most, 2 less).

    1: initials of the content words without legal form ("Център за Имиграция
    и Интеграция" → "ции"); 2: with the legal form ("Asociación Ciudades
    Interculturales" → "aci"), with function words, or one letter per part of
    hyphenated words.
    """
    out: dict[str, int] = {}
    words = form.tokens
    for level, ws in ((1, strip_legal_forms(words)[0]), (2, words)):
        content = [w for w in ws if w not in FUNCTION_WORDS]
        if len(content) < 2 and not any("-" in w for w in content):
            continue
        split = [p for w in content for p in w.split("-") if p]
        for acro, lvl in (("".join(w[0] for w in content), level), ("".join(p[0] for p in split), 2),
                          ("".join(w[0] for w in ws), 2)):
            if len(acro) >= 2 and out.get(acro, 3) > lvl:
                out[acro] = lvl
    return out
