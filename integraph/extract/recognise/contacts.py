"""URLs, e-mail addresses and phone numbers.

URLs are kept as written (trailing punctuation stripped) with
`extra["normalised"]`: lower-case host, "http://" added when no scheme was
written.  A markdown link `[text](url)` yields the url only.  A bare domain
("e-government.bg") counts when its top-level domain is one we know and it
has a path, a sub-domain, or a cue word ("сайт", "strona", "website") before
it.  Phone numbers are read with phonenumbers (libphonenumber's metadata for
every country) and need either an international prefix or a cue ("tel.",
"тел.", "phone"), so digit groups of accounts and registry numbers are not
phones.  Values: url as written, e-mail lower-cased, phone in E.164.
"""
from __future__ import annotations

import re

import phonenumbers

from integraph.extract.recognise import Match
from integraph.extract.recognise.alternation import by_first_char
from integraph.extract.recognise.windows import digit_spans, finditer, first_chars, spans

# Every EU ccTLD, the neighbours migrant-integration texts cite, and the common generic ones.
TLDS = (
    "at be bg cy cz de dk ee es fi fr gr hr hu ie it lt lu lv mt nl pl pt ro se si sk eu "
    "uk ua ru ch no is li rs mk al ba me md tr by ge am "
    "com org net info edu gov int io biz coop ngo ong online"
).split()
_TLD = "|".join(sorted(TLDS, key=len, reverse=True))
_URL_CHARS = r"[^\s<>\"'`\[\]{}|\\^]"

MARKDOWN = re.compile(r"\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?\s*\)")
SCHEMED = re.compile(rf"(?<![\w])(?:https?|ftp)://{_URL_CHARS}+", re.IGNORECASE)
WWW = re.compile(rf"(?<![\w@/.-])www\.{_URL_CHARS}+", re.IGNORECASE)
BARE = re.compile(
    rf"(?<![\w@/.-])(?P<host>(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLD}))(?![\w-])(?P<path>/{_URL_CHARS}*)?"
)
URL_CUE = re.compile(
    r"(?:site|website|web|portal|page|homepage|url|www|сайт|сайта|сайтът|портал|портала|страница|strona|stronie|"
    r"stronę|witryna|witrynie|portalu|stránka|stránce|stránky|stránkách|webu|webová|Webseite|Website|Homepage|"
    r"site web|sitio|sito|página|webbplats|hjemmeside|hjemmesiden|verkkosivu|sivusto|honlap|honlapon|svetainė|"
    r"tīmekļa vietne|veebileht|spletna stran|spletni strani|mrežna stranica|ιστοσελίδα|ιστότοπο|сайті|сайте|"
    r"at|on|на|na|visit|vedi|voir|siehe)\W{0,3}$",
    re.IGNORECASE,
)
EMAIL = re.compile(
    r"(?<![\w.+-])(?P<user>[\w.+-]+)(?:@|\s?[\[(]\s?(?:at|@)\s?[\])]\s?)(?P<host>[\w-]+(?:(?:\.|\s?[\[(]dot[\])]\s?)[\w-]+)*"
    r"(?:\.|\s?[\[(]dot[\])]\s?)[a-z]{2,})(?![\w-])",
    re.IGNORECASE,
)
TRAILING = ".,;:!?'\"»”’›)"
# Anchors for searching only near what every match must contain.
# Each opens on a character class of symbols or of both cases (not on an alternation, a look-behind or
# an IGNORECASE letter), so that `re` skips straight to the characters it can begin with.
AT = re.compile(r"[@\[(](?:(?<=@)|(?<=[\[(])\s?(?i:at)\s?[\])])")  # "@", "[at]", "( at )"
SCHEME_OR_WWW = re.compile(r"[:wW](?:(?<=:)//|(?<=[wW])(?i:ww)\.)")  # "://", "www."
# "x.eu": opens on the dot, one character after the anchor as meant (spans(…, lead=1))
TLD_DOT = re.compile(rf"\.(?<=[a-z0-9]\.)(?:{_TLD})(?![\w-])")

PHONE_WORDS = (
    r"tel|tel\.|telefon|telefono|teléfono|telefone|telephone|phone|ph|mob|mobile|mobil|gsm|fax|tél|tfn|tlf|puh|"
    r"puhelin|τηλ|τηλέφωνο|тел|телефон|моб|факс|tālr|telefonas|☎|📞"
)
PHONE_CUE = rf"(?:{by_first_char(PHONE_WORDS, caseless=True)})\.?(?:\s?(?:č\.|nr\.?|no\.?|№|/fax))?\s?[:.]?\s*"
PHONE_NUMBER = r"(?P<num>(?:\+|00)?\(?\d[\d\s()./–-]{5,20}\d)(?!\d)"
# "+48 …", "0048 …": (?<![\w+])(?:\+|00)…, written to open on the class [+0] (the character before it vetted
# after it) so that `re` skips straight to a "+" or a "0" (tests/extract/recognise/test_rewrites.py)
PHONE_INTL = re.compile(r"(?P<num>[+0](?<![\w+].)(?:(?<=\+)|(?<=0)0)\s?\d{1,3}[\d\s()./–-]{5,20}\d)(?!\d)")
PHONE_CUED = re.compile(rf"(?<!\w){first_chars(PHONE_CUE, re.IGNORECASE)}{PHONE_CUE}{PHONE_NUMBER}", re.IGNORECASE)

REGION = {
    "bg": "BG", "cs": "CZ", "da": "DK", "de": "DE", "el": "GR", "en": "GB", "es": "ES", "et": "EE", "fi": "FI",
    "fr": "FR", "ga": "IE", "hr": "HR", "hu": "HU", "it": "IT", "lt": "LT", "lv": "LV", "mt": "MT", "nl": "NL",
    "pl": "PL", "pt": "PT", "ro": "RO", "sk": "SK", "sl": "SI", "sv": "SE", "uk": "UA", "ru": "RU",
}


def _strip(url: str) -> str:
    while url and url[-1] in TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def normalise_url(url: str) -> str:
    """Scheme added when missing ("http://"), host lower-cased: for comparing, not for display."""
    if not re.match(r"(?i)[a-z][a-z0-9+.-]*://", url):
        url = "http://" + url
    scheme, _, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}://{host.lower()}{slash}{path}"


def _url(text: str, start: int, raw: str) -> Match | None:
    raw = _strip(raw)
    if "." not in raw:
        return None
    return Match("url", start, start + len(raw), raw, {"normalised": normalise_url(raw)})


def find_urls(text: str, lang: str | None = None) -> list[Match]:
    found: list[Match] = []
    taken: list[tuple[int, int]] = []
    for m in MARKDOWN.finditer(text):
        url = _url(text, m.start(2), m.group(2))
        if url and re.match(r"(?i)(?:https?://|www\.|mailto:)", url.value) is None and not BARE.fullmatch(url.value):
            continue  # a relative link ("/node/5", "#top") is not a place on the web
        if url:
            found.append(url)
        taken.append((m.start(), m.end()))  # the bracketed text usually repeats the url
    near_schemes = spans(text, SCHEME_OR_WWW, 8, 600)
    for pattern in (SCHEMED, WWW):
        for m in finditer(pattern, text, near_schemes):
            url = _url(text, m.start(), m.group())
            if url and not any(a < url.end and url.start < b for a, b in taken):
                found.append(url)
                taken.append((url.start, url.end))
    for m in finditer(BARE, text, spans(text, TLD_DOT, 100, 300, lead=1)):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        host, path = m.group("host"), m.group("path") or ""
        cue = URL_CUE.search(text[max(0, m.start() - 30):m.start()])
        if len(_strip(path)) > 1 or host.count(".") >= 2 or cue:
            url = _url(text, m.start(), m.group())
            if url:
                found.append(url)
    return sorted(found, key=lambda u: u.start)


def find_emails(text: str, lang: str | None = None) -> list[Match]:
    out = []
    for m in finditer(EMAIL, text, spans(text, AT, 80, 120)):
        host = re.sub(r"\s?[\[(]dot[\])]\s?", ".", m.group("host"), flags=re.IGNORECASE).lower()
        out.append(Match("email", m.start(), m.end(), f"{m.group('user').lower()}@{host}"))
    return out


def _phone(raw: str, region: str | None, strict: bool) -> str | None:
    digits = re.sub(r"[^\d+]", "", raw)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    try:
        number = phonenumbers.parse(digits, None if digits.startswith("+") else region)
    except phonenumbers.NumberParseException:
        return None
    ok = phonenumbers.is_valid_number(number) if strict else phonenumbers.is_possible_number(number)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if ok else None


def find_phones(text: str, lang: str | None = None) -> list[Match]:
    region = REGION.get(lang or "")
    found: list[Match] = []
    cued = finditer(PHONE_CUED, text, digit_spans(text, 40, 40))
    international = finditer(PHONE_INTL, text, digit_spans(text, 40, 40))
    for strict, hits in ((False, cued), (True, international)):
        for m in hits:
            raw = m.group("num").rstrip(" ./-–(")
            start = m.start("num")
            while raw and raw[0] in "(" and ")" not in raw:
                raw, start = raw[1:], start + 1
            end = start + len(raw)
            if any(f.start < end and start < f.end for f in found):
                continue
            value = _phone(raw, region, strict)
            if value:
                fax = m.group(0)[:4].lower().startswith(("fax", "факс"))
                found.append(Match("phone", start, end, value, {"fax": fax} if fax else {}))
    return sorted(found, key=lambda p: p.start)


def find(text: str, lang: str | None = None) -> list[Match]:
    """URLs, e-mails and phones in `text`, sorted and non-overlapping (e-mails win over URLs)."""
    emails = find_emails(text, lang)
    urls = [u for u in find_urls(text, lang) if not any(e.start < u.end and u.start < e.end for e in emails)]
    taken = emails + urls
    phones = [p for p in find_phones(text, lang) if not any(t.start < p.end and p.start < t.end for t in taken)]
    return sorted(taken + phones, key=lambda m: m.start)
