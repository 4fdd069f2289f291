"""to_document on arbitrary text: only ConversionErrors, offsets always in bounds."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from integraph.convert import to_document
from integraph.errors import ConversionError

LINES = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120),
        st.sampled_from(["# Nagłówek", "## Раздел 2", "- punkt listy", "\uf0b7 item", "https://example.org/a",
                         "Nr konta:", "1. Проект „Пример“", "", "Koordynator: Jan", "słowo-", "kontynuacja zdania"]),
    ),
    max_size=30,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(LINES, st.sampled_from(["a.txt", "a.md", "a.html", "a"]))
def test_any_text_converts_or_raises_conversion_error(lines, name):
    data = "\n".join(lines).encode("utf-8")
    try:
        doc = to_document(data, name)
    except ConversionError:
        return
    n = len(doc.text)
    for s in doc.sections:
        assert 0 <= s.start < s.end <= n and doc.text[s.start:].startswith(s.heading)
    for a, b in doc.paragraphs:
        assert 0 <= a < b <= n and doc.text[a:b].strip()
