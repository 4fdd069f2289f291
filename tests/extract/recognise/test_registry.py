"""Registry numbers (check digits through python-stdnum) and IBANs."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stdnum import iban
from stdnum.bg import vat as bg_vat
from stdnum.cz import dic as cz_ico
from stdnum.es import nif as es_nif
from stdnum.eu import vat as eu_vat
from stdnum.fr import siren
from stdnum.it import iva
from stdnum.pl import nip, regon
from stdnum.ro import cui

from integraph.extract.recognise import registry


def made_up(prefix: str, valid, width: int = 1, suffix: str = "") -> str:
    """A number that passes `valid`: a made-up prefix completed with check digits found by trial."""
    for n in range(10**width):
        candidate = f"{prefix}{n:0{width}d}{suffix}"
        if valid(candidate.replace(" ", "").replace("-", "")):
            return candidate
    raise AssertionError(prefix)


def made_up_iban(country: str, bban: str) -> str:
    for n in range(100):
        if iban.is_valid(f"{country}{n:02d}{bban}"):
            return f"{country}{n:02d}{bban}"
    raise AssertionError(bban)


NIP = made_up("123-456-32-1", nip.is_valid)
REGON = made_up("12345678", regon.is_valid)
EIK = made_up("20123456", bg_vat.is_valid)
ICO = made_up("2345678", cz_ico.is_valid)
SIREN = made_up("12345678", siren.is_valid)
PIVA = made_up("0123456001", iva.is_valid)  # digits 8-10: a valid tax-office code
CIF = made_up("B1234567", es_nif.is_valid)
CUI = made_up("1234567", cui.is_valid)
VAT = made_up("DE12345678", eu_vat.is_valid)
IBAN_BG = made_up_iban("BG", "BNBG96611020123456")
IBAN_DE = made_up_iban("DE", "370400440532000001")
IBAN_PL = made_up_iban("PL", "109010140000000012345678")


def spaced(number: str) -> str:
    return " ".join(number[i:i + 4] for i in range(0, len(number), 4))


@pytest.mark.parametrize(
    "text, lang, value, checked",
    [
        ("Nasz numer KRS to 0000123456", "pl", "PL-KRS-0000123456", False),
        (f"NIP: {NIP}", "pl", f"PL-NIP-{NIP.replace('-', '')}", True),
        (f"REGON {REGON}", "pl", f"PL-REGON-{REGON}", True),
        (f"ЕИК {EIK}", "bg", f"BG-EIK-{EIK}", True),
        (f"IČO: {ICO}", "cs", f"CZ-ICO-{ICO}", True),
        (f"IČO {ICO}", "sk", f"SK-ICO-{ICO}", True),
        ("Amtsgericht Berlin VR 12345 B", "de", "DE-VR-12345B", False),
        ("HRB 98765", "de", "DE-CR-98765", False),
        (f"SIREN {SIREN[:3]} {SIREN[3:6]} {SIREN[6:]}", "fr", f"FR-SIREN-{SIREN}", True),
        ("RNA W751234567", "fr", "FR-RNA-W751234567", False),
        (f"P.IVA {PIVA}", "it", f"IT-IVA-{PIVA}", True),
        (f"CIF {CIF[0]}-{CIF[1:]}", "es", f"ES-NIF-{CIF}", True),
        (f"CUI {CUI}", "ro", f"RO-CUI-{CUI}", True),
        (f"VAT No. {VAT}", "en", f"EU-VAT-{VAT}", True),
    ],
)
def test_registry_numbers(text: str, lang: str, value: str, checked: bool) -> None:
    found = registry.find(text, lang)
    assert [(m.kind, m.value, m.extra["checked"]) for m in found] == [("registry_id", value, checked)]


@pytest.mark.parametrize(
    "text, lang",
    [(f"NIP: {NIP[:-1]}{(int(NIP[-1]) + 1) % 10}", "pl"), (f"IČO: {ICO[:-1]}{(int(ICO[-1]) + 1) % 10}", "cs"),
     (f"REGON {REGON[:-1]}{(int(REGON[-1]) + 1) % 10}", "pl"), ("VR 12", "en"),
     ("PI 3.14", "it")],
)
def test_bad_check_digits_or_foreign_labels(text: str, lang: str) -> None:
    assert registry.find(text, lang) == []


@pytest.mark.parametrize(
    "text, lang, value",
    [
        (f"IBAN: {spaced(IBAN_BG)}", "bg", IBAN_BG),
        (spaced(IBAN_DE), None, IBAN_DE),
        (f"Nr konta:\n{IBAN_PL[2:4]} {spaced(IBAN_PL[4:])}", "pl", IBAN_PL),  # national form, no "PL"
        (f"konto {spaced(IBAN_PL[2:])}", "pl", IBAN_PL),
    ],
)
def test_ibans(text: str, lang: str | None, value: str) -> None:
    found = registry.find(text, lang)
    assert [(m.kind, m.value) for m in found] == [("iban", value)]


def test_iban_with_a_wrong_check_is_not_an_iban() -> None:
    assert registry.find(spaced(IBAN_DE[:-1] + str((int(IBAN_DE[-1]) + 1) % 10)), None) == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789 -KRSNIPČOЕИК:PLDE"), max_size=80), st.sampled_from([None, "pl"]))
def test_never_raises_and_offsets_hold(text: str, lang: str | None) -> None:
    for m in registry.find(text, lang):
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end].strip()
