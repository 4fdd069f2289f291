"""Interval look-ups by bisection answer exactly what a scan over every span answers."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from integraph.spans import DisjointSpans, Spans, starting_in

span = st.tuples(st.integers(0, 200), st.integers(1, 40)).map(lambda t: (t[0], t[0] + t[1]))


@given(st.lists(span, max_size=30), span)
def test_spans_overlap_and_containment_match_a_scan(spans, query):
    a, b = query
    index = Spans(spans)
    assert index.overlaps(a, b) == any(x < b and a < y for x, y in spans)
    assert index.contains(a, b) == any(x <= a and b <= y for x, y in spans)


@given(st.lists(span, max_size=40))
def test_disjoint_spans_keep_the_greedy_choice_of_a_scan(candidates):
    chosen, index = [], DisjointSpans()
    for a, b in candidates:
        scan = any(x < b and a < y for x, y in chosen)
        assert index.overlaps(a, b) == scan
        if not scan:
            chosen.append((a, b))
            index.add(a, b)


@given(st.lists(st.integers(0, 100)).map(sorted), st.integers(0, 100), st.integers(0, 100))
def test_starting_in_is_the_slice_of_sorted_starts(starts, a, b):
    assert [starts[i] for i in starting_in(starts, a, b)] == [s for s in starts if a <= s < b]
