"""Organisation words and international bodies.

`legal_form(name, lang)` tells the kind of an organisation (foundation, association,
ngo, public, international, network, academic, company) from the words of its name,
using data/lexicon/org_words.json:
  1. a legal-form abbreviation that closes the name ("… z. s.", "… e.V.", "… gGmbH") or,
     in Estonian/Lithuanian style, opens it ("MTÜ …", "SA …", "VšĮ …");
  2. a multi-word phrase anywhere ("organizacja pozarządowa", "nestátní nezisková organizace");
  3. the first word of the name that is a known word, compared by folded surface form and by
     simplemma lemma, so inflected forms count ("Fundacji", "Stowarzyszenia", "Фондацията").
Words of the groups `centre` and `committee` name an institution without telling its kind;
they are skipped when a later word tells it. `institution_word` returns the group itself.

`find_international(text, lang)` finds well-known international bodies, EU institutions and
European networks (data/gazetteer/international.json); Match.value is the body's key.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from integraph.extract.recognise import Match
from integraph.gazetteer import LANGS, load_data
from integraph.gazetteer.phrases import Entry, PhraseIndex, _lemma_key
from integraph.gazetteer.tokens import token_key, tokenise

KINDS = ("foundation", "association", "ngo", "public", "international", "network", "academic", "company")


def _squash(s: str) -> str:
    return re.sub(r"[\s.]", "", s)


@lru_cache(maxsize=1)
def _suffixes() -> list[tuple[str, str, bool]]:
    """(squashed suffix, kind, dots required), longest first so that 'spol. s r.o.' wins over 's.r.o.'.

    A short abbreviation written with dots ('a.s.', 'n.o.') is a legal form only with its dots:
    without them it is a word of some language (Portuguese 'as', English 'no')."""
    data = load_data("lexicon/org_words.json")["suffixes"]
    triples = {(_squash(s), kind, "." in s and len(_squash(s)) <= 3) for kind, items in data.items() for s in items}
    return sorted(triples, key=lambda p: -len(p[0]))


@lru_cache(maxsize=None)
def _words(lang: str | None) -> tuple[dict[str, str], list[tuple[tuple[str, ...], str]]]:
    """Single words (folded surface and lemma → group) and phrases (token keys → group) for `lang`.

    Without a language every language's words are used, by surface form only."""
    data = load_data("lexicon/org_words.json")["words"]
    words: dict[str, str] = {}
    phrases: list[tuple[tuple[str, ...], str]] = []
    for group, by_lang in data.items():
        for lng, items in by_lang.items():
            if lang and lng != lang:
                continue
            for item in items:
                toks = [t.raw for t in tokenise(item)]
                if len(toks) > 1:
                    phrases.append((tuple(token_key(t) for t in toks), group))
                    if lang:
                        phrases.append((tuple(_lemma_key(t, lang) for t in toks), group))
                elif toks:
                    words.setdefault(token_key(toks[0]), group)
                    if lang:
                        words.setdefault(_lemma_key(toks[0], lang), group)
    phrases.sort(key=lambda p: -len(p[0]))
    return words, phrases


def _suffix_kind(name: str) -> str | None:
    squashed = _squash(name)
    for suffix, kind, dotted in _suffixes():
        n = len(suffix)
        if not (squashed.endswith(suffix) or (n >= 4 and squashed.lower().endswith(suffix.lower()))):
            continue
        # find where the suffix begins in the original and require a word break before it,
        # so that "Verein e.V." counts and "Dove" does not end in "e.V."
        count, pos = 0, len(name)
        while pos > 0 and count < n:
            pos -= 1
            if not name[pos].isspace() and name[pos] != ".":
                count += 1
        if dotted and "." not in name[pos:]:
            continue
        if pos == 0 or name[pos - 1] in " \t,(\u00a0":
            return kind
    return None


@lru_cache(maxsize=1)
def _prefixes() -> list[tuple[str, str]]:
    data = load_data("lexicon/org_words.json").get("prefixes", {})
    return sorted(((_squash(p), kind) for kind, items in data.items() for p in items), key=lambda p: -len(p[0]))


def _prefix_kind(name: str) -> str | None:
    words = name.split()
    if len(words) < 2:
        return None
    for prefix, kind in _prefixes():
        head = ""
        for w in words[:-1]:  # the prefix may be spelt with spaces ("o. z.") but never is the whole name
            head += w.replace(".", "")
            if head == prefix:
                return kind
            if len(head) >= len(prefix):
                break
    return None


def institution_word(name: str, lang: str | None) -> str | None:
    """The group of the first organisation word in `name`: a kind, or 'centre' / 'committee'."""
    found = _scan(name, lang)
    return found[0] if found else None


@lru_cache(maxsize=50_000)  # extraction asks about the same words and names again and again
def _scan(name: str, lang: str | None) -> tuple[str, ...]:
    words, phrases = _words(lang if lang in LANGS else None)
    toks = [t.raw for t in tokenise(name)]
    surface = [token_key(t) for t in toks]
    lemmas = [_lemma_key(t, lang) for t in toks] if lang else surface
    hits: list[tuple[int, str]] = []
    for keys, group in phrases:
        n = len(keys)
        for i in range(len(toks) - n + 1):
            if tuple(surface[i:i + n]) == keys or tuple(lemmas[i:i + n]) == keys:
                hits.append((i, group))
                break
    for i, (s, lem) in enumerate(zip(surface, lemmas)):
        group = words.get(s) or words.get(lem)
        if group:
            hits.append((i, group))
    hits.sort(key=lambda h: h[0])
    return tuple(g for _, g in hits)


@lru_cache(maxsize=50_000)
def legal_form(word_or_name: str, lang: str | None) -> str | None:
    """The organisation kind a word or a whole name implies, or None.

    "Fundacji" (pl) → foundation; "Stowarzyszenie Interwencji Prawnej" → association;
    "Ministerstvo vnitra" → public; "Flüchtlingsrat e.V." → association."""
    kind = _suffix_kind(word_or_name) or _prefix_kind(word_or_name)
    if kind:
        return kind
    group_kinds = load_data("lexicon/org_words.json").get("kind_of_group", {})
    for group in _scan(word_or_name, lang):
        kind = group_kinds.get(group, group) if group in group_kinds else group
        if kind in KINDS:
            return kind
    return None


@lru_cache(maxsize=20_000)  # organisation finding asks about the same candidate names again and again
def closing_form_kind(name: str) -> str | None:
    """The kind of the legal-form abbreviation that closes `name` ('… e. V.', ', z. s.'), else None."""
    return _suffix_kind(name)


@lru_cache(maxsize=64)
def form_phrase_firsts(lang: str | None) -> frozenset[str]:
    """The folded first words of the two-word institution phrases of `lang` ('câmara' of 'câmara
    municipal'): the words that may open a name though alone they name nothing."""
    return frozenset(p[0] for p in _two_word_phrases(lang))


@lru_cache(maxsize=64)
def _two_word_phrases(lang: str | None) -> dict[tuple[str, str], str]:
    """(first, second) token keys → word group, for the two-word phrases of `lang`."""
    out: dict[tuple[str, str], str] = {}
    for p, group in _words(lang)[1]:
        if len(p) == 2:
            out.setdefault((p[0], p[1]), group)
    return out


def form_phrase_kind(first: str, second: str, lang: str | None) -> str | None:
    """The kind of the two-word phrase 'first second' of `lang` ('Câmara Municipal' → public), else None."""
    group = _two_word_phrases(lang).get((token_key(first), token_key(second)))
    if group is None:
        return None
    kinds = load_data("lexicon/org_words.json").get("kind_of_group", {})
    kind = kinds.get(group, group) if group in kinds else group
    return kind if kind in KINDS else None


def is_form_phrase(first: str, second: str, lang: str | None) -> bool:
    """Is 'first second' a two-word legal form or institution phrase of `lang` ('cooperativa sociale')?"""
    return (token_key(first), token_key(second)) in _two_word_phrases(lang)


@lru_cache(maxsize=1)
def _form_table() -> dict[str, tuple[str, ...]]:
    table = load_data("lexicon/org_words.json").get("form_countries", {})
    return {_squash(k): tuple(v) for k, v in table.items() if not k.startswith("_")}


@lru_cache(maxsize=20_000)
def legal_form_countries(name: str) -> tuple[str, ...]:
    """The countries of the legal-form abbreviation that closes or opens `name`
    ('Centrum Spolu, o. z.' → SK; 'MTÜ Piirideta Kogukond' → EE); () when it has none."""
    words = name.replace(",", " ").split()
    if len(words) < 2:
        return ()
    table = _form_table()
    for n in (3, 2, 1):  # longest first: "spol. s r.o." before "r.o."
        for part in (words[-n:], words[:n]):
            if len(part) < len(words):
                hit = table.get(_squash("".join(part)))
                if hit:
                    return hit
    return ()


# -- international bodies ---------------------------------------------------------------------

@lru_cache(maxsize=1)
def bodies() -> dict[str, dict[str, Any]]:
    """Every international body by key: kind, names {lang: [...]}, acronyms."""
    return {b["key"]: b for b in load_data("gazetteer/international.json")["bodies"]}


@lru_cache(maxsize=1)
def _international_index() -> PhraseIndex:
    """The index as phrasecache keeps it (built once per machine, every language's tries ready)."""
    from integraph.gazetteer import phrasecache

    return phrasecache.indexes()["international"]


def build_international_index() -> PhraseIndex:
    index = PhraseIndex("organisation")
    for key, b in bodies().items():
        data = {"kind": b["kind"]}
        for lang, names in b.get("names", {}).items():
            for name in names:
                index.add_name(name, Entry(key, name, lang, data=data))
        for acronym in b.get("acronyms", []):
            index.add_acronym(acronym, Entry(key, acronym, None, data=data))
        for lang, acronyms in b.get("acronyms_by_lang", {}).items():
            for acronym in acronyms:
                index.add_acronym(acronym, Entry(key, acronym, lang, scoped=True, data=data))
    return index


def find_international(text: str, lang: str | None) -> list[Match]:
    """Mentions of international bodies; Match.value is the key, extra['kind'] its kind."""
    return _international_index().find(text, lang)


def international(key: str) -> dict[str, Any] | None:
    """The record of an international body, or None."""
    return bodies().get(key)
