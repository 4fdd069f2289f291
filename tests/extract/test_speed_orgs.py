"""The cheaper scans of the organisation finder and the programme finder against the simple
versions they replace (property tests: the same answers on generated texts)."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from integraph.extract import programmes
from integraph.extract.entities import _extend_to_stated_name, _fuller_forms
from integraph.extract.org_name_words import compound_kind, word_columns
from integraph.extract.orgs import OrgFinder, OrgMention
from integraph.gazetteer import orgs

# pieces of text: programme words in several cases and languages, letters that fold oddly under
# re.IGNORECASE (long s, Kelvin sign, dotted and dotless i), combining marks, digits, joiners
PROGRAMME_PIECES = ["programm", "Programme", "PROGRAM", "Landesprogramm", "programa", "програма", "Програмата",
                    "πρόγραμμα", "ohjelma", "clár", "ſ", "K", "İ", "ı", "\u0301", "x", "É", "ж", "1", "_", " ", "-",
                    "'", "\n", "„", "KOMM-AN", "NRW", "es", "s"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PROGRAMME_PIECES), max_size=40),
       st.sampled_from(["de", "en", "bg", "el", "fi", "ga", "pt", "fr", None]))
def test_programme_words_are_what_the_pattern_finds_at_every_position(pieces: list[str], lang: str | None) -> None:
    text = "".join(pieces)
    word = programmes._word_re(lang)
    if word is None:
        return
    fast = [m.span() for m in programmes._programme_word_matches(text, lang, word)]
    assert fast == [m.span() for m in word.finditer(text)]


HEAD_PIECES = ["Stowarzyszenie", "Fundacja", "Verein", "Migrationsverket", "Câmara", "Municipal", "câmara", "Porto",
               "Ministerstvo", "vnitra", "Gmina", "Kraków", "Erhvervsstyrelsen", "Asociación", "Nowa", "and", "i",
               "projekt", "Kommune", "e.V.", "Centrum"]


def _head_indices_simply(finder: OrgFinder, strings: list[str], compound_lang: bool) -> list[int]:
    """Every word asked afresh, in a plain loop (what the cached, C-level version must answer)."""
    from integraph.gazetteer.orgs import form_phrase_firsts, form_phrase_kind
    from integraph.gazetteer.tokens import token_key

    lang = finder.lang
    head = [finder.legal_form(w, lang) is not None or (compound_lang and w[:1].isupper() and bool(compound_kind(w, lang)))
            for w in strings]
    found = [i for i, h in enumerate(head) if h]
    firsts = form_phrase_firsts(lang)
    if firsts:
        found += [i for i in range(len(strings) - 1) if strings[i][:1].isupper() and not head[i]
                  and token_key(strings[i]) in firsts and form_phrase_kind(strings[i], strings[i + 1], lang)]
    return sorted(found)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(HEAD_PIECES), max_size=30), st.sampled_from(["pl", "pt", "sv", "da", "de", "cs", "en"]))
def test_head_words_are_the_words_a_plain_loop_picks(pieces: list[str], lang: str) -> None:
    text = " ".join(pieces)
    finder = OrgFinder(text, lang, orgs.legal_form, [])
    _, strings = word_columns(text, 0, len(text))
    compound_lang = lang in {"da", "sv", "fi", "et", "de", "nl"}
    assert finder._head_indices(strings, compound_lang) == _head_indices_simply(finder, strings, compound_lang)


def _fuller_forms_simply(names: list[str]) -> dict[str, str]:
    from integraph.gazetteer.orgs import closing_form_kind

    out: dict[str, str] = {}
    distinct = sorted(set(names), key=len)
    for short in distinct:
        longer = [n for n in distinct if len(n) > len(short) and n.startswith(short + " ")]
        fits = [n for n in longer if all(t.isupper() or closing_form_kind(t) for t in n[len(short) + 1:].split())
                or closing_form_kind(n[len(short) + 1:])]
        if len(fits) == 1:
            out[short] = fits[0]
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["Netzwerk", "Most", "NRW", "e.", "V.", "e.V.", "Most!", "z.", "s.", "ABC", "a"]),
                         min_size=1, max_size=5).map(" ".join), max_size=12))
def test_fuller_forms_are_those_a_scan_of_every_pair_finds(names: list[str]) -> None:
    assert _fuller_forms(names) == _fuller_forms_simply(names)


LOWER_WORDS = re.compile(r"(?:[ \t]+[^\W\d_]{2,})")


def _tail_words_simply(text: str, end: int, roles: frozenset[str]) -> list[tuple[int, int]]:
    """The words a name's tail may take, by searching on from its end (the version replaced)."""
    words: list[re.Match[str]] = []
    for m in LOWER_WORDS.finditer(text, end):
        if m.start() != (words[-1].end() if words else end) or len(words) == 2 or not m.group().strip().islower() \
                or m.group().strip() in roles:
            break
        words.append(m)
    return [m.span() for m in words]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Spolek", " ", "  ", "\t", "\n", ",", "prostor", "svet", "Most", "juhataja", "1",
                                 "ab", "x"]), max_size=14))
def test_a_names_lower_case_tail_is_what_the_search_found(pieces: list[str]) -> None:
    from integraph.extract.entities import STANDS_ALONE
    from integraph.extract.literals import occurrences

    text = "Spolek Most" + "".join(pieces)
    roles = frozenset({"juhataja"})
    end = 11
    for _, b in reversed(_tail_words_simply(text, 11, roles)):  # the longest form that stands alone somewhere
        if any(STANDS_ALONE.match(text, y) for _, y in occurrences(text, text[:b])):
            end = b
            break
    o = _extend_to_stated_name(text, OrgMention(0, 11, "Spolek Most", rule="headed"), {}, roles)
    assert (o.end, o.name) == (end, text[:end])
