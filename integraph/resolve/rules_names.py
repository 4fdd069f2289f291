"""Rules that compare names: equal core, equal transliteration, fuzzy, branch offices.

All names are compared on their *core* (lemmas, legal forms and function words
dropped, see `names.analyse`), so inflection, legal form, case and word order
do not matter; the Latin transliteration of the core lets Cyrillic and Latin
spellings meet.
"""
from __future__ import annotations

from typing import Iterator

from rapidfuzz import fuzz

from integraph.resolve.blocking import candidate_pairs
from integraph.resolve.context import Context
from integraph.resolve.judgement import DIFFERENT, SAME, Judgement, judge
from integraph.resolve.names import NameForm
from integraph.resolve.records import Record

NAME = "resolve.name.v1"
TRANSLIT = "resolve.translit.v1"
FUZZY = "resolve.fuzzy.v1"
QUALIFIER = "resolve.qualifier.v1"
BRANCH = "resolve.branch.v1"

FUZZY_SAME = 91.0  # token_sort_ratio on Latin cores; see bench/resolution.py
MIN_FUZZY_LEN = 8  # shorter cores are too easy to confuse by one letter
MIN_WORD_RATIO = 70.0  # every word must be recognisably the same word
NAMED = ("Organisation", "Programme", "Place", "Person")


def compatible(ctx: Context, a: Record, fa: NameForm, b: Record, fb: NameForm) -> bool:
    """Things the names do not show that still forbid a merge by name."""
    if a.ref and b.ref and a.ref != b.ref:
        return False
    if a.schema == "Place" and a.country and b.country and a.country != b.country:
        return False
    if a.schema == "Organisation":
        # "Fundacja X" and "Stowarzyszenie X" in one language are two bodies.
        if fa.legal and fb.legal and fa.lang == fb.lang and not set(fa.legal) & set(fb.legal):
            return False
        if a.country and b.country and a.country != b.country:
            return False
    return True


def _star(ctx: Context, members: list[tuple[Record, NameForm]], rule: str, score: float,
          why: str) -> Iterator[Judgement]:
    """Link each member to the first earlier one it is compatible with (n-1 judgements, not n²)."""
    anchors: list[tuple[Record, NameForm]] = []
    for rec, form in members:
        for arec, aform in anchors:
            if arec.id == rec.id:
                break
            if compatible(ctx, arec, aform, rec, form):
                yield judge(arec.id, rec.id, SAME, rule, score,
                            {"names": [aform.raw, form.raw], "key": why, "languages": [aform.lang, form.lang]})
                break
        else:
            anchors.append((rec, form))


def rule_name(ctx: Context) -> Iterator[Judgement]:
    """resolve.name.v1: the same core words (lemmatised, legal forms and function words dropped)."""
    for schema in NAMED:
        groups: dict[tuple[str, str], list[tuple[Record, NameForm]]] = {}
        for rec in ctx.of(schema):
            if schema != "Person" and schema != "Organisation" and rec.ref:
                continue  # programmes and places with a reference are matched by it
            for f in ctx.forms[rec.id]:
                if schema == "Person" and len(f.core) < 2:
                    continue  # a lone first or last name is not an identity
                groups.setdefault((f.script, f.key), []).append((rec, f))
        for (_, key), members in sorted(groups.items()):
            if len({r.id for r, _ in members}) > 1:
                yield from _star(ctx, members, NAME, 1.0, key)
        if schema == "Organisation":
            # The same words as written, when the lemmatiser of one language knows a word
            # the other's does not ("Brücken" is "Brücke" only to the German dictionary).
            written: dict[tuple[str, str], list[tuple[Record, NameForm]]] = {}
            for rec in ctx.of(schema):
                for f in ctx.forms[rec.id]:
                    if f.spelled and f.spelled_key != f.latin_key:
                        written.setdefault((f.script, f.spelled_key), []).append((rec, f))
            for rec in ctx.of(schema):
                for f in ctx.forms[rec.id]:
                    if f.spelled and f.spelled_key == f.latin_key and (f.script, f.spelled_key) in written:
                        written[(f.script, f.spelled_key)].append((rec, f))
            for (_, key), members in sorted(written.items()):
                if len({r.id for r, _ in members}) > 1:
                    yield from _star(ctx, members, NAME, 0.95, "written:" + key)


def rule_translit(ctx: Context) -> Iterator[Judgement]:
    """resolve.translit.v1: the same core once transliterated (Bulgarian Streamlined System, anyascii)."""
    for schema in NAMED:
        groups: dict[str, list[tuple[Record, NameForm]]] = {}
        for rec in ctx.of(schema):
            for f in ctx.forms[rec.id]:
                # Latin spellings meet Cyrillic lemmas or Cyrillic spellings, whichever agrees.
                keys = {f.latin_key} if f.script == "latin" else {f.latin_key, f.spelled_key}
                for key in keys:
                    groups.setdefault(key, []).append((rec, f))
        for key, members in sorted(groups.items()):
            scripts: dict[str, tuple[Record, NameForm]] = {}
            for rec, f in members:
                scripts.setdefault(f.script, (rec, f))
            if len(scripts) > 1:
                reps = [scripts[s] for s in sorted(scripts)]
                yield from _star(ctx, reps, TRANSLIT, 0.95, key)


def compare(ctx: Context, a: Record, fa: NameForm, b: Record, fb: NameForm) -> Judgement | None:
    """Judge two differing names of organisations: branch, place qualifier, or fuzzy match."""
    sa, sb = set(fa.latin), set(fb.latin)
    only_a, only_b = sa - sb, sb - sa
    if sa == sb or not compatible(ctx, a, fa, b, fb):
        return None
    evidence = {"names": [fa.raw, fb.raw], "languages": [fa.lang, fb.lang]}
    if not only_a or not only_b:
        # One name is the other plus words: a branch if those words name a foreign place.
        longer, lf, extra, shorter = (b, fb, only_b, a) if not only_a else (a, fa, only_a, b)
        native = tuple(w for w, l in zip(lf.core, lf.latin) if l in extra)
        found = ctx.places.lookup(native, lf.lang)
        if not found:
            return None
        home = ctx.home(shorter)
        countries = sorted({c for _, c in found})
        evidence.update({"qualifier": list(native), "places": countries, "home": home})
        if home is None or home not in countries:
            return judge(a.id, b.id, DIFFERENT, BRANCH, 1.0, evidence)
        if len(native) <= 2:  # "w Warszawie", "České republiky": the seat, not a branch
            return judge(a.id, b.id, SAME, QUALIFIER, 0.9, evidence)
        return None
    # A place among the words only one side has: sibling or branch offices, never a typo.
    lone_a = {w for w in only_a if not any(fuzz.ratio(w, v) >= 80 for v in only_b)}
    lone_b = {w for w in only_b if not any(fuzz.ratio(w, v) >= 80 for v in only_a)}
    pa = {c for _, c in ctx.places.lookup(tuple(w for w, l in zip(fa.core, fa.latin) if l in lone_a), fa.lang)}
    pb = {c for _, c in ctx.places.lookup(tuple(w for w, l in zip(fb.core, fb.latin) if l in lone_b), fb.lang)}
    if pa != pb:
        evidence.update({"places": [sorted(pa), sorted(pb)]})
        return judge(a.id, b.id, DIFFERENT, BRANCH, 0.9, evidence) if pa and pb else None
    # Compare in the names' own script when they share it: one Cyrillic letter can be three Latin ones.
    same_script = fa.script == fb.script
    ta = " ".join(sorted(fa.core if same_script else fa.latin))
    tb = " ".join(sorted(fb.core if same_script else fb.latin))
    if min(len(ta), len(tb)) < MIN_FUZZY_LEN:
        return None
    # Lemmatisers "correct" a misspelt word into another lemma: compare spellings too.
    pairs = [(fa.core, fb.core), (fa.surface, fb.surface)] if same_script else [(fa.latin, fb.latin), (fa.spelled, fb.spelled)]
    score, weakest = max(soft_token_score(wa, wb) for wa, wb in pairs)
    if score < FUZZY_SAME or weakest < MIN_WORD_RATIO:
        return None
    evidence.update({"score": round(score, 1), "weakest_word": round(weakest, 1),
                     "token_set_ratio": round(fuzz.token_set_ratio(ta, tb), 1)})
    return judge(a.id, b.id, SAME, FUZZY, score / 100, evidence)


def soft_token_score(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[float, float]:
    """(length-weighted similarity of best-paired words, similarity of the worst pair), 0–100.

    Unlike token_sort_ratio a typo in a word's first letter does not reorder
    the words; unlike token_set_ratio one name being part of the other is no
    match (an unpaired word scores 0).
    """
    if len(a) != len(b):
        return 0.0, 0.0
    left, right = list(a), list(b)
    total = weight = 0.0
    weakest = 100.0
    while left:
        best = max(((fuzz.ratio(x, y), i, k) for i, x in enumerate(left) for k, y in enumerate(right)))
        sim, i, k = best
        w = len(left[i]) + len(right[k])
        total += sim * w
        weight += w
        weakest = min(weakest, sim)
        left.pop(i)
        right.pop(k)
    return total / weight, weakest


def rule_fuzzy(ctx: Context) -> Iterator[Judgement]:
    """resolve.fuzzy.v1 and resolve.branch.v1: blocked rapidfuzz comparison of organisation names."""
    items: list[tuple[Record, NameForm]] = [(r, f) for r in ctx.of("Organisation") for f in ctx.forms[r.id]]
    words = [f.latin for _, f in items]
    best: dict[tuple[str, str], Judgement] = {}
    for i, j in candidate_pairs(words):
        (a, fa), (b, fb) = items[i], items[j]
        if a.id == b.id or fa.latin_key == fb.latin_key:
            continue
        verdict = compare(ctx, a, fa, b, fb)
        if verdict is None:
            continue
        old = best.get(verdict.pair)
        # A branch verdict outranks any fuzzy 'same' between the same two entities.
        if old is None or (verdict.verdict == DIFFERENT, verdict.score) > (old.verdict == DIFFERENT, old.score):
            best[verdict.pair] = verdict
    yield from (best[p] for p in sorted(best))
