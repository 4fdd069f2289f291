"""Benchmark the gazetteers: city-table build, lookups, tagging speed, peak memory, seed precision.

    .venv/bin/python bench/gazetteer.py            # uses a fresh temporary cache for the build
    .venv/bin/python bench/gazetteer.py --keep     # reuse INTEGRAPH_CACHE / ~/.cache/integraph

Precision on the seeds compares found places with ../shared/gold/seeds.json (a found
country is right when its ISO code is a gold place; a found town when its name or
matched text is one of a gold town's names).
"""
from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def rss_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    if "--keep" not in sys.argv:
        os.environ["INTEGRAPH_CACHE"] = tempfile.mkdtemp(prefix="integraph-bench-")
    sys.path.insert(0, str(ROOT))
    from integraph.gazetteer import cities, countries, cues, funds, orgs
    from integraph.textutil import fold

    print(f"start RSS {rss_mb():.0f} MB")
    t = time.perf_counter()
    path = cities.ensure_built()
    print(f"city table: {time.perf_counter() - t:.2f} s to build/open, {path.stat().st_size / 1e6:.1f} MB, "
          f"builder peak RSS {rss_mb(resource.RUSAGE_CHILDREN):.0f} MB (child process)")

    names = ["Lublin", "Kartagena", "Bruksela", "Radomir", "Радомир", "Linkoping", "Ryga", "Dietzenbach", "Brusel", "Nowhere"]
    cities.lookup("Lublin")  # open the connection
    raw = cities._lookup_folded.__wrapped__
    keys = [fold(x) for x in names]
    n = 5000
    t = time.perf_counter()
    for k in range(n):
        raw(keys[k % len(keys)])
    sql = (time.perf_counter() - t) / n * 1e6
    t = time.perf_counter()
    for k in range(n):
        cities.lookup(names[k % len(names)])
    print(f"city lookup: {sql:.1f} µs uncached SQL on a folded key; {(time.perf_counter() - t) / n * 1e6:.1f} µs cached lookup() of a name")

    seeds = {p.name[:3]: p for p in sorted((SHARED / "seeds").glob("*.txt"))} if SHARED.is_dir() else {}
    if not seeds:
        print("../shared not found: skipping seed measurements")
        return
    langs = {"000": "bg", "001": "bg", "002": "pl", "003": "pl", "004": "cs"}
    gold = json.loads((SHARED / "gold" / "seeds.json").read_text("utf-8"))
    gold_countries = {p["key"] for p in gold["places"] if p["kind"] == "country"}
    gold_towns = {fold(n) for p in gold["places"] if p["kind"] == "city" for n in p["names"]}

    for name, fn in (("funds", funds.find), ("countries", countries.find), ("cities", cities.find),
                     ("international", orgs.find_international), ("status", cues.match_status)):
        first = later = 0.0
        for rnd in range(2):
            t = time.perf_counter()
            for key, p in seeds.items():
                fn(p.read_text("utf-8"), langs[key])
            dt = time.perf_counter() - t
            first, later = (dt, later) if rnd == 0 else (first, dt)
        chars = sum(len(p.read_text("utf-8")) for p in seeds.values())
        print(f"{name:13s} first pass {first:6.2f} s (index + dictionaries), then {later * 1000:7.1f} ms "
              f"= {chars / later / 1000:.0f} k chars/s; RSS now {rss_mb():.0f} MB")

    print("\nseed precision")
    totals = {"countries": [0, 0], "cities": [0, 0]}
    for key, p in seeds.items():
        text = p.read_text("utf-8")
        found_c = countries.find(text, langs[key])
        right_c = [m for m in found_c if m.value in gold_countries]
        found_t = cities.find(text, langs[key])
        right_t = [m for m in found_t if fold(text[m.start:m.end]) in gold_towns or fold(m.extra["name"]) in gold_towns]
        wrong_t = [f"{text[m.start:m.end]}→{m.extra['name']} {m.extra['country']}" for m in found_t if m not in right_t]
        totals["countries"][0] += len(right_c)
        totals["countries"][1] += len(found_c)
        totals["cities"][0] += len(right_t)
        totals["cities"][1] += len(found_t)
        print(f"  {key} ({langs[key]}): countries {len(right_c)}/{len(found_c)} {sorted({m.value for m in found_c})}; "
              f"towns {len(right_t)}/{len(found_t)} {sorted({m.extra['name'] for m in right_t})} wrong {wrong_t}")
    for k, (right, found) in totals.items():
        print(f"  {k}: precision {right}/{found} = {right / max(found, 1):.3f}")
    print(f"\npeak RSS {rss_mb():.0f} MB (this process; simplemma bg+pl+cs dictionaries loaded)")

    # memory per document language: a fresh process tags one seed with every gazetteer
    import subprocess
    probe = (
        "import resource,sys;from pathlib import Path;"
        "from integraph.gazetteer import funds,countries,cities,orgs,cues;"
        "t=Path(sys.argv[1]).read_text('utf-8');l=sys.argv[2];"
        "[f(t,l) for f in (funds.find,countries.find,cities.find,orgs.find_international,cues.match_status)];"
        # VmHWM, not ru_maxrss: the latter keeps the parent's high-water mark across exec
        "print([int(x.split()[1])//1024 for x in open('/proc/self/status') if x.startswith('VmHWM')][0])"
    )
    for key in ("000", "004", "003"):
        out = subprocess.run([sys.executable, "-c", probe, str(seeds[key]), langs[key]], capture_output=True, text=True, cwd=ROOT, check=True)
        print(f"  fresh process tagging seed {key} ({langs[key]}) with all gazetteers: peak RSS {out.stdout.strip()} MB")


if __name__ == "__main__":
    main()
