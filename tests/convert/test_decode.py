"""Text in the encodings European publishers used comes back exactly."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from integraph.convert.decode import decode
from integraph.errors import ConversionError, CorruptDocument, EmptyDocument

SENTENCES = {
    "pl": "Fundacja prowadzi w Lublinie zajęcia językowe dla cudzoziemców; żółć, gęślą jaźń, źdźbło, Świętokrzyskie.",
    "bg": "Сдружението работи с бежанци в София и Пловдив: курсове по български език и правни консултации.",
    "cs": "Spolek pomáhá cizincům v Brně s kurzy češtiny a poradenstvím v oblasti zaměstnání a bydlení. Účastníci.",
    "hu": "Az egyesület menekülteket támogat Budapesten nyelvtanfolyamokkal és jogi tanácsadással, ősszel új csoport.",
    "ro": "Asociația sprijină refugiații din București prin cursuri de limba română și consiliere juridică, săptămânal.",
    "de": "Der Verein unterstützt Geflüchtete in München mit Sprachkursen und Beratung für Familien; Größe ist egal.",
    "fr": "L'association accompagne les réfugiés à Lyon : cours de français, hébergement, accès aux droits, été.",
    "lt": "Organizacija padeda pabėgėliams ir migrantams Vilniuje, rengia lietuvių kalbos kursus ir konsultacijas.",
    "ru": "Организация помогает беженцам и мигрантам в Москве: курсы русского языка, юридические консультации.",
    "uk": "Організація допомагає біженцям у Києві: курси української мови, юридичні консультації, підтримка родин.",
    "el": "Η οργάνωση υποστηρίζει πρόσφυγες και μετανάστες στην Αθήνα με μαθήματα ελληνικών και νομικές συμβουλές.",
}
CODEPAGES = ["cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp1250", "iso8859_2", "cp1252", "iso8859_15", "cp1253",
             "iso8859_7", "cp1257", "iso8859_13"]
CASES = []
for lang, text in SENTENCES.items():
    for codec in CODEPAGES:
        try:
            CASES.append(pytest.param(text.encode(codec), text, id=f"{lang}-{codec}"))
        except UnicodeEncodeError:
            pass


@pytest.mark.parametrize("data,expected", CASES)
def test_legacy_code_pages_decode_exactly(data, expected):
    assert decode(data) == expected


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_unicode_encodings_with_and_without_bom(codec):
    text = SENTENCES["bg"] + "\n" + SENTENCES["pl"]
    assert decode(text.encode(codec)) == text


def test_empty_and_whitespace_are_empty():
    for data in (b"", b"   \n\t  \n"):
        with pytest.raises(EmptyDocument):
            decode(data)


def test_binary_junk_is_corrupt():
    junk = bytes(range(256)) * 40
    with pytest.raises(CorruptDocument):
        decode(junk)
    with pytest.raises(CorruptDocument):
        decode(b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 100 + b"some text")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_decode_or_raise_conversion_errors(data):
    try:
        text = decode(data)
    except ConversionError:
        return
    assert isinstance(text, str) and text.strip()
