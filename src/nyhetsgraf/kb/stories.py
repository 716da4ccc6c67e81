"""Stories: articles that report one happening and its follow-ups, and near-duplicates.

Two articles are linked when they are at most ``WINDOW_DAYS`` apart and share enough *specific*
entities (each weighted by how rare it is among the articles of those weeks, capped, so that
"Norge" or "NTB" count for little and no single name links two articles on its own) together with
content words. Stories are the connected groups of links. Every weight depends only on the articles
within ``WINDOW_DAYS`` of the pair, so an ingest only has to score the new articles' pairs and the
stored pairs whose weights the new articles moved (``storage``), and the result does not depend on
the order articles came in.

Near-duplicates (a wire story republished with small edits) share most word 3-grams: MinHash/LSH
(datasketch) finds candidates, the exact Jaccard similarity decides.
"""

from __future__ import annotations

import hashlib
import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from functools import cache
from itertools import accumulate
from typing import Any, TypeVar

from nyhetsgraf.kb.names import name_key
from nyhetsgraf.kb.resolve import LinkEntity
from nyhetsgraf.kb.text import jaccard

# A node of ``components``: an article id, or a tagged (kind, id) pair.
Node = TypeVar("Node")

WINDOW_DAYS = 31  # how far apart two linked articles may be, and the weeks whose articles weigh a name
MAX_KEY_WEIGHT = 3.0  # no single name links two articles on its own
TERM_WEIGHT = 10.0  # weight of the content-word Jaccard similarity
LINK_THRESHOLD = 4.5
FEW_ARTICLES = 10  # a name in at most this many articles of those weeks always counts something
BROAD_FEW_WEIGHT = 0.5  # what such a name counts when it is a country, big city or agency
MIN_KEY_WEIGHT = 1.0  # a name in more than a third of the articles of those weeks counts for nothing
PRIOR_ARTICLES = 5  # added to the article count, so that in a small store shared names still count
MIN_SHARED_KEYS = 2
DUPLICATE_JACCARD = 0.4  # word 3-gram Jaccard similarity of near-duplicates (follow-ups share < 0.1)
NUM_PERM = 120
LSH_BANDS, LSH_ROWS = 40, 3
# A candidate shares two bands: at 0.5 similarity it is found with 97 % chance, at 0.6 with 99.9 %;
# unrelated articles that share boilerplate (0.1) almost never are.
MIN_BAND_MATCHES = 2


def day_number(date: str | None) -> int:
    """Days since year 1 of an ISO date (partial dates at their first day); 0 when there is none."""
    if not date:
        return 0
    text = date[:10]
    try:
        if len(text) == 4:
            return Date(int(text), 1, 1).toordinal()
        if len(text) == 7:
            return Date(int(text[:4]), int(text[5:7]), 1).toordinal()
        return Date.fromisoformat(text).toordinal()
    except ValueError:
        return 0


def story_keys(entities: Iterable[LinkEntity]) -> frozenset[str]:
    """The names an article's story is recognised by: full person names, every other entity's keys."""
    keys: set[str] = set()
    for e in entities:
        if e.cls == "PER":
            if not e.is_one_word_person:
                keys.add("p:" + e.key)
        else:
            keys.update(e.name_keys())
    return frozenset(k for k in keys if k)


@dataclass(slots=True)
class StoryArticle:
    """What story linking knows of an article."""

    rid: int  # storage order
    id: str
    day: int
    keys: frozenset[str]
    terms: frozenset[str]


@dataclass(slots=True)
class WindowStats:
    """Article counts within ``WINDOW_DAYS`` of a day: in all, and per name."""

    articles_by_day: Counter[int] = field(default_factory=Counter)
    keys_by_day: dict[str, Counter[int]] = field(default_factory=dict)
    # sorted days and running totals of one count (None: all articles), for window sums by bisection
    _prefix: dict[str | None, tuple[list[int], list[int]]] = field(default_factory=dict)
    _weights: dict[tuple[str, int], float] = field(default_factory=dict)

    def add(self, article: StoryArticle) -> None:
        self.add_count(None, article.day, 1)
        for key in article.keys:
            self.add_count(key, article.day, 1)

    def add_count(self, key: str | None, day: int, n: int) -> None:
        """Count ``n`` more articles on ``day`` (that name ``key``; None: articles in all)."""
        self._weights.clear()
        self._prefix.pop(key, None)
        if key is None:
            self.articles_by_day[day] += n
        else:
            self.keys_by_day.setdefault(key, Counter())[day] += n

    def without(self, articles: Iterable[StoryArticle]) -> WindowStats:
        """These statistics less ``articles`` (which they count)."""
        articles = list(articles)
        changed = {k for a in articles for k in a.keys}
        keys_by_day = {k: (Counter(c) if k in changed else c) for k, c in self.keys_by_day.items()}
        fewer = WindowStats(Counter(self.articles_by_day), keys_by_day)
        for a in articles:
            fewer.articles_by_day[a.day] -= 1
            for k in a.keys:
                fewer.keys_by_day[k][a.day] -= 1
        return fewer

    def _window(self, key: str | None, counts: Counter[int], day: int) -> int:
        prefix = self._prefix.get(key)
        if prefix is None:
            days = sorted(counts)
            prefix = self._prefix[key] = (days, list(accumulate(counts[d] for d in days)))
        days, totals = prefix
        lo = bisect_left(days, day - WINDOW_DAYS)
        hi = bisect_right(days, day + WINDOW_DAYS)
        return (totals[hi - 1] if hi else 0) - (totals[lo - 1] if lo else 0)

    def articles_near(self, day: int) -> int:
        return self._window(None, self.articles_by_day, day)

    def key_near(self, key: str, day: int) -> int:
        counts = self.keys_by_day.get(key)
        return self._window(key, counts, day) if counts else 0

    def weight_at(self, key: str, day: int) -> float:
        """The weight of ``key`` seen from one day: its inverse document frequency among the articles
        within ``WINDOW_DAYS``, capped; 0 for a name in too many of them, except that a particular
        name in only a few articles always counts (in a small store every name is in most articles)."""
        found = self._weights.get((key, day))
        if found is None:
            df = max(self.key_near(key, day), 1)
            weight = min(MAX_KEY_WEIGHT, math.log((self.articles_near(day) + PRIOR_ARTICLES) / df))
            if weight < MIN_KEY_WEIGHT:
                # In a quiet stretch of the store every name is in most articles: a name in only a few
                # still says something, a particular one more than a country or an agency.
                if df > FEW_ARTICLES:
                    weight = 0.0
                else:
                    weight = MIN_KEY_WEIGHT if is_specific(key) else BROAD_FEW_WEIGHT
            found = self._weights[(key, day)] = weight
        return found


BIG_CITY = 500_000  # a town this big (a capital) says as little about a happening as a country


@cache
def broad_names() -> frozenset[str]:
    """Folded names that say little about a happening (``data/broad_names.txt``)."""
    from importlib.resources import files

    text = (files("nyhetsgraf.kb") / "data" / "broad_names.txt").read_text(encoding="utf-8")
    return frozenset(
        name_key(line) for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def is_specific(key: str) -> bool:
    """Whether a story key names something particular: a person, or a place or organisation that is no
    country, no big city and not in ``broad_names``."""
    if key.startswith("p:"):
        return True
    from nyhetsgraf.resources.gazetteer import is_country, town_population

    return key not in broad_names() and not is_country(key) and town_population(key) < BIG_CITY


def key_score(a_keys: frozenset[str], a_day: int, b_keys: frozenset[str], b_day: int,
              stats: WindowStats) -> float:
    """What the names two articles share weigh together; 0 when they are too far apart or share fewer
    than ``MIN_SHARED_KEYS`` names of weight, none of them particular (then the pair never links)."""
    if abs(a_day - b_day) > WINDOW_DAYS:
        return 0.0
    shared = a_keys & b_keys
    if len(shared) < MIN_SHARED_KEYS:
        return 0.0
    weighted = {k: w for k in shared if (w := min(stats.weight_at(k, a_day), stats.weight_at(k, b_day))) > 0}
    if len(weighted) < MIN_SHARED_KEYS or not any(is_specific(k) for k in weighted):
        return 0.0
    return sum(sorted(weighted.values()))  # summed in one order: the same score whatever the set order


def link_score(a: StoryArticle, b: StoryArticle, stats: WindowStats) -> float:
    """The evidence that two articles report one happening; 0 when they are too far apart."""
    names = key_score(a.keys, a.day, b.keys, b.day, stats)
    if not names:
        return 0.0
    return names + TERM_WEIGHT * jaccard(a.terms, b.terms)


def linked(a: StoryArticle, b: StoryArticle, stats: WindowStats) -> bool:
    return link_score(a, b, stats) >= LINK_THRESHOLD


def story_id(members: Sequence[tuple[int, str]]) -> str:
    """A story's id from its content: its earliest article (by day, then article id)."""
    first = min(members)
    return "s" + hashlib.sha1(first[1].encode("utf-8")).hexdigest()[:12]


def components(nodes: Iterable[Node], edges: Iterable[tuple[Node, Node]]) -> list[list[Node]]:
    """Connected groups of ``nodes`` under ``edges``, each sorted, in sorted order (a group's first
    node is its least). Nodes are any values that sort among themselves: ids, or tagged tuples."""
    parent: dict[Node, Node] = {n: n for n in nodes}

    def find(x: Node) -> Node:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[Node, list[Node]] = {}
    for n in parent:
        groups.setdefault(find(n), []).append(n)
    return sorted(sorted(g) for g in groups.values())


def cluster(articles: Sequence[StoryArticle]) -> dict[str, str]:
    """Story id of every article, over the whole given corpus at once (what ``update`` keeps up to date)."""
    stats = WindowStats()
    for a in articles:
        stats.add(a)
    by_key: dict[str, list[StoryArticle]] = {}
    for a in articles:
        for k in a.keys:
            by_key.setdefault(k, []).append(a)
    edges = set()
    for a in articles:
        for b in candidates(a, by_key, stats):
            if a.id < b.id and linked(a, b, stats):
                edges.add((a.id, b.id))
    day = {a.id: a.day for a in articles}
    result = {}
    for group in components([a.id for a in articles], edges):
        sid = story_id([(day[m], m) for m in group])
        for m in group:
            result[m] = sid
    return result


def candidates(
    a: StoryArticle, by_key: dict[str, list[StoryArticle]], stats: WindowStats | None = None
) -> list[StoryArticle]:
    """Articles within the window sharing a name with ``a`` (names too common to weigh anything left out)."""
    seen: dict[str, StoryArticle] = {}
    for k in a.keys:
        if stats is not None and stats.weight_at(k, a.day) == 0.0:
            continue  # it would weigh nothing for any pair with ``a``
        for b in by_key.get(k, ()):
            if b.id != a.id and abs(b.day - a.day) <= WINDOW_DAYS:
                seen[b.id] = b
    return [seen[i] for i in sorted(seen)]


# -- near-duplicates ---------------------------------------------------------------------------------


@cache
def _empty_minhash() -> Any:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1)


def band_hashes(shingle_set: set[str]) -> list[int]:
    """One LSH bucket per band of the MinHash signature, as signed 63-bit integers (a BIGINT column)."""
    minhash = _empty_minhash().copy()  # the permutations are computed once
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingle_set)])
    values = minhash.hashvalues
    buckets = []
    for band in range(LSH_BANDS):
        chunk = values[band * LSH_ROWS : (band + 1) * LSH_ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=band.to_bytes(2, "big")).digest()
        buckets.append(int.from_bytes(digest, "big") >> 1)
    return buckets


def near_duplicates(a: set[str], b: set[str]) -> bool:
    small, large = sorted((len(a), len(b)))
    if not large or small < DUPLICATE_JACCARD * large:  # Jaccard is at most small / large
        return False
    return jaccard(a, b) >= DUPLICATE_JACCARD
