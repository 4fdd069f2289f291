"""Memory and load time of simplemma's dictionaries: plain dicts against cached MARISA tries.

    .venv/bin/python bench/lemmas.py            # runs both, each in a fresh process

Prints one line per kind: first-load seconds for Polish, tokens/s, peak RSS after
loading pl, bg, cs and de.  The trie kind reads the cache `integraph prepare` builds
(run it first, or the first trie run includes the build).
"""
from __future__ import annotations

import resource
import subprocess
import sys
import time

WORDS = ("Rumunii Hiszpanii Szwecji Łotwy Estonii Polsce Brukseli Rygi organizację międzynarodową "
         "urzędu fundacji stowarzyszenia").split()


def run(kind: str) -> None:
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    if kind == "trie":
        from simplemma.strategies.dictionaries.trie_dictionary_factory import TrieDictionaryFactory

        from integraph.textutil import lemma_cache_dir

        factory = TrieDictionaryFactory(disk_cache_dir=str(lemma_cache_dir()))
    else:
        from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

        factory = DefaultDictionaryFactory()
    lem = Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))
    t = time.perf_counter()
    lem.lemmatize("test", lang="pl")
    load = time.perf_counter() - t
    words = [w.lower() for w in WORDS] * 5000
    t = time.perf_counter()
    for w in words:
        lem.lemmatize(w, lang="pl")
    speed = len(words) / (time.perf_counter() - t)
    for lang in ("bg", "cs", "de"):
        lem.lemmatize("test", lang=lang)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{kind}: pl first load {load:.2f}s, {speed:,.0f} tok/s, peak RSS with pl+bg+cs+de {rss:.0f} MB")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        run(sys.argv[1])
    else:
        for kind in ("dict", "trie"):
            subprocess.run([sys.executable, __file__, kind], check=True)
