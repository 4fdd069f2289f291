"""Countries: pycountry names translated by its own gettext catalogues, plus data/gazetteer/country_forms.json.

The index holds every country's `name`, `official_name` and `common_name` in the
24 EU languages plus uk and ru (English from pycountry itself). Matching is the
shared PhraseIndex: folded surface form, then the text word's simplemma lemma
("Polsce" → "polska", "Rumunii" → "rumunia"; multi-word "České republiky" →
"český republika"). Guards against false countries:
  * a country name in the text must start with a capital letter;
  * a few forms that are also ordinary words ("Polski", "Włoch", "Chad") need
    context: a list of countries or a preposition right before (see the data file);
  * abbreviations are a tiny per-language whitelist (ČR, SRN, USA…); no other
    2-letter token is ever a country; "Europa" and "EU" are not countries.
Match.value is the ISO 3166-1 alpha-2 code.
"""
from __future__ import annotations

import gettext
from bisect import bisect_left
from functools import lru_cache
from typing import Sequence

import pycountry

from integraph.extract.recognise import Match
from integraph.gazetteer import LANGS, load_data
from integraph.gazetteer.phrases import Entry, PhraseIndex
from integraph.gazetteer.tokens import Tok, _gap_ok, token_key, tokenise

KIND = "country"
FIELDS = ("name", "official_name", "common_name")
LIST_WORDS = {  # conjunctions that may join two countries of a list, any language
    "i", "a", "oraz", "lub", "albo", "и", "или", "and", "or", "und", "oder", "et", "ou", "y", "e", "o",
    "en", "of", "och", "eller", "og", "ja", "tai", "ir", "arba", "un", "vai", "és", "vagy", "și", "sau",
    "in", "ali", "ili", "kaj", "alebo", "nebo", "či", "και", "ή", "та", "і", "й", "або",
}


def _translator(lang: str):
    if lang == "en":
        return None
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:  # pycountry ships no catalogue for this language
        return None


@lru_cache(maxsize=1)
def _names() -> dict[str, dict[str, list[str]]]:
    """code → lang → names (first = the usual short name); kept in phrasecache's file beside the
    index, as reading pycountry's catalogues costs every process ~0.06 s."""
    from integraph.gazetteer import phrasecache

    return phrasecache.indexes()["country_names"]


def build_names() -> dict[str, dict[str, list[str]]]:
    """The table _names() returns, read from pycountry's gettext catalogues and our data file."""
    forms = load_data("gazetteer/country_forms.json")
    wrong = forms.get("wrong_translations", {})
    out: dict[str, dict[str, list[str]]] = {}
    for lang in LANGS:
        tr = _translator(lang)
        for c in pycountry.countries:
            for field in FIELDS:
                english = getattr(c, field, None)
                if not english:
                    continue
                name = tr.gettext(english) if tr else english
                if name in wrong.get(lang, {}).get(c.alpha_2, ()):
                    continue  # a catalogue's slip ("Slovenská republika" for the Gambia)
                bucket = out.setdefault(c.alpha_2, {}).setdefault(lang, [])
                if name not in bucket:
                    bucket.append(name)
    for code, by_lang in forms["extra_names"].items():
        for lang, names in by_lang.items():
            bucket = out.setdefault(code, {}).setdefault(lang, [])
            bucket.extend(n for n in names if n not in bucket)
    return out


@lru_cache(maxsize=1)
def _index() -> PhraseIndex:
    """The index as phrasecache keeps it (built once per machine, every language's tries ready)."""
    from integraph.gazetteer import phrasecache

    return phrasecache.indexes()["countries"]


def build_index(names: dict[str, dict[str, list[str]]] | None = None) -> PhraseIndex:
    """The country index over `names` (build_names() when not given)."""
    forms = load_data("gazetteer/country_forms.json")
    blocked = {token_key(n) for n in forms["not_countries"]}
    index = PhraseIndex(KIND, capitalised_only=True)
    for code, by_lang in (build_names() if names is None else names).items():
        for lang, written in by_lang.items():
            for name in written:
                if token_key(name) not in blocked:
                    index.add_name(name, Entry(code, name, lang))
    for lang, table in forms["forms"].items():
        for form, code in table.items():
            index.add_name(form, Entry(code, form, lang))
    for code, by_lang in forms["abbreviations"].items():
        for lang, abbrs in by_lang.items():
            for abbr in abbrs:
                index.add_acronym(abbr, Entry(code, abbr, None if lang == "*" else lang, scoped=lang != "*"))
    for lang, table in forms["needs_context"].items():
        for form, code in table.items():
            index.add_acronym(form, Entry(code, form, None if lang == "*" else lang, scoped=lang != "*", data={"needs_context": True}))
    return index


def _accept(text: str, toks: Sequence[Tok], i: int, j: int, entry: Entry) -> bool:
    # country names are capitalised in every language we read; pycountry has no name of
    # fewer than 4 letters, so a 2-letter token can only come from the abbreviation whitelist
    return toks[i].raw[0].isupper()


_last: tuple[str, str | None, list[Match]] | None = None  # cities.find asks again for the text just read


def find(text: str, lang: str | None) -> list[Match]:
    """Country mentions; Match.value is the ISO alpha-2 code."""
    global _last
    last = _last
    if last is not None and last[0] is text and last[1] == lang:
        return list(last[2])
    found = _find(text, lang)
    _last = (text, lang, found)
    return list(found)


def _find(text: str, lang: str | None) -> list[Match]:
    toks = tokenise(text)
    found = _index().find(text, lang, accept=_accept, toks=toks)
    if not any(m.extra.get("needs_context") for m in found):
        return found
    return _context_filter(text, toks, found, lang)


def _context_filter(text: str, toks: Sequence[Tok], found: list[Match], lang: str | None) -> list[Match]:
    """Keep an ambiguous form only inside a list of countries or right after a preposition."""
    preps = load_data("gazetteer/country_forms.json")["prepositions"]
    wanted = {p.lower() for p in preps.get(lang or "", []) + preps["*"]}
    starts = {t.start: n for n, t in enumerate(toks)}
    keep: list[Match] = []
    for k, m in enumerate(found):
        if not m.extra.get("needs_context"):
            keep.append(m)
            continue
        n = starts[m.start]
        after_prep = n > 0 and toks[n - 1].raw.lower() in wanted and _gap_ok(text, toks[n - 1].end, m.start)
        in_list = (k > 0 and _listed(text, found[k - 1], m)) or (k + 1 < len(found) and _listed(text, m, found[k + 1]))
        if in_list or (after_prep and not _next_capitalised(toks, text, m.end)):
            keep.append(m)
    return keep


def _listed(text: str, a: Match, b: Match) -> bool:
    """True when only a comma, a conjunction or both separate two matches."""
    between = text[a.end:b.start]
    words = [token_key(t.raw) for t in tokenise(between)]
    rest = between
    for t in tokenise(between):
        rest = rest.replace(t.raw, "", 1)
    return len(words) <= 1 and all(w in LIST_WORDS for w in words) and set(rest) <= set(" ,;\u00a0\n") and len(between) <= 8


def _next_capitalised(toks: Sequence[Tok], text: str, end: int) -> bool:
    """'z Polski Związek…': a capitalised word right after makes the form part of a name."""
    k = bisect_left(toks, end, key=lambda t: t.start)  # the first token at or after `end`
    if k == len(toks):
        return False
    t = toks[k]
    return t.raw[0].isupper() and _gap_ok(text, end, t.start) and text[end:t.start].strip() == ""


def country_name(code: str, lang: str | None = "en") -> str:
    """The usual short name of a country in `lang` ("PL", "pl" → "Polska"); English when unknown."""
    by_lang = _names().get(code.upper())
    if not by_lang:
        raise KeyError(code)
    for candidate in (lang, "en"):
        if candidate and by_lang.get(candidate):
            names = by_lang[candidate]
            # prefer common_name when pycountry has one ("Czechia" over "Czech Republic"), else name
            return names[0]
    return next(iter(by_lang.values()))[0]


def get(code: str) -> dict | None:
    """ISO record: alpha_2, alpha_3, name (English), names {lang: [...]}."""
    c = pycountry.countries.get(alpha_2=code.upper())
    names = _names().get(code.upper())
    if c is None and names is None:
        return None
    return {
        "alpha_2": code.upper(),
        "alpha_3": getattr(c, "alpha_3", None),
        "name": getattr(c, "common_name", None) or getattr(c, "name", None) or names.get("en", [code])[0],
        "names": names or {},
    }


@lru_cache(maxsize=32)
def _stems(lang: str | None) -> dict[str, str]:
    """The first five letters of one-word country names in `lang` → country code: an adjective of
    nationality shares them ('Rumuński' / 'Rumunia', 'rumänisch' / 'Rumänien')."""
    from integraph.gazetteer.folding import quick_fold

    stems: dict[str, set[str]] = {}
    for code, by_lang in _names().items():
        for name in by_lang.get(lang or "en", []):
            if " " not in name and len(name) >= 5:
                stems.setdefault(quick_fold(name)[:5], set()).add(code)
    return {k: next(iter(v)) for k, v in stems.items() if len(v) == 1}


def nationality(word: str, lang: str | None) -> str | None:
    """The country an adjective of nationality names ('Rumuński' → RO, 'Deutsches' → DE), else None."""
    from integraph.gazetteer.folding import quick_fold

    return _stems(lang).get(quick_fold(word)[:5]) if len(word) >= 6 else None
