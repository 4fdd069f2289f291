"""Run the rules over records and return their judgements (no database needed).

Rules run in two phases: the first compares names and hard evidence; its
provisional groups then give the second phase its context (which lead a
partner works with, how many meanings an acronym has in the whole base).
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

from integraph.resolve import rules_acronyms, rules_names, rules_projects, rules_refs
from integraph.resolve.clusters import Groups, apply
from integraph.resolve.context import Context
from integraph.resolve.judgement import SAME, Judgement
from integraph.resolve.places import PlaceLexicon
from integraph.resolve.records import Record

Rule = Callable[[Context], Iterator[Judgement]]

# The registry: (versioned name, rule), in the order they run.
PHASE_ONE: list[tuple[str, Rule]] = [
    (rules_refs.IDENTIFIER, rules_refs.rule_identifier),
    (rules_refs.REF, rules_refs.rule_ref),
    (rules_names.NAME, rules_names.rule_name),
    (rules_names.TRANSLIT, rules_names.rule_translit),
    (rules_names.FUZZY, rules_names.rule_fuzzy),
]
PHASE_TWO: list[tuple[str, Rule]] = [
    (rules_acronyms.ACRONYM, rules_acronyms.rule_acronym),
    (rules_acronyms.ACRONYM_EQUAL, rules_acronyms.rule_acronym_equal),
    (rules_acronyms.ACRONYM_NEAR, rules_acronyms.rule_acronym_near),
    (rules_projects.TITLE, rules_projects.rule_project_title),
    (rules_projects.SUBTITLE, rules_projects.rule_project_subtitle),
    (rules_projects.ACRONYM, rules_projects.rule_project_acronym),
    (rules_projects.PROFILE, rules_projects.rule_project_profile),
]


def match(records: list[Record], fixed: Iterable[Judgement] = (), places: PlaceLexicon | None = None,
          progress: bool = False) -> list[Judgement]:
    """Every rule judgement over `records`; `fixed` (user judgements) shape the provisional groups."""
    ctx = Context(records, places or PlaceLexicon())
    fixed = list(fixed)
    found: dict[tuple[str, str], Judgement] = {}
    labels = rules_refs.labels(records)
    for phase in (PHASE_ONE, PHASE_TWO):
        for name, rule in _steps(phase, progress):
            for j in rule(ctx):
                j = rules_refs.veto(ctx, j) or j
                old = found.get(j.pair)
                # One judgement per pair: a 'different' beats a 'same', a stronger one a weaker one.
                if old is None or (j.verdict != SAME, j.score) > (old.verdict != SAME, old.score):
                    found[j.pair] = j
        if phase is PHASE_ONE:
            ctx.groups = Groups([r.id for r in records], labels)
            apply(ctx.groups, fixed + list(found.values()))
    return [found[p] for p in sorted(found)]


def _steps(phase: list[tuple[str, Rule]], progress: bool) -> Iterable[tuple[str, Rule]]:
    if not progress:
        return phase
    from tqdm import tqdm

    return tqdm(phase, desc="resolve", unit="rule", leave=False)
