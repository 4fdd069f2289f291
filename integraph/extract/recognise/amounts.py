"""Money amounts: a number attached to a currency word or symbol, with an optional scale word.

The number is read by price-parser, which takes one separator followed by
exactly three digits as a thousands separator ("616,794 euro" → 616794);
babel's locale-correct parsing reads that real-world value 1000× too small on
a Polish page (bake-off §4).  price-parser keeps the currency as raw text and
ignores "mln", so currencies and scales come from our table (currencies.py).

Only numbers attached to a currency are amounts; percentages and bare
numbers are not.  Value: {"value": int | float, "currency": ISO 4217}.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from price_parser import Price

from integraph.extract.recognise import Match
from integraph.extract.recognise.alternation import by_first_char
from integraph.extract.recognise.windows import at_digits, digit_spans, finditer, first_chars
from integraph.extract.recognise.currencies import (
    CURRENCIES, EXACT, KRONE, KRONE_WORDS, LONG_BILLION, MIL_THOUSAND, SCALES, SHORT_SCALES,
)

# Thousands groups (space, NBSP, narrow NBSP, dot, comma, apostrophe) with optional decimals, or a plain number.
NUMBER = (
    r"(?<![\w.,])(?P<num>\d{1,3}(?:[ \u00a0\u202f.,'’]\d{3})+(?:[.,]\d{1,2})?(?!\d)"
    r"|\d+(?:[.,]\d+)?(?![\d]|[.,]\d))"
)


def _alts(keys: list[str]) -> str:
    return "|".join(sorted(keys, key=len, reverse=True))


@lru_cache(maxsize=64)
def _patterns(lang: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # the word lists grouped by first letter (alternation.py): the same matches, fewer tries
    cur = rf"(?i:{by_first_char(_alts(list(CURRENCIES)), caseless=True)})|{by_first_char(_alts([re.escape(k) for k in EXACT]))}"
    if lang in KRONE:
        cur += rf"|(?i:{by_first_char(KRONE_WORDS, caseless=True)})"
    scale_words = list(SCALES) + [r"mil"]
    scale = (rf"(?:\s?(?P<scale>(?i:{by_first_char(_alts(scale_words), caseless=True)}))(?!\w)"
             rf"|(?P<short>{by_first_char(_alts(list(SHORT_SCALES)))})(?!\w))?")
    number_first = re.compile(rf"{NUMBER}{scale}\s?(?P<cur>{cur})(?!\w)")
    currency_first = re.compile(rf"(?<!\w){first_chars(cur)}(?P<cur>{cur})\s?{NUMBER}{scale}")
    return number_first, currency_first


def number_first(lang: str | None) -> re.Pattern[str]:
    """The pattern of "5 mln zł": it begins on the first digit of a run (NUMBER's look-behind)."""
    return _patterns(lang)[0]


@lru_cache(maxsize=4096)  # a few dozen spellings recur; each miss tries every table entry's regex
def _currency(token: str, lang: str | None) -> str | None:
    if token in EXACT:
        return EXACT[token]
    if lang in KRONE and re.fullmatch(KRONE_WORDS, token, re.IGNORECASE):
        return KRONE[lang]
    for key, code in CURRENCIES.items():
        if re.fullmatch(key, token, re.IGNORECASE):
            return code
    return None


@lru_cache(maxsize=4096)
def _scale(token: str | None, short: str | None, lang: str | None) -> int:
    if short:
        return SHORT_SCALES[short]
    if not token:
        return 1
    low = token.lower()
    if low == "mil":
        return 10**3 if lang in MIL_THOUSAND else 10**6
    if low.startswith("billion") and lang in LONG_BILLION:
        return 10**12
    for key, factor in SCALES.items():
        if re.fullmatch(key, low):
            return factor
    return 1


@lru_cache(maxsize=4096)  # price-parser reads a number through several regexes; a Decimal is immutable, so shared
def parse_number(raw: str) -> Decimal | None:
    """The number written in `raw` ("999 750,00", "616,794", "1.234.567,89"), via price-parser."""
    return Price.fromstring(raw).amount


def _value(amount: Decimal) -> int | float:
    return int(amount) if amount == amount.to_integral_value() else float(round(amount, 2))


def find(text: str, lang: str | None = None) -> list[Match]:
    """Amounts of money in `text`, sorted and non-overlapping."""
    found: list[Match] = []
    near_digits = digit_spans(text, 30, 40)
    digits_first, currency_first = _patterns(lang)
    for hits in (at_digits(digits_first, text, 30, 40), finditer(currency_first, text, near_digits)):
        for m in hits:
            if text[m.end():m.end() + 1] == "%":
                continue
            currency = _currency(m.group("cur"), lang)
            number = parse_number(m.group("num"))
            if currency is None or number is None:
                continue
            amount = number * _scale(m.group("scale"), m.group("short"), lang)
            found.append(Match("amount", m.start(), m.end(), {"value": _value(amount), "currency": currency},
                               {"text": m.group("num")}))
    chosen: list[Match] = []
    for c in sorted(found, key=lambda c: (c.start - c.end, c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)
