"""The shared matcher: offsets, folding, lemma fallback; property tests for the tokeniser."""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from integraph.gazetteer.folding import quick_fold
from integraph.gazetteer.phrases import Entry, PhraseIndex
from integraph.gazetteer.tokens import Tok, tokenise
from integraph.textutil import DASHES, QUOTES, fold

# Latin, Latin-1/Extended, Greek, Cyrillic letters plus the punctuation names carry
NAME_ALPHABET = st.characters(
    whitelist_categories=("Lu", "Ll", "Nd", "Zs"),
    whitelist_characters="-'’.,()/«»„“”",
    max_codepoint=0x052F,
)


def reference_fold(text: str) -> str:
    """The gold format's rule (FORMAT.md §1) spelt out a character at a time, plus accent
    stripping: the oracle quick_fold must agree with."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(QUOTES).translate(DASHES)
    out = []
    for i, ch in enumerate(text):
        if ch == "-" and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
            out.append(ch)
        elif unicodedata.category(ch)[0] in "PS":
            out.append(" ")
        else:
            out.append(ch)
    decomposed = unicodedata.normalize("NFD", " ".join("".join(out).split()))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@settings(max_examples=300, deadline=None)
@given(st.text(NAME_ALPHABET, max_size=40))
def test_quick_fold_follows_the_format_rule(name):
    assert quick_fold(name) == reference_fold(name)


def test_quick_fold_matches_textutil_on_names():
    for name in ("Kluż-Napoka", "Linköping", "Saint-Étienne", "L'Aquila", "Ρόδος", "„Добро управление“", "ESF+"):
        assert quick_fold(name) == fold(name)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_tokens_point_at_their_text(text):
    for t in tokenise(text):
        assert text[t.start:t.end] == t.raw
        assert t.raw


def _index() -> PhraseIndex:
    index = PhraseIndex("x")
    index.add_name("Fundusz Azylu, Migracji i Integracji", Entry("amif", "Fundusz Azylu, Migracji i Integracji", "pl"))
    index.add_name("Оперативна програма „Добро управление“", Entry("opgg", "…", "bg"))
    index.add_acronym("FAMI", Entry("amif", "FAMI", None))
    index.add_acronym("ESF+", Entry("esf-plus", "ESF+", None))
    index.add_acronym("ESF", Entry("esf", "ESF", None))
    return index


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(max_codepoint=0x052F), max_size=30), st.text(st.characters(max_codepoint=0x052F), max_size=30))
def test_matches_are_exact_and_disjoint(before, after):
    text = before + " z Funduszu Azylu, Migracji i Integracji (FAMI) " + after
    found = _index().find(text, "pl")
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
    assert any(m.value == "amif" and text[m.start:m.end] == "Funduszu Azylu, Migracji i Integracji" for m in found)


def test_acronyms_are_case_sensitive_whole_tokens_and_keep_plus():
    text = "ESF+ and ESF, not esf or ESFX or FAMILY."
    found = [(m.value, text[m.start:m.end]) for m in _index().find(text, "en")]
    assert found == [("esf-plus", "ESF+"), ("esf", "ESF")]


def test_span_takes_the_closing_quote_and_not_a_paragraph_break():
    text = "от Оперативна програма „Добро управление“ и още"
    (m,) = _index().find(text, "bg")
    assert text[m.start:m.end] == "Оперативна програма „Добро управление“"
    assert _index().find("Fundusz Azylu,\n\nMigracji i Integracji", "pl") == []


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(max_codepoint=0x052F), max_size=120), st.sampled_from([None, "en", "bg", "cs"]))
def test_every_finder_returns_exact_disjoint_spans(text, lang):
    from integraph.gazetteer import cities, countries, cues, funds, orgs

    for finder in (funds.find, countries.find, cities.find, orgs.find_international, cues.match_status):
        found = finder(text, lang)
        for a, b in zip(found, found[1:]):
            assert a.end <= b.start
        for m in found:
            assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end].strip()


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(max_codepoint=0x052F), max_size=400), st.sampled_from([None, "pl", "bg"]))
def test_shared_tokens_find_what_a_fresh_split_finds(noise, lang):
    """tokenise() hands every gazetteer the same cached tokens; a plain list of fresh tokens
    (no cache, no per-text indexes) must give the very same matches."""
    text = noise[:200] + " z Funduszu Azylu, Migracji i Integracji (FAMI) oraz ESF+ " + noise[200:]
    fresh = [Tok(*t) for t in tokenise(text)]
    assert _index().find(text, lang) == _index().find(text, lang, toks=fresh)
    assert tokenise(text) is tokenise(text)  # the same object: split once
    assert list(tokenise("".join(text))) == list(tokenise(text))


def test_the_one_character_gap_shortcut_agrees_with_the_gap_rule():
    from integraph.gazetteer.tokens import GAP, GAP_CHARS, _gap_ok

    for code in range(0x3000):
        c = chr(code)
        assert (c in GAP_CHARS) == (GAP.fullmatch(c) is not None), repr(c)
        text = "a" + c + "b"
        assert _gap_ok(text, 1, 2) == (GAP.fullmatch(c) is not None)
    assert _gap_ok("ab", 1, 1)
