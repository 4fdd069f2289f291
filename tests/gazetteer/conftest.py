"""Run this area's tests grouped by language.

simplemma keeps the dictionaries of only 8 languages in memory; loading Polish costs
~3 s, so interleaving languages reloads it again and again. Parametrised tests carry
their language in `lang`; the others use mostly Polish examples and join that group.
Only the order of this directory's items changes, in the slots they already occupy.
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(session, config, items):
    slots = [k for k, item in enumerate(items) if Path(str(item.fspath)).resolve().parent == HERE]
    mine = [items[k] for k in slots]

    def lang(item) -> str:
        callspec = getattr(item, "callspec", None)
        value = callspec.params.get("lang") if callspec else None
        return value or "pl"

    mine.sort(key=lang)  # stable: within a language the collection order stays
    for k, item in zip(slots, mine):
        items[k] = item
