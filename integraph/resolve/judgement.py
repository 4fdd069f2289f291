"""A judgement: two entities are the same, or different, and why."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SAME, DIFFERENT = "same", "different"


@dataclass(frozen=True, slots=True)
class Judgement:
    left: str
    right: str
    verdict: str  # SAME | DIFFERENT
    rule: str  # "resolve.name.v1", or "user"
    score: float
    evidence: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    author: str = ""  # the rule name, or "user"

    @property
    def pair(self) -> tuple[str, str]:
        return (self.left, self.right)


def judge(a: str, b: str, verdict: str, rule: str, score: float, evidence: dict[str, Any] | None = None,
          author: str | None = None) -> Judgement:
    """A judgement with its pair in canonical order (left < right) so a pair has one key."""
    left, right = (a, b) if a <= b else (b, a)
    return Judgement(left, right, verdict, rule, round(float(score), 4), evidence or {}, author or rule)
