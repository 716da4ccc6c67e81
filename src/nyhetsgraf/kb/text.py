"""What the story and near-duplicate finders read from an article's text: content stems and shingles."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


@cache
def stopwords() -> frozenset[str]:
    """Function words of bokmål and nynorsk and news boilerplate (``data/stopwords.txt``)."""
    text = (files("nyhetsgraf.kb") / "data" / "stopwords.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


@cache
def _stemmer() -> Any:  # snowballstemmer has no type hints
    import snowballstemmer

    return snowballstemmer.stemmer("norwegian")


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


def content_terms(text: str, limit: int = 60) -> list[str]:
    """The article's most used content-word stems (lower-case words only: names are the entities' job)."""
    words = [w for w in _WORD.findall(text) if w.islower() and len(w) >= 4 and w not in stopwords()]
    stems = Counter(stem(w) for w in words)
    return [stem for stem, _ in sorted(stems.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def shingles(text: str, size: int = 3) -> set[str]:
    """Word n-grams of the folded text: what near-duplicates share."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
