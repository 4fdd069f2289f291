"""URLs, e-mails and phones."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from integraph.extract.recognise import contacts


@pytest.mark.parametrize(
    "text, lang, written, normalised",
    [
        ("платформа [www.example.bg](http://www.example.bg). Следва", "bg", "http://www.example.bg", "http://www.example.bg"),
        ("на сайта https://org.example.bg/bg/node/158.  ", "bg", "https://org.example.bg/bg/node/158",
         "https://org.example.bg/bg/node/158"),
        ("сайт <http://e-example.bg> като", "bg", "http://e-example.bg", "http://e-example.bg"),
        ("сайт e-example.bg като", "bg", "e-example.bg", "http://e-example.bg"),
        ("see example.org/path, then", "en", "example.org/path", "http://example.org/path"),
        ("Więcej na www.Example.PL.", "pl", "www.Example.PL", "http://www.example.pl"),
        ("(https://en.example.org/wiki/Foo_(bar)).", "en", "https://en.example.org/wiki/Foo_(bar)",
         "https://en.example.org/wiki/Foo_(bar)"),
    ],
)
def test_urls(text: str, lang: str, written: str, normalised: str) -> None:
    found = [m for m in contacts.find(text, lang) if m.kind == "url"]
    assert [(m.value, m.extra["normalised"]) for m in found] == [(written, normalised)]
    assert text[found[0].start:found[0].end] == written


@pytest.mark.parametrize("text", ["ASP.NET and m.in. cases", "plik raport.pdf", "[home](/node/5)", "e.g. this"])
def test_not_urls(text: str) -> None:
    assert [m for m in contacts.find(text, None) if m.kind == "url"] == []


@pytest.mark.parametrize(
    "text, value",
    [("Kontakt: Info@Example.pl, dalej", "info@example.pl"), ("info(at)verein.de", "info@verein.de"),
     ("mail: a.b-c@sub.example.eu.", "a.b-c@sub.example.eu")],
)
def test_emails(text: str, value: str) -> None:
    found = contacts.find(text, None)
    assert [(m.kind, m.value) for m in found] == [("email", value)]


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("tel. 22 621 51 65", "pl", "+48226215165"),
        ("tel.: +48 22 621 51 65", None, "+48226215165"),
        ("тел.: 02/ 981 25 34", "bg", "+35929812534"),
        ("call +420 974 832 418 now", "en", "+420974832418"),
        ("Telefon: 030 12345678", "de", "+493012345678"),
    ],
)
def test_phones(text: str, lang: str | None, value: str) -> None:
    found = [m for m in contacts.find(text, lang) if m.kind == "phone"]
    assert [m.value for m in found] == [value]


@pytest.mark.parametrize(
    "text, lang",
    [("Nr konta: 63 2030 0045 1110 0000 0307 2610", "pl"), ("KRS 0000240024", "pl"), ("w latach 2014 2020", "pl")],
)
def test_digit_groups_are_not_phones(text: str, lang: str) -> None:
    assert [m for m in contacts.find(text, lang) if m.kind == "phone"] == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, "pl", "bg"]))
def test_never_raises_and_offsets_hold(text: str, lang: str | None) -> None:
    found = contacts.find(text, lang)
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start
    for m in found:
        assert 0 <= m.start < m.end <= len(text) and text[m.start:m.end].strip()
