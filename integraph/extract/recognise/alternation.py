"""Long word alternations regrouped by first character, so that `re` tries only the words that can match.

`re` tries the alternatives of "grant agreement|grant|project|contract|umowa|договор|…" one after
the other at every position it reaches, and under IGNORECASE it has no cheap first-character test
to pass over a hopeless one: at every word start of a document it runs through all sixty labels.
`by_first_char` writes the same alternation as "g(?:r(?:a(?:n(?:t(?: agreement|)))))|project|contract|…":
one test per first character, then only that character's words, in their own order, grouped again
by their next character.

It never changes what matches: two alternatives under different first characters can never both
match at one position, so their relative order does not matter, and alternatives that share one
keep their order.  When that cannot be vouched for (an alternative that opens on a group, a class,
a quantified character or a capturing group, or two first characters that IGNORECASE takes for
one another) the alternation is returned as it is.
"""
from __future__ import annotations

import re

_SPECIAL = set("\\()[]{}.*+?^$|")
_QUANTIFIER = set("*+?{")


def split_top_level(source: str) -> list[str]:
    """The alternatives of `source` at its top level: '|' inside groups and classes stays."""
    parts: list[str] = []
    depth, in_class, escaped, start = 0, False, False, 0
    for k, ch in enumerate(source):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]" or source[k - 1] == "["  # "[]…]" keeps a leading "]" literal
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:k])
            start = k + 1
    parts.append(source[start:])
    return parts


def _head(alternative: str) -> tuple[str, str, str] | None:
    """(first character, how it is written, the rest) when the alternative opens on one plain character."""
    if alternative.startswith("\\"):
        if len(alternative) < 2 or alternative[1].isalnum():  # \d, \w, \1…: a class or a reference
            return None
        char, written = alternative[1], alternative[:2]
    elif alternative and alternative[0] not in _SPECIAL:
        char, written = alternative[0], alternative[0]
    else:
        return None
    rest = alternative[len(written):]
    if rest[:1] in _QUANTIFIER and rest:  # "a?bc": the first character may be absent
        return None
    return char, written, rest


def by_first_char(source: str, caseless: bool = False) -> str:
    """`source` (an alternation, as written inside a group) with its alternatives grouped by first
    character; `caseless` when the alternation is matched under IGNORECASE."""
    alternatives = split_top_level(source)
    if len(alternatives) < 2 or re.search(r"\((?!\?)|\(\?P<", source):  # capturing groups would be renumbered
        return source
    groups: dict[str, list[tuple[str, str]]] = {}
    for alternative in alternatives:
        head = _head(alternative)
        if head is None:
            return source
        char, written, rest = head
        key = char.lower() if caseless else char
        groups.setdefault(key, []).append((written, rest))
    if caseless and not _distinct_without_case(list(groups)):
        return source
    out = []
    for members in groups.values():
        if len(members) == 1:
            out.append(members[0][0] + members[0][1])
        else:
            # the words sharing this character, grouped again by their next one
            out.append(members[0][0] + "(?:" + by_first_char("|".join(rest for _, rest in members), caseless) + ")")
    return "|".join(out)


def _distinct_without_case(keys: list[str]) -> bool:
    """No two first characters that IGNORECASE matching takes for one another ('s' and 'ſ', 'k' and 'K')."""
    for k, a in enumerate(keys):
        for b in keys[k + 1:]:
            if re.fullmatch(re.escape(a), b, re.IGNORECASE):
                return False
    return True
