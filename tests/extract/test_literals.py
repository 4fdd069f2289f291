"""Literal occurrences give exactly the spans of the regular expressions they stand in for."""
import re

from hypothesis import given, settings, strategies as st

from integraph.extract.literals import occurrences, occurs

# a small alphabet so that needles recur and stand next to word characters, hyphens, spaces and "+"
ALPHABET = st.sampled_from(list("abAБж_1 -+.\n"))
TEXT = st.text(ALPHABET, max_size=60)
NEEDLE = st.text(ALPHABET, min_size=1, max_size=4)


def spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(pattern, text)]


@settings(max_examples=400)
@given(TEXT, NEEDLE)
def test_same_spans_as_the_patterns_they_replace(text: str, needle: str) -> None:
    n = re.escape(needle)
    assert list(occurrences(text, needle)) == spans(n, text)
    assert list(occurrences(text, needle, whole_word=True)) == spans(rf"(?<!\w){n}(?!\w)", text)
    assert list(occurrences(text, needle, left_only=True)) == spans(rf"(?<!\w){n}", text)
    assert list(occurrences(text, needle, whole_word=True, hyphen_joins=True)) == spans(rf"(?<![\w-]){n}(?![\w-])", text)
    assert list(occurrences(text, needle, boundaries=True)) == spans(rf"\b{n}\b", text)


def test_examples() -> None:
    text = "ЦМП and the ЦМП-led work; ESF+ funds, ESF+2027; ЦМПто"
    assert list(occurrences(text, "ЦМП", whole_word=True)) == [(0, 3), (12, 15)]
    assert list(occurrences(text, "ЦМП", whole_word=True, hyphen_joins=True)) == [(0, 3)]
    # "\bESF+\b" needs a word character after the "+": only "ESF+2027" matches
    assert list(occurrences(text, "ESF+", boundaries=True)) == [(38, 42)]
    assert list(occurrences("aaaa", "aa")) == [(0, 2), (2, 4)]  # non-overlapping, like re
    assert occurs("the project x", "project", left_only=True)
    assert not occurs("subproject", "project", left_only=True)
    assert list(occurrences("abc", "")) == []
