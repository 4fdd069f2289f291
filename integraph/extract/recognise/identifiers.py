"""Grant, contract and project identifiers: "BG05M9OP001-1.003-0001", "HOME/2014/AMIF/AG/INTE/7311"…

Two ways in.  (1) Shape: an upper-case token mixing letters and digits,
joined by "-", "/" or ".", at least 8 characters, with at least two digit
groups (or four parts with a digit group and two letter parts, as in
"AMIF-2018-AG-INTE").  Dates, phone numbers and amounts carry no letters, so
they never have this shape; URLs and e-mails are excluded by their
neighbours ("/", ".", "@", ":") and win over identifiers in `find_all`.
(2) Label: any code with a digit after "grant agreement no.", "umowa nr",
"договор №", "č. smlouvy", "Projekt-Nr."…

A contract date glued on after a slash ("…-C01/03.02.2021",
"ЕБФ01-11845/12.12.2013") is not part of the identifier: the value and span
stop before the slash, `extra["dated"]` holds the ISO date, and the date
recogniser reports the date itself.
"""
from __future__ import annotations

import re
from datetime import date

from integraph.extract.recognise import Match
from integraph.extract.recognise.alternation import by_first_char
from integraph.extract.recognise.windows import digit_spans, finditer, first_chars

_UP = r"A-Z\u0391-\u03A9\u0410-\u042F\u0401\u0404\u0406\u0407\u0490"  # Latin, Greek, Cyrillic capitals
# The first character is read before the look-behind that vets the one before it (the same test, as
# the first character is already known to be a capital or a digit): a pattern that opens on a
# character class lets `re` skip straight to such a character instead of trying every position.
TOKEN = re.compile(rf"[{_UP}0-9](?<![\w/.@:#=&?-][{_UP}0-9])[{_UP}0-9]*(?:[-/.][{_UP}0-9]+)+(?![\w@]|[-/.][\w])")
GLUED_DATE = re.compile(r"/(\d{1,2})\.(\d{1,2})\.(\d{4})$")

# Labels, lower-case regex fragments.  STRONG labels name a number themselves ("Projektnummer");
# WEAK ones ("project", "договор") need "no.", "nr", "№" or ":" before the code ("the project 2020" is prose).
STRONG = (
    r"projekt-nr\.?|projektnummer|förderkennzeichen|aktenzeichen|vertragsnummer|numer umowy|nr umowy|nr projektu|"
    r"numer projektu|registrační číslo(?: projektu)?|reg\. č\.|číslo smlouvy|č\. smlouvy|číslo projektu|"
    r"n° de projet|numéro de projet|codice progetto|cup|cod mysmis|mysmis|cod smis|cod proiect|projectnummer|dossiernummer|"
    r"diarienummer|hankenumero|szerződésszám|projektazonosító|sutarties nr|līguma nr|lepingu nr|κωδικός|"
    r"grant agreement number|project (?:id|code|number)|expediente"
)
WEAK = (
    r"grant agreement|grant|project|contract|agreement|reference|ref\.|umow[ay]|umowa o dofinansowanie|"
    r"договор|административен договор|проект|споразумение|договору|угоди|smlouv[ya]|zmluv[ay]|"
    r"zuwendungsvertrag|convention|convention de subvention|acuerdo de subvención|convenio|contratto|convenzione|"
    r"contrato|acordo de subvenção|subsidieovereenkomst|projektnummer|bevillingsaftale|sopimus|szerződés|"
    r"azonosító|contract de finanțare|sutartis|līgums|leping|pogodba|ugovor|σύμβαση|mis"
)
NUMBER_WORD = r"(?:no\.?|nr\.?|n[°º]\.?|n\.º|num\.?|number|numer|číslo|č\.|№|#|id|code|kod|код)"
LABELLED = re.compile(
    rf"(?<!\w){first_chars(f'{STRONG}|{WEAK}', re.IGNORECASE)}"
    rf"(?:(?P<strong>{by_first_char(STRONG, caseless=True)})|(?P<weak>{by_first_char(WEAK, caseless=True)}))"
    rf"(?P<sep>\s*(?:{NUMBER_WORD}\s*)?[:.]?\s*(?:{NUMBER_WORD}\s*)?[:.]?\s*)"
    rf"(?P<code>(?=[\w./-]*\d)[\w][\w./-]*[\w])",
    re.IGNORECASE,
)
NUMBERED = re.compile(rf"(?i){NUMBER_WORD}|:")
YEAR_ONLY = re.compile(r"(?:19|20)\d\d")
WORDY = re.compile(r"[^\W\d_]{4,}")  # a plain word after a label is prose, not a code ("project partners")


def _shape_ok(token: str) -> bool:
    if len(token) < 8 or not re.search(rf"[{_UP}]", token):
        return False
    digit_groups = len(re.findall(r"\d+", token))
    parts = re.split(r"[-/.]", token)
    letter_parts = sum(1 for p in parts if re.fullmatch(rf"[{_UP}]+", p))
    return digit_groups >= 2 or (len(parts) >= 4 and digit_groups >= 1 and letter_parts >= 2)


def _split_date(start: int, token: str) -> tuple[int, str, dict]:
    m = GLUED_DATE.search(token)
    if m:
        try:
            iso = date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        except ValueError:
            return start + len(token), token, {}
        token = token[:m.start()]
        return start + len(token), token, {"dated": iso}
    return start + len(token), token, {}


def find(text: str, lang: str | None = None) -> list[Match]:
    """Grant/contract/project identifiers in `text`, sorted and non-overlapping."""
    found: list[Match] = []
    near_digits = digit_spans(text, 80, 80)  # every identifier has a digit
    for m in finditer(LABELLED, text, near_digits):
        code = m.group("code").rstrip("./-")
        if WORDY.fullmatch(code) or len(code) < 3 or YEAR_ONLY.fullmatch(code):
            continue
        if m.group("weak") and not NUMBERED.search(m.group("sep")):
            continue
        end, code, extra = _split_date(m.start("code"), code)
        if re.search(r"\d", code):
            found.append(Match("grant_id", m.start("code"), end, code, {"labelled": True, **extra}))
    for m in finditer(TOKEN, text, near_digits):
        end, token, extra = _split_date(m.start(), m.group())
        if _shape_ok(token) and not any(f.start < end and m.start() < f.end for f in found):
            found.append(Match("grant_id", m.start(), end, token, {"labelled": False, **extra}))
    return sorted(found, key=lambda f: f.start)
