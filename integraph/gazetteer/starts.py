"""Where a name of a PhraseIndex may start in a text: the tokens that are some trie's first word.

Two ways, with the same answer (tests/gazetteer/test_speed_gazetteer.py compares them):
  * `by_token`: every token tested against each trie, in C (map, compress) — for hand-made
    token lists;
  * `by_word`: for tokenise()'s tokens.  The indexes that read one text (funds, countries,
    international bodies, status cues) would each test its few hundred distinct words against
    their tries; instead the words are tested once per text against the union of every
    index's first words (and first letters, for the lemma side), and each index then looks
    only at the dozen or so words that passed.  A word no index starts with is not looked at
    again, by any of them.

The union holds the indexes that have searched a text so far; adding a name, or building a
lemma trie, makes it anew (a `version` names each union; a text keeps one word list per version).
"""
from __future__ import annotations

from itertools import chain, compress, repeat
from typing import TYPE_CHECKING, Callable

from integraph.gazetteer.tokens import Tokens, token_key

if TYPE_CHECKING:
    from integraph.gazetteer.phrases import PhraseIndex

Starts = tuple[set[int], "dict | None", dict[int, "str | None"]]

_indexes: dict[int, PhraseIndex] = {}  # every index that has searched a text, by id
_version = [0]  # bumped whenever an index's first words may have changed
_unions: dict[str | None, tuple[int, frozenset[str], frozenset[str], frozenset[int]]] = {}
_by_key: dict[int, tuple[int, dict, dict[str, frozenset[str]]]] = {}  # id(exact trie) → its acronyms by key


def changed() -> None:
    """An index's tries changed (a name added, a lemma trie built): unions are made anew."""
    _version[0] += 1


def by_token(index: PhraseIndex, toks: Tokens, lang: str | None, exact: dict, surface: dict,
             prefixes: set[str], lemma_key: Callable[[str, str | None], str]) -> Starts:
    """Where a name may start, its lemma trie (None when no word may need it) and the lemmas found
    on the way, each test run over the text's token columns in C (map, compress)."""
    raws, keys, every = toks.raws(), toks.keys(), range(len(toks))
    starts: set[int] = set(compress(every, map(exact.__contains__, raws))) if exact else set()
    starts.update(compress(every, map(surface.__contains__, keys)))
    lemma_trie = None
    lemmas: dict[int, str | None] = {}
    if prefixes:
        # words that may be inflected forms of a name's first word: those PhraseIndex.find's wanted() accepts
        maybe = list(compress(every, map(prefixes.__contains__, toks.prefixes())))
        if index.capitalised_only:
            upper = toks.upper_first()
            maybe = [k for k in maybe if upper[k]]
        # the lemma trie (and with it simplemma's dictionary) only when some word may need it
        if maybe:
            lemma_trie = index._lemma_trie(lang)
            starts.update(compress(every, map(lemma_trie.__contains__, keys)))
            lems = list(map(lemma_key, map(raws.__getitem__, maybe), repeat(lang)))
            lemmas.update(zip(maybe, lems))
            starts.update(compress(maybe, map(lemma_trie.__contains__, lems)))
    return starts, lemma_trie, lemmas


def by_word(index: PhraseIndex, toks: Tokens, lang: str | None, exact: dict, surface: dict,
            prefixes: set[str], lemma_key: Callable[[str, str | None], str]) -> Starts:
    """What by_token finds, asked of the few words of the text that start some index's name.
    Needs keys that are token_key(raw) of their raws (true of tokenise's tokens)."""
    if id(index) not in _indexes:
        _indexes[id(index)] = index
        changed()
    version, _, _, lemma_in = _union(lang)
    firsts, maybe_words, heads, where = toks._memo(f"_firsts_{lang}_{version}", lambda: _text_words(toks, lang))
    at = where.__getitem__
    raws = toks.raws()
    starts: set[int] = set()
    if exact:
        acronyms = _acronyms_by_key(exact)
        for key in filter(acronyms.__contains__, firsts):  # few: a key whose tokens are not all the acronym
            written = acronyms[key]
            starts.update([k for k in where[key] if raws[k] in written])
    starts.update(chain.from_iterable(map(at, filter(surface.__contains__, firsts))))
    lemma_trie = None
    lemmas: dict[int, str | None] = {}
    if prefixes:
        maybe = list(chain.from_iterable(map(at, compress(maybe_words, map(prefixes.__contains__, heads)))))
        if index.capitalised_only:
            maybe = list(compress(maybe, map(toks.upper_first().__getitem__, maybe)))
        if maybe:
            lemma_trie = index._lemma_trie(lang)
            # the union holds this trie's first words once it was built before the union was made
            if id(index) in lemma_in:
                starts.update(chain.from_iterable(map(at, filter(lemma_trie.__contains__, firsts))))
            else:
                every = toks.key_positions()
                starts.update(chain.from_iterable(map(every.__getitem__, filter(lemma_trie.__contains__, every))))
            # raw → lemma key, kept on the text's tokens: the indexes lemmatise each word once
            known: dict[str, str] = toks._memo(f"_lemmas_{lang}", dict)
            written_forms = list(map(raws.__getitem__, maybe))
            new = set(written_forms).difference(known)
            if new:
                known.update(zip(new, map(lemma_key, new, repeat(lang))))
            lems = list(map(known.__getitem__, written_forms))
            lemmas.update(zip(maybe, lems))
            starts.update(compress(maybe, map(lemma_trie.__contains__, lems)))
    return starts, lemma_trie, lemmas


def _text_words(toks: Tokens, lang: str | None) -> tuple[list[str], list[str], list[str], dict[str, list[int]]]:
    """The text's distinct words that are some index's first word; those whose first letters start
    some index's word of `lang` (candidates for the lemma side) and their first letters; and where
    each of these words stands (token indexes, in order): one pass over the tokens, in C."""
    _, firsts, heads, _ = _union(lang)
    words, word_heads = toks.distinct_keys()
    passed = list(map(heads.__contains__, word_heads))
    starting = list(filter(firsts.__contains__, words))
    maybe = list(compress(words, passed))
    wanted = {*starting, *maybe}
    keys = toks.keys()
    where: dict[str, list[int]] = {key: [] for key in wanted}
    for k in compress(range(len(keys)), map(wanted.__contains__, keys)):
        where[keys[k]].append(k)
    return starting, maybe, list(compress(word_heads, passed)), where


def _union(lang: str | None) -> tuple[int, frozenset[str], frozenset[str], frozenset[int]]:
    """(version, every index's first words as keys, their first letters for `lang`, the ids of the
    indexes whose lemma trie of `lang` is among the first words)."""
    version = _version[0]
    union = _unions.get(lang)
    if union is None or union[0] != version:
        firsts: set[str] = set()
        heads: set[str] = set()
        lemma_in: set[int] = set()
        for index in list(_indexes.values()):  # a copy: another thread may register an index meanwhile
            firsts.update(_acronyms_by_key(index.exact))  # the full tries: what any language's pruned ones hold
            firsts.update(index.surface)
            if lang and lang in index._names:
                heads.update(index._candidate_prefixes(lang))
                if lang in index._lemma:  # built already: a trie is not built for the union's sake
                    firsts.update(index._lemma[lang])
                    lemma_in.add(id(index))
        union = _unions[lang] = (version, frozenset(firsts), frozenset(heads), frozenset(lemma_in))
    return union


def _acronyms_by_key(exact: dict) -> dict[str, frozenset[str]]:
    """The first words of the acronym trie `exact` grouped by their folded key."""
    hit = _by_key.get(id(exact))
    if hit is None or hit[0] != _version[0] or hit[1] is not exact:
        grouped: dict[str, set[str]] = {}
        for raw in exact:
            grouped.setdefault(token_key(raw), set()).add(raw)
        hit = _by_key[id(exact)] = (_version[0], exact, {k: frozenset(v) for k, v in grouped.items()})
    return hit[2]
