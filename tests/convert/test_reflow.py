"""Re-flow of hard-wrapped text: joins, hyphens, bullets, headings."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from integraph.convert.reflow import continues, heading_level, text_to_blocks

WRAPPED = """Годишен отчет за дейността на сдружението през
изминалата година

Сдружението работи с бежанци и мигранти в няколко града в страната и през
годината организира курсове по език, правни консултации и по-добра подкрепа за
семействата. Подкрепата включва и обучения за e-government услуги и други
дигитални умения.

Основните направления на работа са:

\uf0b7 курсове по български език за възрастни и деца в малки групи с опитни
преподаватели;
\uf0b7 правни консултации по въпроси на пребиваването, труда и социалните
права.

Партньорства

Организацията работи в партньорство с общини, училища и други неправителствени
организации. Благодарение на тях дейностите достигнаха до повече хора. Резултатите
се публикуват всяка година."""


def test_wrapped_text_becomes_paragraphs_items_and_headings():
    blocks = text_to_blocks(WRAPPED)
    kinds = [(b.kind, b.text[:25]) for b in blocks]
    assert kinds[0] == ("heading", "Годишен отчет за дейностт")
    assert blocks[0].text.endswith("през изминалата година") and blocks[0].level == 1
    assert blocks[1].kind == "paragraph" and "\n" not in blocks[1].text
    assert "по-добра подкрепа за семействата" in blocks[1].text and "e-government услуги" in blocks[1].text
    items = [b for b in blocks if b.kind == "item"]
    assert len(items) == 2 and items[0].text.startswith("курсове") and items[0].text.endswith("групи с опитни преподаватели;")
    assert ("heading", "Партньорства") in kinds
    assert blocks[-1].text.endswith("Резултатите се публикуват всяка година.")


def test_hyphenation_dropped_only_for_split_words():
    text = ("Die Beratungsstelle unterstützt seit vielen Jahren Familien mit Migrations-\n"
            "hintergrund und bietet Sprachkurse, Rechtsberatung und weitere Angebote in der Stadt an,\n"
            "darunter auch Kurse zu e-\ngovernment und Hilfe bei Anträgen für die Integra-\n"
            "tionskurse im ganzen Land sowie viele weitere Aktivitäten für Kinder und Jugendliche\n"
            "in der Region Leipzig-\nNord und darüber hinaus.\n")
    (block,) = text_to_blocks(text)
    assert "Migrationshintergrund" in block.text and "Integrationskurse" in block.text
    assert "e-government" in block.text and "Leipzig-Nord" in block.text


def test_web_text_keeps_one_block_per_line_and_key_value_lines():
    text = ("Projekt Razem\n\nbeneficjent: Fundacja Przykład\ntermin realizacji: 2020–2022\n"
            "Projekt realizowany jest w Lublinie i obejmuje kursy języka polskiego dla dorosłych cudzoziemców oraz dyżury prawne w każdy wtorek i czwartek.\n")
    blocks = text_to_blocks(text)
    assert [b.text for b in blocks][1:3] == ["beneficjent: Fundacja Przykład", "termin realizacji: 2020–2022"]


def test_heading_rules():
    assert heading_level("Kolejne kroki") == 2
    assert heading_level("2. Projekt „Razem“, Fundusz Azylu") == 3
    assert heading_level("2.1 Partnerzy projektu") == 4
    assert heading_level("Koordynator: Jan Kowalski") == 0
    assert heading_level("To jest zdanie.") == 0
    assert heading_level("małe litery na początku") == 0
    assert heading_level("https://example.org/Projekt") == 0


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600))
def test_reflow_never_loses_words(text):
    blocks = text_to_blocks(text)
    words_in = "".join(text.split()).replace("-", "").replace("\u00ad", "")
    words_out = "".join("".join(b.text for b in blocks).split()).replace("-", "").replace("\u00ad", "")
    # bullets are the only characters re-flow may drop
    assert len(words_out) <= len(words_in)
    assert all(b.text.strip() for b in blocks)


def test_a_short_line_before_a_long_unbreakable_token_is_a_wrap():
    """The writer broke the line early because the grant number did not fit: one paragraph."""
    text = ("Društvo je v letu 2025 nadaljevalo s tečaji slovenščine za odrasle in z učno\n"
            "pomočjo otrokom v osnovnih šolah, svetovalnica pa je bila odprta trikrat na\n"
            "teden in je sprejela več kot tristo obiskovalcev iz dvajsetih različnih držav.\n"
            "Lani smo začeli partnerstvo za sodelovanje v programu Erasmus+, ki ga vodi\n"
            "organizacija iz Corka, ki vodi to delo (št.\n"
            "2024-1-IE01-KA220-ADU-000245817), zdaj pa pripravljamo še drugo prijavo za\n"
            "sodelovanje z mestno občino in z lokalnimi šolami v naslednjem letu dni.\n")
    (block,) = text_to_blocks(text)
    assert "(št. 2024-1-IE01-KA220-ADU-000245817)" in block.text
    assert not continues("organizacija iz Corka, ki vodi to delo (št.", "2024 smo začeli", 76)  # that word fit


def test_a_short_unpunctuated_line_after_a_sentence_end_is_a_heading_even_after_a_full_line():
    text = ("Das Projekt hat gezeigt, dass Sprachkurse am meisten bewirken, wenn sie mit Beratung\n"
            "zur Arbeitssuche verbunden werden, und genau das ist die Idee unseres nächsten Projekts.\n"
            "Laufende Projekte\n"
            "Im Jahr 2025 begann das Projekt Arbeit gemeinsam, das Geflüchtete in Leipzig und Halle bei\n"
            "der Suche nach Arbeit begleitet und mit Betrieben der Region zusammenarbeitet, wo es geht.\n")
    blocks = text_to_blocks(text)
    assert ("heading", "Laufende Projekte") in [(b.kind, b.text) for b in blocks]


def test_each_time_slot_of_a_programme_is_a_line_of_its_own():
    text = ("Seminari programm on järgmine ja kõik ettekanded toimuvad konverentsisaalis kolmandal korrusel\n"
            "10.00–10.30 Kogunemine ja kohv ning registreerimine, mille järel algab esimene ettekanne\n"
            "10.30–11.15 Avasõnad ja ülevaade projekti tulemustest – Liis Saar, ühingu juhataja ja\n"
            "projekti eestvedaja, kes on projektiga tegelenud juba selle algusest peale\n"
            "11.15–12.00 Paneel: tööandjate kogemused ja soovitused omavalitsustele ning ühendustele\n")
    blocks = [b.text for b in text_to_blocks(text)]
    assert [b[:11] for b in blocks if b[:2].isdigit()] == ["10.00–10.30", "10.30–11.15", "11.15–12.00"]
    assert any(b.endswith("juba selle algusest peale") for b in blocks)  # a slot's wrapped line stays in it
