"""The multilingual thesaurus of integration concepts (`integraph/data/thesaurus.json`).

Each concept lists its terms per language in dictionary form.  Terms are
lemmatised here with the same function that fills the index's lemma column
(`textutil.lemmatise`), so a term matches whatever simplemma makes of the
text, even where simplemma's lemma differs from the dictionary's.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from integraph.textutil import fold, lemmatise, tokens

Key = tuple[str, ...]
THESAURUS = Path(__file__).resolve().parent.parent / "data" / "thesaurus.json"


@dataclass(frozen=True)
class Concept:
    id: str
    group: str  # theme | target-group | activity
    terms: dict[str, tuple[str, ...]]  # language -> terms as written in the file

    def label(self, language: str) -> str:
        for lang in (language, "en"):
            if self.terms.get(lang):
                return self.terms[lang][0]
        return self.id


def key_of(text: str, language: str | None) -> Key:
    """The lemma words of `text`, lower-cased: what the index's lemma column holds."""
    return tuple(w for w in lemmatise(text, language).split() if w)


def concept_token(concept_id: str) -> str:
    """The one word standing for a concept in the index's `concepts` column.

    Lower-case ASCII letters and digits, so every full-text tokenizer keeps it whole; a hash of
    the id, so it never collides with a real word and stays stable when concepts are added.
    """
    return "zc" + hashlib.blake2s(concept_id.encode("utf-8"), digest_size=8).hexdigest()


def folded(key: Key) -> Key:
    return tuple(fold(w) for w in key)


class Thesaurus:
    """Concept lookup.  Lemmatised keys are computed per language on first use:
    loading simplemma's dictionaries for all 24 languages would take minutes
    and gigabytes, and only the languages of the index and the query matter."""

    def __init__(self, concepts: Sequence[Concept]) -> None:
        self.concepts = {c.id: c for c in concepts}
        self._keys: dict[str, dict[str, set[Key]]] = {}  # language -> concept -> lemma keys
        self._tables: dict[frozenset[str], dict[str, list[tuple[Key, str]]]] = {}

    def keys(self, language: str) -> dict[str, set[Key]]:
        """concept id -> lemma keys of its terms in `language` (plus the words as written)."""
        if language not in self._keys:
            out: dict[str, set[Key]] = {}
            for c in self.concepts.values():
                for term in c.terms.get(language, ()):
                    for key in (key_of(term, language), tuple(w.lower() for _, _, w in tokens(term))):
                        if key:
                            out.setdefault(c.id, set()).add(key)
            self._keys[language] = out
        return self._keys[language]

    def _table(self, languages: Iterable[str]) -> dict[str, list[tuple[Key, str]]]:
        # Matching compares folded words (case and diacritics aside); the FTS
        # engine gets the unfolded lemmas, since its diacritic removal covers
        # Latin letters only (folding would turn Cyrillic й into и).
        langs = frozenset(languages)
        if langs not in self._tables:
            table: dict[str, list[tuple[Key, str]]] = {}
            for lang in sorted(langs):
                for cid, keys in self.keys(lang).items():
                    for key in keys:
                        table.setdefault(fold(key[0]), []).append((folded(key), cid))
            for entries in table.values():
                entries.sort(key=lambda e: -len(e[0]))  # longest phrase first
            self._tables[langs] = table
        return self._tables[langs]

    def find(self, candidates: Sequence[set[str]], languages: Iterable[str]) -> list[tuple[int, int, str]]:
        """Concepts in a word sequence where each position may be any of several folded forms.

        Returns (start, end, concept id) over word positions, longest match first, not overlapping.
        """
        table = self._table(languages)
        out: list[tuple[int, int, str]] = []
        i = 0
        while i < len(candidates):
            found = None
            for first in candidates[i]:
                for key, cid in table.get(first, ()):
                    n = len(key)
                    if i + n <= len(candidates) and all(key[j] in candidates[i + j] for j in range(n)):
                        if found is None or n > found[1] - found[0]:
                            found = (i, i + n, cid)
                        break
            if found:
                out.append(found)
                i = found[1]
            else:
                i += 1
        return out

    def concepts_in(self, lemma_words: Sequence[str], language: str | None) -> set[str]:
        """Concept ids whose terms occur in a lemmatised text (already split into words)."""
        if not language:
            return set()
        return {cid for _, _, cid in self.find([{fold(w)} for w in lemma_words], [language])}

    def phrases(self, concept_id: str, languages: Iterable[str]) -> set[Key]:
        """The concept's lemma keys in `languages`, as the lemma column holds them."""
        return {key for lang in languages for key in self.keys(lang).get(concept_id, ())}


@lru_cache(maxsize=1)
def load() -> Thesaurus:
    """The packaged thesaurus, parsed once per process."""
    raw = json.loads(THESAURUS.read_text(encoding="utf-8"))
    concepts = [
        Concept(c["id"], c["group"], {lang: tuple(terms) for lang, terms in c["terms"].items()})
        for c in raw["concepts"]
    ]
    return Thesaurus(concepts)
