"""Organisation registry numbers with their labels, VAT numbers, and IBANs.

Value convention: "<SCHEME>-<number>", the number compacted (no spaces or
dashes).  SCHEME follows org-id.guide's COUNTRY-REGISTER codes where we know
one (PL-KRS, BG-EIK, CZ-ICO, DE-VR, DE-CR for the Handelsregister, FR-RNA,
FR-SIREN, FR-SIRET, IT-CF, RO-CUI); the others (PL-NIP, PL-REGON, SK-ICO,
IT-IVA, ES-NIF, HU-ADO, EU-VAT) are ours in the same shape.  `extra` has
"scheme", the "label" as written and "checked": True when a public check-digit
algorithm (python-stdnum) confirmed the number.  A number whose check digits
fail is dropped.

IBANs are kind "iban" (value compact, e.g. "PL63203000451110000003072610").
A national account number written without its country prefix ("Nr konta: 63
2030 …") counts when the document language's country prefix makes it a valid
IBAN.  They are found so that other recognisers (dates, phones, amounts) and
boilerplate filters can ignore those digits.
"""
from __future__ import annotations

import re

from stdnum import iban
from stdnum.bg import vat as bg_vat
from stdnum.cz import dic as cz_ico
from stdnum.es import nif as es_nif
from stdnum.eu import vat as eu_vat
from stdnum.fr import siren, siret
from stdnum.hu import anum
from stdnum.it import codicefiscale, iva
from stdnum.pl import nip, regon
from stdnum.ro import cui

from integraph.extract.recognise import Match
from integraph.extract.recognise.alternation import by_first_char
from integraph.extract.recognise.windows import at_digits, digit_spans, finditer, first_chars


def _bg_eik(n: str) -> bool:  # 13 digits = the 9-digit EIK of the company + a branch number
    return bg_vat.is_valid(n[:9])


def _it_cf(n: str) -> bool:  # organisations have an 11-digit code (= partita IVA), persons 16 characters
    return iva.is_valid(n) if n.isdigit() else codicefiscale.is_valid(n)


# (scheme, label regex, number regex, check[, languages]).  Labels are case-insensitive whole words;
# labels that are also common abbreviations elsewhere ("VR", "PI") count only in their own language.
SCHEMES: list[tuple] = [
    ("PL-KRS", r"KRS", r"\d{10}", None),
    ("PL-NIP", r"NIP", r"\d{3}[- ]?\d{3}[- ]?\d{2}[- ]?\d{2}|\d{3}[- ]?\d{2}[- ]?\d{2}[- ]?\d{3}", nip.is_valid),
    ("PL-REGON", r"REGON", r"\d{14}|\d{9}", regon.is_valid),
    ("BG-EIK", r"ЕИК(?:\s?/\s?БУЛСТАТ| по БУЛСТАТ)?|БУЛСТАТ|EIK|BULSTAT|UIC", r"\d{13}|\d{9}", _bg_eik),
    ("CZ-ICO", r"IČO|IČ|ICO|identifikační číslo", r"\d{8}|\d{3} ?\d{2} ?\d{3}", cz_ico.is_valid),
    ("DE-VR", r"Vereinsregister(?:nummer)?|Registernummer", r"\d{1,6}(?: ?[A-Z]{1,2}\b)?", None),
    ("DE-VR", r"VR", r"\d{1,6}(?: ?[A-Z]{1,2}\b)?", None, {"de"}),
    ("DE-CR", r"HRB|HRA|Handelsregister(?:nummer)?", r"\d{1,6}(?: ?[A-Z]{1,2}\b)?", None),
    ("FR-SIRET", r"SIRET", r"\d{3} ?\d{3} ?\d{3} ?\d{5}", siret.is_valid),
    ("FR-SIREN", r"SIREN", r"\d{3} ?\d{3} ?\d{3}", siren.is_valid),
    ("FR-RNA", r"RNA|n° RNA", r"W\d{9}", None),
    ("IT-IVA", r"P\.\s?IVA|P\.IVA|partita IVA", r"(?:IT)?\d{11}", lambda n: iva.is_valid(n.removeprefix("IT"))),
    ("IT-IVA", r"PI", r"\d{11}", iva.is_valid, {"it"}),
    ("IT-CF", r"C\.\s?F\.|codice fiscale|cod\. fisc\.", r"\d{11}|[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z]", _it_cf),
    ("ES-NIF", r"NIF|CIF|N\.I\.F\.|C\.I\.F\.", r"[A-Z]-?\d{7}-?[0-9A-J]|\d{8}-?[A-Z]", es_nif.is_valid),
    ("RO-CUI", r"CUI|C\.U\.I\.|CIF|cod fiscal|cod de identificare fiscală", r"(?:RO)?\d{2,10}", cui.is_valid),
    ("HU-ADO", r"adószám|adószáma|adószámunk", r"\d{8}-\d-\d{2}", lambda n: anum.is_valid(n[:8])),
    ("EU-VAT", r"VAT(?: ?(?:No\.?|number|ID|reg\. no\.))?|USt-IdNr\.?|UID|TVA|BTW|DIČ|ДДС|ИН по ДДС|NIP UE|ΑΦΜ|"
               r"PVM kodas|PVN|KMKR|ALV|moms(?:nr)?|IVA", r"[A-Z]{2} ?[0-9A-Z+*]{2,13}", eu_vat.is_valid),
]
SK_LANGS = {"sk"}
# Words allowed between a label and its number: "Nasz numer KRS to 0000240024", "KRS: …", "IČO je …".
FILLER = r"(?:\s*(?:nr\.?|no\.?|numer|number|číslo|č\.|№|n°|:|-|–|to|is|je|е|est|ist|es|è|é|är|er|on|jest))*\s*[:.]?\s*"
# One pass finds every label; each scheme whose label it is then tries its number right after.
_LABELS = "|".join(s[1] for s in SCHEMES)
LABEL = re.compile(rf"(?<!\w){first_chars(_LABELS, re.I)}(?P<label>(?i:{by_first_char(_LABELS, caseless=True)})){FILLER}")
LABELLED = [
    (s[0], re.compile(rf"(?i:{s[1]})"), re.compile(rf"(?P<num>{s[2]})(?![\w-]|[ ]\d)"), s[3], s[4] if len(s) > 4 else None)
    for s in SCHEMES
]
# Each opens on its first letter (the character before it is vetted after it) so that `re` skips straight
# to a capital: (?<![\w/.-])(?:AT|…), (?<![\w])[A-Z]{2}\d{2}… (tests/extract/recognise/test_rewrites.py
# holds them as first written).  Capitals are fewer than the digit runs they come before.
VAT_BARE = re.compile(r"(?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK)"
                      r"(?<![\w/.-]..)U?\d{8,12}(?![\w-])")
IBAN = re.compile(r"[A-Z](?<![\w][A-Z])[A-Z]\d{2}(?:[ \u00a0]?[A-Z0-9]{4}){2,7}(?:[ \u00a0]?[A-Z0-9]{1,3})?(?![\w])")
ACCOUNT = re.compile(r"(?<![\w])\d(?:[ \u00a0]?\d){14,31}(?![\w])")  # 15–32 digits, spaced any way
COUNTRY_OF = {
    "bg": "BG", "cs": "CZ", "da": "DK", "de": "DE", "el": "GR", "es": "ES", "et": "EE", "fi": "FI", "fr": "FR",
    "hr": "HR", "hu": "HU", "it": "IT", "lt": "LT", "lv": "LV", "mt": "MT", "nl": "NL", "pl": "PL", "pt": "PT",
    "ro": "RO", "sk": "SK", "sl": "SI", "sv": "SE", "uk": "UA",
}


def _compact(raw: str) -> str:
    return re.sub(r"[\s./-]", "", raw).upper()


def find_ibans(text: str, lang: str | None = None) -> list[Match]:
    found = []
    near_digits = digit_spans(text, 50, 40)
    for m in finditer(IBAN, text, near_digits):
        if iban.is_valid(m.group()):
            found.append(Match("iban", m.start(), m.end(), iban.compact(m.group())))
    country = COUNTRY_OF.get(lang or "")
    if country:
        for m in at_digits(ACCOUNT, text, 50, 40):  # tried at each run's start: fewer than its digits
            candidate = country + _compact(m.group())
            if iban.is_valid(candidate) and not any(f.start < m.end() and m.start() < f.end for f in found):
                found.append(Match("iban", m.start(), m.end(), candidate, {"written": "national"}))
    return sorted(found, key=lambda f: f.start)


def find_registry(text: str, lang: str | None = None) -> list[Match]:
    found: list[Match] = []
    near_digits = digit_spans(text, 50, 40)  # labels sit just before their number
    for hit in finditer(LABEL, text, near_digits):
        label = hit.group("label")
        for base, label_re, number_re, check, langs in LABELLED:
            if (langs is not None and lang not in langs) or not label_re.fullmatch(label):
                continue
            m = number_re.match(text, hit.end())
            if not m:
                continue
            number = _compact(m.group("num"))
            if check is not None and not check(number):
                continue
            scheme = "SK-ICO" if base == "CZ-ICO" and lang in SK_LANGS else base
            extra = {"scheme": scheme, "label": label, "checked": check is not None}
            found.append(Match("registry_id", m.start(), m.end(), f"{scheme}-{number}", extra))
    for m in finditer(VAT_BARE, text, near_digits):
        if eu_vat.is_valid(m.group()):
            extra = {"scheme": "EU-VAT", "label": "", "checked": True}
            found.append(Match("registry_id", m.start(), m.end(), f"EU-VAT-{m.group()}", extra))
    chosen: list[Match] = []
    for c in sorted(found, key=lambda c: (c.start - c.end, c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def find(text: str, lang: str | None = None) -> list[Match]:
    """Registry numbers and IBANs in `text`, sorted and non-overlapping (IBANs win)."""
    ibans = find_ibans(text, lang)
    ids = [r for r in find_registry(text, lang) if not any(i.start < r.end and r.start < i.end for i in ibans)]
    return sorted(ibans + ids, key=lambda m: m.start)
