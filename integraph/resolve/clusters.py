"""Canonical groups from judgements: connected components of 'same' minus 'different'.

User judgements come first and win; rule 'same' links are then added
strongest first, and a link is refused when it would join two groups that a
'different' judgement keeps apart (so one weak link cannot chain a branch
office into its parent).
"""
from __future__ import annotations

import hashlib
from collections import Counter
from typing import Iterable

from integraph.resolve.judgement import DIFFERENT, SAME, Judgement

PREFIX = {"Organisation": "org", "Project": "project", "Programme": "programme", "Place": "place", "Person": "person"}


class Groups:
    """Union-find with cannot-link sets kept per root."""

    def __init__(self, ids: Iterable[str], labels: dict[str, dict[str, str]] | None = None) -> None:
        self.parent = {i: i for i in ids}
        self.apart: dict[str, set[str]] = {}
        # Exclusive facts ({scheme: value}, e.g. a registry number or gazetteer ref) per root:
        # a group never holds two values of one scheme, however its links chain.
        self.labels: dict[str, dict[str, str]] = {k: dict(v) for k, v in (labels or {}).items()}

    def find(self, x: str) -> str:
        parent = self.parent
        parent.setdefault(x, x)
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def keep_apart(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.apart.setdefault(ra, set()).add(rb)
            self.apart.setdefault(rb, set()).add(ra)

    def union(self, a: str, b: str, force: bool = False) -> bool:
        """Join the groups of a and b unless something keeps them apart (`force`: a user said so)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        sa, sb = self.apart.get(ra, set()), self.apart.get(rb, set())
        la, lb = self.labels.get(ra, {}), self.labels.get(rb, {})
        if not force and (rb in sa or ra in sb or any(la[k] != lb[k] for k in la.keys() & lb.keys())):
            return False
        if len(sa) < len(sb):
            ra, rb, sa, sb, la, lb = rb, ra, sb, sa, lb, la
        self.parent[rb] = ra
        if lb:
            self.labels[ra] = {**lb, **la}
            del self.labels[rb]
        # The absorbed root's constraints now bind the merged group.
        for other in sb:
            peer = self.apart.get(other)
            if peer is not None:
                peer.discard(rb)
                if other != ra:
                    peer.add(ra)
                    sa.add(other)
        sa.discard(ra)
        self.apart.pop(rb, None)
        if sa:
            self.apart[ra] = sa
        return True

    def components(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return out


def apply(groups: Groups, judgements: Iterable[Judgement]) -> list[Judgement]:
    """Apply judgements to `groups`: users first and always, then rules strongest first; return refused links."""
    js = list(judgements)
    user = [j for j in js if j.rule == "user"]
    rules = [j for j in js if j.rule != "user"]
    for j in user:
        if j.verdict == DIFFERENT:
            groups.keep_apart(j.left, j.right)
    for j in sorted((j for j in user if j.verdict == SAME), key=lambda j: j.pair):
        groups.union(j.left, j.right, force=True)
    for j in rules:
        if j.verdict == DIFFERENT:
            groups.keep_apart(j.left, j.right)
    refused = []
    for j in sorted((j for j in rules if j.verdict == SAME), key=lambda j: (-j.score, j.pair)):
        if not groups.union(j.left, j.right):
            refused.append(j)
    return refused


def cluster(ids: Iterable[str], judgements: Iterable[Judgement],
            labels: dict[str, dict[str, str]] | None = None) -> tuple[dict[str, list[str]], list[Judgement]]:
    """(lowest member → sorted members, the 'same' judgements that were refused)."""
    groups = Groups(ids, labels)
    refused = apply(groups, judgements)
    return {min(m): sorted(m) for m in groups.components().values()}, refused


def canonical_id(schema: str, members: list[str], refs: dict[str, str]) -> str:
    """Meaningful, stable ids: `country:PL`, `city:<geonameid>`, `programme:<ref>`, else a hash of the members."""
    found = Counter(refs[m] for m in members if refs.get(m))
    if found:
        ref = sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        if schema == "Place":
            if len(ref) == 2 and ref.isalpha():
                return f"country:{ref.upper()}"
            if ref.isdigit():
                return f"city:{ref}"
            return f"place:{ref}"
        if schema == "Programme":
            return f"programme:{ref}"
    digest = hashlib.sha1("\n".join(sorted(members)).encode()).hexdigest()[:12]
    return f"{PREFIX.get(schema, schema.lower())}:{digest}"
