"""Find known names in running text: a token trie matched by surface form, then by lemma.

Three tries are kept per index:
  * `exact`   raw tokens, case-sensitive: acronyms ("AMIF", "ОПДУ", "ESF+");
  * `surface` folded tokens (case, accents, quotes ignored): names in any language;
  * `lemma`   per language, built on first use for that language only, from the
              names written in it: each token lemmatised with simplemma, so that
              "z Funduszu Azylu, Migracji i Integracji" meets "Fundusz Azylu, …".

Lemmatising is what costs memory (simplemma's Polish dictionary is ~420 MB), so
a text token is lemmatised only when its folded prefix starts some indexed token
(and, if the index says so, only when it is capitalised). Matching is greedy,
left to right, longest first; between two tokens of a name only spaces and
punctuation may stand, never a paragraph break.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from typing import Any, Callable, Iterable, Sequence

from integraph.extract.recognise import Match
from integraph.gazetteer.folding import quick_fold
from integraph.gazetteer.starts import by_token as starts_by_token
from integraph.gazetteer.starts import by_word as starts_by_word
from integraph.gazetteer.starts import changed
from integraph.gazetteer.tokens import PREFIX, Tok, Tokens, _gap_ok, token_key, tokenise
from integraph.textutil import lemma

@dataclass(slots=True, frozen=True)
class Entry:
    """One indexed name: what it points to and how it was written."""

    key: Any
    name: str
    lang: str | None  # the language the name is written in
    scoped: bool = False  # True: only valid in texts of `lang` (e.g. Estonian "ERF" = ERDF)
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


_END = ""  # trie terminal marker: tokens are never empty


def _insert(trie: dict, toks: Iterable[str], entry: Entry) -> None:
    node = trie
    for t in toks:
        node = node.setdefault(t, {})
    bucket = node.setdefault(_END, [])
    if entry not in bucket:
        bucket.append(entry)


class PhraseIndex:
    """Names → keys, found in text by exact acronym, folded surface, or lemma."""

    def __init__(self, kind: str, capitalised_only: bool = False, use_lemma: bool = True) -> None:
        self.kind = kind
        self.use_lemma = use_lemma  # False: surface forms only (e.g. verb tenses that lemmas would merge)
        self.capitalised_only = capitalised_only  # lemmatise only tokens starting upper-case
        self.exact: dict = {}
        self.surface: dict = {}
        self._names: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}  # lang → names to lemmatise
        self._lemma: dict[str, dict] = {}
        self._prefixes: dict[str, set[str]] = {}
        self._scoped: dict[str, tuple[dict, dict]] = {}  # lang → (exact, surface) without other languages' names
        self._stem_memo: dict[tuple[int, tuple[str, ...]], tuple[dict, list[dict]]] = {}  # see _stem_children

    def add_name(self, name: str, entry: Entry) -> None:
        raw = tuple(t.raw for t in tokenise(name))
        if not raw:
            return
        _insert(self.surface, (token_key(t) for t in raw), entry)
        if entry.lang and self.use_lemma:
            self._names.setdefault(entry.lang, []).append((raw, entry))
            self._lemma.pop(entry.lang, None)
        self._scoped.clear()
        changed()  # the union of first words (starts.py) is made anew

    def add_acronym(self, acronym: str, entry: Entry) -> None:
        raw = [t.raw for t in tokenise(acronym)]
        if raw:
            _insert(self.exact, raw, entry)
            self._scoped.clear()
            changed()

    def warm(self, langs: Iterable[str]) -> None:
        """Build now what a text in each of `langs` would build on first use (lemma trie, prefixes,
        scoped tries): done once before saving the index or forking workers, not in each of them."""
        for lang in langs:
            if lang in self._names:
                self._lemma_trie(lang)
                self._candidate_prefixes(lang)
            self._tries_for(lang)

    def __getstate__(self) -> dict[str, Any]:
        # the stem memo is keyed by id(node): meaningless in another process, so not saved
        state = self.__dict__.copy()
        state["_stem_memo"] = {}
        return state

    # -- lemma side, built per language on first use ---------------------------------------
    def _lemma_trie(self, lang: str) -> dict:
        trie = self._lemma.get(lang)
        if trie is None:
            trie = {}
            for raw, entry in self._names.get(lang, []):
                for path in _lemma_paths(raw, lang):
                    _insert(trie, path, entry)
            self._lemma[lang] = trie
            changed()
        return trie

    def _candidate_prefixes(self, lang: str) -> set[str]:
        """First letters of the indexed words of `lang`'s names: a text word is lemmatised
        only when it starts like one of them. Taken from written forms, so that deciding
        costs no dictionary load (inflection rarely touches the first three letters)."""
        prefixes = self._prefixes.get(lang)
        if prefixes is None:
            prefixes = {token_key(t)[:PREFIX] for raw, _ in self._names.get(lang, []) for t in raw}
            self._prefixes[lang] = prefixes
        return prefixes

    def _tries_for(self, lang: str | None) -> tuple[dict, dict]:
        """The exact and surface tries as a text in `lang` sees them: names scoped to another
        language (a status cue, "ERF" in Estonian) pruned, so no walk is spent on them.  Matching
        in them finds what matching in the whole tries and then dropping those names finds."""
        if lang is None:
            return self.exact, self.surface
        tries = self._scoped.get(lang)
        if tries is None:
            tries = self._scoped[lang] = (_pruned(self.exact, lang), _pruned(self.surface, lang))
        return tries

    # -- matching ----------------------------------------------------------------------------
    def find(
        self,
        text: str,
        lang: str | None,
        accept: Callable[[str, Sequence[Tok], int, int, Entry], bool] | None = None,
        toks: Sequence[Tok] | None = None,
    ) -> list[Match]:
        """Non-overlapping matches, longest first. `accept(text, toks, i, j, entry)` may veto one."""
        toks = tokenise(text) if toks is None else toks
        prefixes = self._candidate_prefixes(lang) if lang and lang in self._names else set()
        cap_only = self.capitalised_only

        def wanted(t: Tok) -> bool:
            return t.folded[:PREFIX] in prefixes and (not cap_only or t.raw[0].isupper())

        if not isinstance(toks, Tokens):
            toks = Tokens(toks)
        exact, surface = self._tries_for(lang)
        # positions a name may start at: a token starts a name only if it is a first token of
        # a trie (a walk finds nothing otherwise), so all others are passed over without one.
        by = starts_by_word if toks.keyed else starts_by_token
        starts, lemma_trie, lemmas = by(self, toks, lang, exact, surface, prefixes, _lemma_key)

        def lemma_of(j: int) -> str | None:
            if j not in lemmas:
                lemmas[j] = _lemma_key(toks[j].raw, lang) if wanted(toks[j]) else None
            return lemmas[j]

        out: list[Match] = []
        i = 0
        for k in sorted(starts):
            if k < i:  # inside the name matched last
                continue
            i = k
            t = toks[i]
            tries = []
            if t.raw in exact:
                tries.append((0, exact, "acronym"))
            if t.folded in surface:
                tries.append((1, surface, "surface"))
            if lemma_trie is not None and (t.folded in lemma_trie or lemma_of(i) in lemma_trie):
                tries.append((2, lemma_trie, "lemma"))
            best: tuple[int, int, list[Entry], str] | None = None  # (j_end, rank, entries, via)
            for rank, trie, via in tries:
                for j_end, entries in self._walk(text, toks, i, trie, via, lemma_of):
                    if via == "lemma":  # _tries_for already pruned the other tries to what `lang` may see
                        entries = _in_scope(entries, lang)
                    if entries and (best is None or j_end > best[0]):
                        best = (j_end, rank, entries, via)
            if best is not None:
                j_end, _, entries, via = best
                entry = _prefer(entries, lang)
                if accept is None or accept(text, toks, i, j_end, entry):
                    start, end = t.start, _close_quote(text, t.start, toks[j_end - 1].end)
                    extra = {"name": entry.name, "via": via, "lang": entry.lang, **entry.data}
                    others = [e.key for e in entries if e.key != entry.key]
                    if others:
                        extra["also"] = others
                    out.append(Match(self.kind, start, end, entry.key, extra))
                    i = j_end
                    continue
            i += 1
        return out

    def _walk(self, text: str, toks: Sequence[Tok], i: int, trie: dict, via: str, lemma_of) -> list[tuple[int, list[Entry]]]:
        """Every (end token index, entries) reachable from token i in `trie`."""
        found: list[tuple[int, list[Entry]]] = []
        if via != "lemma":
            # one form per token, so one node at a time: the plain loop of a trie look-up
            node, j, n = trie, i, len(toks)
            raw = via == "acronym"
            while j < n:
                t = toks[j]
                if j > i and not _gap_ok(text, toks[j - 1].end, t.start):
                    break
                node = node.get(t.raw if raw else t.folded)
                if node is None:
                    break
                j += 1
                if _END in node:
                    found.append((j, node[_END]))
                    if len(node) == 1:  # the end of a name and nothing after it
                        break
            return found
        nodes = [trie]
        j = i
        while nodes and j < len(toks):
            if j > i and not _gap_ok(text, toks[j - 1].end, toks[j].start):
                break
            t = toks[j]
            if via == "acronym":
                forms = (t.raw,)
            elif via == "surface":
                forms = (t.folded,)
            else:
                lem = lemma_of(j)
                forms = (t.folded,) if lem is None or lem == t.folded else (t.folded, lem)
            nxt = [node[f] for node in nodes for f in forms if f in node]
            if not nxt and via == "lemma" and j > i:
                # simplemma misses some inflections ("migračního"); inside a name whose
                # first word already matched, a shared stem with a short ending is enough
                nxt = [c for node in nodes for c in self._stem_children(node, forms)]
            j += 1
            for node in nxt:
                if _END in node:
                    found.append((j, node[_END]))
            # a node holding only the end of a name leads nowhere: without it the walk stops sooner
            nodes = [node for node in nxt if len(node) > 1 or _END not in node]
        return found


    def _stem_children(self, node: dict, forms: tuple[str, ...]) -> list[dict]:
        """The children of a lemma-trie node whose word shares a stem with one of `forms`.  Every
        child is compared, so the answer is kept: the same name's words meet the same node again
        and again in a batch (the tries are never changed once built, only replaced)."""
        key = (id(node), forms)
        hit = self._stem_memo.get(key)
        if hit is None or hit[0] is not node:
            if len(self._stem_memo) >= STEM_MEMO:
                self._stem_memo.clear()
            found = [c for k, c in node.items() if k != _END and any(_same_stem(k, f) for f in forms)]
            hit = self._stem_memo[key] = (node, found)  # the node itself kept, so its id stays its own
        return hit[1]


STEM_MEMO = 50_000  # remembered (node, words) answers of _stem_children, per index


def _pruned(trie: dict, lang: str) -> dict:
    """`trie` keeping only what _in_scope keeps for `lang`, in the same order; a part with nothing
    to drop is shared, not copied (country names are never scoped: one trie serves every language)."""
    out: dict = {}
    same = True
    for k, child in trie.items():
        kept = _in_scope(child, lang) if k == _END else _pruned(child, lang)
        if kept:
            out[k] = kept
        same = same and len(kept) == len(child) and (k == _END or kept is child)
    return trie if same else out


@lru_cache(maxsize=100_000)
def _lemma_key(raw: str, lang: str | None) -> str:
    plus = raw.endswith("+")
    word = raw.rstrip("+")
    # hyphenated compounds ("Kluż-Napoka") are lemmatised part by part
    parts = [lemma(p, lang) for p in re.split(r"[-'’]", word) if p]
    return quick_fold("-".join(parts)) + ("+" if plus else "")


def _lemma_paths(raw: tuple[str, ...], lang: str) -> list[tuple[str, ...]]:
    """Keys under which a name goes into the lemma trie.

    A one-word name keeps only its written form: the text side is lemmatised, so
    "Polsce" → "polska" meets "Polska", while the name's own lemma would be a
    different word ("Polska" → adjective "polski", "Niemcy" → "Niemiec" a German).
    A longer name takes every mix of written and lemmatised words ("České
    republiky" → "český republika" meets "Česká republika"), capped for long names.
    """
    surface = tuple(token_key(t) for t in raw)
    if len(raw) == 1:
        return [surface]
    options = [sorted({s, _lemma_key(t, lang)}) for t, s in zip(raw, surface)]
    total = 1
    for o in options:
        total *= len(o)
    if total > 64:
        return [surface, tuple(_lemma_key(t, lang) for t in raw)]
    return list(product(*options))


def _same_stem(a: str, b: str) -> bool:
    """'migracniho' ~ 'migracni', 'trzecich' ~ 'trzecie': a long shared prefix, short endings."""
    if min(len(a), len(b)) < 4:
        return False
    p = 0
    for x, y in zip(a, b):
        if x != y:
            break
        p += 1
    return p >= 4 and p >= min(len(a), len(b)) - 2 and max(len(a), len(b)) - p <= 4


def _in_scope(entries: list[Entry], lang: str | None) -> list[Entry]:
    return [e for e in entries if not e.scoped or lang is None or e.lang == lang]


def _prefer(entries: list[Entry], lang: str | None) -> Entry:
    """The text's own language first, then language-neutral names, then the rest in index order."""
    for e in entries:
        if lang and e.lang == lang:
            return e
    for e in entries:
        if e.lang is None and not e.scoped:
            return e
    return entries[0]


_OPEN, _CLOSE = "„“«‚‘\"'", "“”»‘’\"'"


def _close_quote(text: str, start: int, end: int) -> int:
    """Extend a span by one closing quote when it holds an unbalanced opening one."""
    inner = text[start:end]
    if "„" not in inner and "«" not in inner and "‚" not in inner:  # most names: nothing opened
        return end
    opened = sum(inner.count(c) for c in "„«‚") - sum(inner.count(c) for c in "»")
    if opened > 0 and end < len(text) and text[end] in _CLOSE:
        return end + 1
    return end
