"""Interface language: gettext catalogues compiled at first use, locale choice, formatting.

The `.po` files under `locale/` are the only source; they are compiled in
memory with Babel when the portal starts, so no `.mo` file is committed or
can go stale.  The language is chosen by `?lang=`, then the `lang` cookie,
then the browser's Accept-Language, then English.
"""
from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = {"en": "English", "bg": "Български", "pl": "Polski", "cs": "Čeština"}
DEFAULT = "en"


@lru_cache(maxsize=None)
def translations(lang: str) -> NullTranslations:
    """The compiled catalogue of `lang` (English needs none: messages are English)."""
    po = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if lang == DEFAULT or not po.exists():
        return NullTranslations()
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return Translations(fp=buf)


def negotiate(query: str | None, cookie: str | None, accept_language: str | None) -> str:
    """The interface language for one request."""
    for choice in (query, cookie):
        if choice in LANGUAGES:
            return choice  # type: ignore[return-value]
    if accept_language:
        wanted = []
        for part in accept_language.split(","):
            tag, _, q = part.strip().partition(";q=")
            try:
                weight = float(q) if q else 1.0
            except ValueError:
                weight = 0.0
            if tag:
                wanted.append((weight, tag.strip().replace("-", "_")))
        preferred = [tag for _, tag in sorted(wanted, key=lambda w: -w[0])]
        found = Locale.negotiate(preferred, list(LANGUAGES), sep="_")
        if found:
            return str(found)
    return DEFAULT


class Formatter:
    """Dates, numbers and money in one interface language."""

    def __init__(self, lang: str) -> None:
        self.locale = _locale(lang)

    def date(self, iso: str | None) -> str:
        """An ISO date at its own precision: '2022' stays a year, '2020-01' a month."""
        if not iso:
            return ""
        from datetime import date

        try:
            if len(iso) == 4:
                return iso
            if len(iso) == 7:
                return format_date(date(int(iso[:4]), int(iso[5:7]), 1), "LLLL y", locale=self.locale)
            return format_date(date.fromisoformat(iso[:10]), "long", locale=self.locale)
        except ValueError:
            return iso

    def number(self, value: Any) -> str:
        if value is None:
            return ""
        return format_decimal(value, locale=self.locale)

    def money(self, value: Any, currency: str | None) -> str:
        if value is None:
            return ""
        if not currency:
            return self.number(value)
        try:
            return format_currency(value, currency, locale=self.locale, format_type="standard")
        except Exception:  # noqa: BLE001 - an unknown currency code still shows its number
            return f"{self.number(value)} {currency}"

    def language_name(self, code: str | None) -> str:
        if not code:
            return ""
        return _language_name(code, str(self.locale))

    def country_name(self, code: str | None) -> str:
        if not code:
            return ""
        return self.locale.territories.get(code.upper(), code)


@lru_cache(maxsize=64)
def _locale(lang: str) -> Locale:
    """Cached: `Locale.parse` checks the locale data on disk each time; one per request adds up under load."""
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(DEFAULT)


@lru_cache(maxsize=4096)
def _language_name(code: str, ui: str) -> str:
    """Cached: babel parses locale data from disk on every call (a home page names every document language)."""
    try:
        return Locale.parse(code).get_display_name(_locale(ui)) or code
    except (UnknownLocaleError, ValueError):
        return code
