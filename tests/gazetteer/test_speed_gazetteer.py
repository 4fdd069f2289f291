"""The shortcuts that spare the gazetteers work per token find what the plain per-token code finds.

* starts.by_word (a text's words that start some index's name, found once per text) against
  starts.by_token (every token tested), for the four indexes analyse() reads;
* tokens._keys_of (a dict read in C) against token_key of each token.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from integraph.gazetteer import countries, cues, funds, orgs, starts
from integraph.gazetteer.phrases import _lemma_key
from integraph.gazetteer.tokens import Tok, Tokens, _keys_of, _split, token_key

# words that start or end names of the indexes (so that walks happen), and noise around them
WORDS = ["Funduszu", "Azylu", "Migracji", "i", "Integracji", "FAMI", "ESF+", "AMIF", "EU", "OECD",
         "Polsce", "Polski", "Rumunii", "Česká", "republiky", "w", "z", "de", "la", "Nederland",
         "European", "Social", "Fund", "UNHCR", "Komisja", "Europejska", "zakończył", "się",
         "trwa", "Deutschland", "Europäischer", "Sozialfonds", "l'OCDE", "dell'Unione", "Europea",
         "Bruxelles", "Ministerstwo", "Spraw", "Wewnętrznych", "Фонд", "България", "ОПДУ"]
SEPARATORS = [" ", ", ", " (", ") ", "\n\n", " – ", ". ", "„", "“ "]
INDEXES = [funds._index, countries._index, orgs._international_index, cues._status_index]


def _texts():
    words = st.one_of(st.sampled_from(WORDS), st.text(st.characters(max_codepoint=0x052F), max_size=8))
    return st.lists(st.tuples(words, st.sampled_from(SEPARATORS)), max_size=60).map(
        lambda parts: "".join(w + s for w, s in parts))


@settings(max_examples=120, deadline=None)
@given(_texts(), st.sampled_from([None, "pl", "cs", "de", "en", "it", "bg"]))
def test_starts_by_word_are_the_starts_by_token(text, lang):
    toks = _split(text)  # a fresh Tokens: nothing memoised from another test
    plain = Tokens(list(toks))  # the same tokens without the shortcut's tables
    assert not plain.keyed and toks.keyed
    for get in reversed(INDEXES):  # an index new to the union of first words, then known ones
        index = get()
        prefixes = index._candidate_prefixes(lang) if lang and lang in index._names else set()
        exact, surface = index._tries_for(lang)
        by_word = starts.by_word(index, toks, lang, exact, surface, prefixes, _lemma_key)
        by_token = starts.by_token(index, plain, lang, exact, surface, prefixes, _lemma_key)
        assert by_word[0] == by_token[0]
        assert by_word[1] is by_token[1]
        assert by_word[2] == by_token[2]


@settings(max_examples=80, deadline=None)
@given(_texts(), st.sampled_from([None, "pl", "fr", "bg"]))
def test_every_index_finds_the_same_with_and_without_the_shortcut(text, lang):
    toks = _split(text)
    fresh = [Tok(*t) for t in toks]
    for get in INDEXES:
        assert get().find(text, lang, toks=toks) == get().find(text, lang, toks=fresh)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(st.characters(max_codepoint=0x052F), min_size=1, max_size=10), max_size=40))
def test_keys_of_is_token_key_of_each(raws):
    assert _keys_of(list(raws)) == [token_key(r) for r in raws]
    assert _keys_of(list(raws)) == [token_key(r) for r in raws]  # the second time from the table
