"""Boilerplate removal in several languages; content stays."""
from __future__ import annotations

import pytest

from integraph.convert.boilerplate import cue_strength, is_furniture, remove_boilerplate
from integraph.model import Block

BODY = ("The association runs language courses for refugees in three cities and offers legal advice every week. "
        "In 2022 it opened a new centre together with the municipality and two local schools.")


def page(*tail: str) -> list[Block]:
    return [Block("heading", "Our work", 1), Block("paragraph", BODY)] + [Block("paragraph", t) for t in tail]


@pytest.mark.parametrize("line", [
    "Przekaż 1% swojego podatku!", "Nr konta:", "Spenden Sie jetzt für unsere Arbeit", "Faire un don",
    "Darujte na naši činnost", "Дарете сега", "Support us today", "Subscribe to our newsletter",
    "IBAN: DE89 3704 0044 0532 0130 00", "12 3456 7890 1234 5678 9012 3456", "logo-partner", "Share:",
    "© 2023 Example Foundation", "Wszelkie prawa zastrzeżone", "This site uses cookies to improve your experience",
    "Pobierz cały dokument", "Read more", "Tilaa uutiskirje", "Lahjoita nyt",
])
def test_tail_boilerplate_is_dropped(line):
    kept = remove_boilerplate(page("Coordinator: Jane Doe", line))
    assert [b.text for b in kept] == ["Our work", BODY, "Coordinator: Jane Doe"]


def test_lead_in_goes_with_what_it_introduces():
    kept = remove_boilerplate(page("Możesz nas wesprzeć:", "logo-sklep", "Jesteśmy przyjaźni wolontariuszom:", "logo-wolontariat"))
    assert kept[-1].text == BODY


def test_content_with_cue_words_is_kept():
    long_para = ("The project supports volunteers who donate their time: " + BODY)
    kept = remove_boilerplate(page(long_para, "Contact: info@example.org"))
    assert long_para in [b.text for b in kept]
    # a body sentence about donations in the middle of the content stays
    mid = [Block("paragraph", BODY), Block("paragraph", "Donations from local businesses paid for the books."),
           Block("paragraph", BODY)]
    assert remove_boilerplate(mid) == mid


def test_cue_strength_levels():
    assert cue_strength("Przekaż 1% podatku") == 2
    assert cue_strength("Follow us on Facebook") == 1
    assert cue_strength("The course starts in May.") == 0
    assert is_furniture("Share") and not is_furniture("Shared housing for refugees in Lyon")


def test_a_dated_line_of_a_dropped_footer_block_stays():
    body = Block("paragraph", "Spolok pomáha cudzincom v Trnave s poradenstvom, kurzami jazyka a stretnutiami "
                              "s miestnou komunitou už od roku 2016, odkedy pôsobí v meste.")
    footer = Block("paragraph", "Kontakt: Mgr. Jana Nová, info@spolok.sk\nAktualizované: 15. 4. 2025")
    kept = remove_boilerplate([body, footer])
    assert [b.text for b in kept] == [body.text, "Aktualizované: 15. 4. 2025"]
    address = Block("paragraph", "Kontakt: info@spolok.sk\nHlavná 7, 917 01 Trnava")
    assert remove_boilerplate([body, address]) == [body]  # no date: the whole footer goes
