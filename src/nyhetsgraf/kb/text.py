"""What the story and near-duplicate finders read from an article's text: content stems and shingles."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)

# Function words of bokmål and nynorsk (and news boilerplate) that say nothing about a happening.
STOPWORDS = frozenset(["alle", "andre", "at", "av", "bare", "ble", "blei", "blir", "bli", "både", "da", "dag", "de", "dei", "deira", "deires", "dem", "den", "denne", "der", "dere", "deres", "det", "dette", "di", "din", "disse", "du", "då", "eg", "ein", "eit", "eitt", "eller", "elles", "en", "enn", "er", "et", "ett", "etter", "for", "fordi", "fra", "frå", "før", "ha", "hadde", "han", "hans", "har", "hennar", "henne", "hennes", "her", "hjå", "ho", "hoe", "honom", "hoss", "hossen", "hun", "hvem", "hver", "hvilke", "hvor", "hvordan", "hvorfor", "i", "ikke", "ikkje", "inn", "innen", "ingen", "inkje", "jeg", "kan", "kom", "kun", "kunne", "kva", "kvar", "kvarhelst", "kven", "kvi", "kvifor", "man", "mange", "me", "med", "medan", "meg", "meget", "mellom", "men", "mens", "mer", "mest", "mot", "mykje", "mye", "må", "ned", "noe", "noen", "nokon", "nokor", "nokre", "nå", "når", "og", "også", "om", "opp", "oss", "over", "på", "samme", "seg", "selv", "sia", "sidan", "siden", "sin", "sine", "sitt", "sjøl", "skal", "skulle", "slik", "so", "som", "somme", "somt", "så", "sånn", "til", "um", "upp", "ut", "uten", "var", "vart", "varte", "ved", "vere", "verte", "vi", "vil", "ville", "vore", "vors", "vort", "være", "vært", "å", "sier", "sa", "seier", "sagt", "ifølge", "skriver", "opplyser", "opplyste", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "måndag", "tysdag", "laurdag", "sundag", "januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember", "uke", "uka", "veke", "veka", "året", "år", "dager", "dagar", "dagen", "døgnet", "morgen", "kveld", "natt", "ettermiddag", "fortsatt", "framleis", "fortsett", "allerede", "allereie", "ifølgje", "nye", "nytt", "ny", "første", "andre", "tredje", "flere", "fleire", "mange", "mer", "meir", "mest", "enda", "endå", "ennå", "blant", "både", "like", "rundt", "cirka", "omtrent", "minst", "over", "under", "etter", "før", "igjen", "igjen", "tidligere", "tidlegare", "seinare", "senere", "hele", "heile"])


@cache
def _stemmer():  # noqa: ANN202 - snowballstemmer has no type hints
    import snowballstemmer

    return snowballstemmer.stemmer("norwegian")


def content_terms(text: str, limit: int = 60) -> list[str]:
    """The article's most used content-word stems (lower-case words only: names are the entities' job)."""
    words = [w for w in _WORD.findall(text) if w.islower() and len(w) >= 4 and w not in STOPWORDS]
    stems = Counter(_stemmer().stemWords(words))
    return [stem for stem, _ in sorted(stems.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def shingles(text: str, size: int = 3) -> set[str]:
    """Word n-grams of the folded text: what near-duplicates share."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
