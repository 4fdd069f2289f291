"""Resolution benchmark: ≥100 000 generated organisation names with known truth clusters.

    .venv/bin/python bench/resolution.py [--names 100000] [--seed 7]

Each truth cluster is one organisation; its names are variants a corpus
really shows: case, legal form dropped or moved, Polish/Czech/Bulgarian/German
inflection (real forms from simplemma's dictionaries), Bulgarian Cyrillic →
Latin (Streamlined System), acronym alone, a typo, words swapped.  Hard
negatives are generated too: sibling organisations differing by one word,
and branch offices (the name plus a country).  Each name is one entity in
its own document, so nothing is resolved by document context.

The matching is the resolver's own (`engine.match` + `clusters.cluster`) on
in-memory records.  Prints one line: names, pairwise precision and recall,
runtime of matching, peak RSS.
"""
from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import sys
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from integraph.resolve.clusters import cluster  # noqa: E402
from integraph.resolve.engine import match  # noqa: E402
from integraph.resolve.records import Record  # noqa: E402
from integraph.resolve.translit import bulgarian_to_latin  # noqa: E402
from integraph.textutil import lemma  # noqa: E402

LANGS = {"pl": 0.25, "cs": 0.15, "bg": 0.2, "de": 0.15, "en": 0.15, "fr": 0.1}
LEGAL = {
    "pl": ["Fundacja", "Stowarzyszenie"], "cs": ["Nadace", "spolek"], "bg": ["Фондация", "Сдружение"],
    "de": ["Stiftung", "Verein"], "en": ["Foundation", "Association"], "fr": ["Fondation", "Association"],
}
SUFFIX_FORMS = {"de": ["e.V."], "cs": ["z. s.", "o.p.s."], "en": ["Ltd"], "fr": ["ASBL"]}
LINKS = {"pl": ["na rzecz", "dla", "i"], "cs": ["pro", "a"], "bg": ["за", "на", "и"], "de": ["für", "und"],
         "en": ["for", "and", "of"], "fr": ["pour", "et", "de"]}
COUNTRIES = {"pl": ["Francja", "Niemcy", "Włochy"], "cs": ["Francie", "Německo", "Rakousko"],
             "bg": ["Франция", "Германия", "Гърция"], "de": ["Frankreich", "Italien", "Polen"],
             "en": ["France", "Germany", "Italy"], "fr": ["Allemagne", "Italie", "Pologne"]}
INFLECTED = {"pl", "cs", "bg", "de"}


def vocabulary(lang: str, rng: random.Random, size: int = 6000) -> dict[str, list[str]]:
    """lemma → its inflected forms, for `size` random dictionary words of 5–12 letters."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    table = DefaultDictionaryFactory().get_dictionary(lang)
    forms: dict[str, list[str]] = {}
    for form, lemma in table.items():
        if form.isalpha() and lemma.isalpha() and 5 <= len(lemma) <= 12 and form.islower() and lemma.islower():
            forms.setdefault(lemma, []).append(form)
    lemmas = sorted(l for l in forms if l in forms[l] or lang not in INFLECTED)
    chosen = rng.sample(lemmas, min(size, len(lemmas)))
    return {l: sorted(set(forms[l])) for l in chosen}


def typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice("dsit")
    if kind == "d":
        return word[:i] + word[i + 1:]
    if kind == "s":
        return word[:i] + rng.choice(word) + word[i + 1:]  # a letter of the same script
    if kind == "i":
        return word[:i] + rng.choice(word) + word[i:]
    return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.vocab = {lang: vocabulary(lang, self.rng) for lang in LANGS}
        self.words = {lang: sorted(v) for lang, v in self.vocab.items()}

    def base(self, lang: str) -> list[str]:
        n = self.rng.choice([2, 3, 3, 3, 4])
        return [self.rng.choice(self.words[lang]) for _ in range(n)]

    def render(self, lang: str, words: list[str], inflect: bool, legal: str | None, suffix: bool) -> str:
        rng = self.rng
        out = []
        for i, w in enumerate(words):
            if inflect and lang in INFLECTED:
                w = rng.choice(self.vocab[lang].get(w, [w]))
            out.append(w.capitalize() if i == 0 or rng.random() < 0.5 else w)
            if i == 0 and len(words) > 2:
                out.append(rng.choice(LINKS[lang]))
        name = " ".join(out)
        if legal:
            name = f"{name} {legal}" if suffix else f"{legal} {name}"
        return name

    def variants(self, lang: str, words: list[str], n: int) -> list[tuple[str, str]]:
        """n (name, language) variants of one organisation."""
        rng = self.rng
        legal = rng.choice(LEGAL[lang] + SUFFIX_FORMS.get(lang, [])) if rng.random() < 0.7 else None
        suffix = legal in SUFFIX_FORMS.get(lang, [])
        canonical = self.render(lang, words, False, legal, suffix)
        out = [(canonical, lang)]
        while len(out) < n:
            kind = rng.choices(["case", "legal", "inflect", "translit", "acronym", "typo", "order"],
                               [2, 2, 3, 2, 0.4, 2, 1])[0]
            if kind == "case":
                name = rng.choice([canonical.upper(), canonical.lower(), canonical.title()])
            elif kind == "legal":
                name = self.render(lang, words, False, None if legal else rng.choice(LEGAL[lang]), False)
            elif kind == "inflect":
                name = self.render(lang, words, True, legal, suffix)
            elif kind == "translit" and lang == "bg":
                out.append((bulgarian_to_latin(self.render(lang, words, False, legal, suffix)).title(), "en"))
                continue
            elif kind == "acronym" and len(words) >= 3:
                name = "".join(w[0] for w in words).upper()
            elif kind == "typo":
                ws = list(words)
                i = max(range(len(ws)), key=lambda k: len(ws[k]))
                ws[i] = typo(ws[i], rng)
                name = self.render(lang, ws, False, legal, suffix)
            elif kind == "order":
                ws = list(words)
                rng.shuffle(ws)
                name = self.render(lang, ws, False, legal, suffix)
            else:
                continue
            out.append((name, lang))
        return out

    def corpus(self, total: int) -> list[tuple[str, str, int]]:
        """(name, language, truth cluster) rows, about `total` of them."""
        rng = self.rng
        rows: list[tuple[str, str, int]] = []
        bases: list[tuple[str, list[str]]] = []
        seen: set[tuple[str, ...]] = set()
        cluster_id = 0
        while len(rows) < total:
            r = rng.random()
            if bases and r < 0.12:  # a sibling: one word differs
                lang, words = rng.choice(bases)
                words = list(words)
                words[rng.randrange(len(words))] = rng.choice(self.words[lang])
            elif bases and r < 0.17:  # a branch office: the name plus a country
                lang, words = rng.choice(bases)
                words = words + [rng.choice(COUNTRIES[lang])]
            else:
                lang = rng.choices(list(LANGS), list(LANGS.values()))[0]
                words = self.base(lang)
            if tuple(sorted(words)) in seen:
                continue  # two organisations never share a name
            seen.add(tuple(sorted(words)))
            bases.append((lang, words))
            size = rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 9])
            for name, name_lang in self.variants(lang, words, size):
                rows.append((name, name_lang, cluster_id))
            cluster_id += 1
        return rows[:total]


def generate(seed: int, total: int) -> list[tuple[str, str, int]]:
    return Generator(seed).corpus(total)


def pairwise(truth: list[int], predicted: list[str]) -> tuple[float, float]:
    """Pairwise precision and recall of a predicted clustering against the truth."""
    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter(zip(truth, predicted)))
    pred, true = pairs(Counter(predicted)), pairs(Counter(truth))
    return (both / pred if pred else 1.0), (both / true if true else 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong merges and misses")
    args = parser.parse_args()
    # Generate in a child process: reading whole lemma dictionaries to pick inflected forms
    # is the generator's cost, and must not count in the resolver's peak memory.
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        rows = pool.submit(generate, args.seed, args.names).result()
    records = [Record(id=f"n{i:06d}", schema="Organisation", doc=f"d{i:06d}", lang=lang, names=[name])
               for i, (name, lang, _) in enumerate(rows)]
    for lang in LANGS:  # load the lemma dictionaries before the clock starts (a fixed cost)
        lemma("warmup", lang)
    start = time.perf_counter()
    judgements = match(records)
    groups, _ = cluster([r.id for r in records], judgements)
    elapsed = time.perf_counter() - start
    of = {m: root for root, members in groups.items() for m in members}
    predicted = [of[r.id] for r in records]
    precision, recall = pairwise([c for _, _, c in rows], predicted)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"names={len(rows)} precision={precision:.4f} recall={recall:.4f} runtime={elapsed:.1f}s peak_rss={rss:.0f}MB")
    if args.errors:
        show_errors(rows, records, predicted, judgements, args.errors)


def show_errors(rows, records, predicted, judgements, n) -> None:  # type: ignore[no-untyped-def]
    index = {r.id: i for i, r in enumerate(records)}
    wrong = [j for j in judgements if j.verdict == "same" and rows[index[j.left]][2] != rows[index[j.right]][2]]
    print(f"-- {len(wrong)} wrong same judgements, e.g.:")
    for j in wrong[:n]:
        print("  ", j.rule, rows[index[j.left]][:2], rows[index[j.right]][:2], j.score)
    by_truth: dict[int, list[int]] = {}
    for i, (_, _, c) in enumerate(rows):
        by_truth.setdefault(c, []).append(i)
    shown = 0
    print("-- misses, e.g.:")
    for members in by_truth.values():
        split = {predicted[i] for i in members}
        if len(split) > 1 and shown < n:
            print("  ", [(rows[i][0], predicted[i][-4:]) for i in members])
            shown += 1


if __name__ == "__main__":
    main()
