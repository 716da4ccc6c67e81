"""Keeping the knowledge base in the store up to date: ``link_pending`` after each ingest.

Portable SQL through ``SqlStore.query`` / ``execute`` (``?`` placeholders), so it runs on SQLite and
PostgreSQL alike. Each run links the articles stored since the last one and re-computes only what
they can change: their links, the stored links whose names' weights they moved, the stories those
links join or split, and the entities that share a blocking key with theirs (see ``stories`` and
``resolve``). Everything is derived from content, never from the order articles came in, so two runs
over two halves give what one run over the whole gives.
"""

from __future__ import annotations

import json
import time
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol, runtime_checkable

import numpy as np

from nyhetsgraf.kb import stories as story_linking
from nyhetsgraf.kb.records import UpdateSummary
from nyhetsgraf.kb.resolve import LinkEntity, canonical, resolve, surface_forms
from nyhetsgraf.kb.series import point_date
from nyhetsgraf.kb.stories import (
    WINDOW_DAYS,
    StoryArticle,
    WindowStats,
    day_number,
    is_specific,
    story_keys,
)
from nyhetsgraf.kb.text import content_terms, jaccard, shingles

CHUNK = 500  # ids per IN (...) list
BATCH_ARTICLES = 2000  # articles linked per transaction (a concurrent update waits for one)
# Article entities sharing a key beyond which only those of the stories touched are re-resolved.
HOT_BLOCK = 50
# LSH bucket members an article is compared with: the earliest (lowest rid) of each bucket. Text that
# repeats (templates, wire copy) fills buckets with thousands of articles; a near-duplicate group's
# earliest members stand for it, and this bounds both the memory and the time of a batch.
HOT_BUCKET = 24
PAGE_CACHE_KIB = 256 * 1024  # SQLite's page cache while linking (it fills only as pages are read)


@runtime_checkable
class KbStore(Protocol):
    """What the knowledge base needs of a store: portable SQL (``SqlStore`` has it)."""

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any: ...

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    def commit(self) -> None: ...

    def transaction(self) -> Any: ...


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def query_in(
    store: KbStore, sql: str, values: Iterable[Any], params: Sequence[Any] = (), after: Sequence[Any] = ()
) -> list[dict]:
    """Run ``sql`` whose ``{in}`` is an IN list of ``values``, in chunks; rows of every chunk.

    ``params`` bind the placeholders before the list, ``after`` those after it."""
    values = sorted(set(values))
    rows: list[dict[str, Any]] = []
    for part in chunks(values):
        rows += store.query(sql.replace("{in}", ",".join("?" * len(part))), [*params, *part, *after])
    return rows


def pending_count(store: KbStore) -> int:
    row = store.query(
        "SELECT count(*) AS n FROM articles a LEFT JOIN kb_articles k"
        " ON k.article_rid = a.rid WHERE k.article_rid IS NULL"
    )
    return int(row[0]["n"]) if row else 0


@contextmanager
def _page_cache(store: KbStore) -> Iterator[None]:
    """A larger SQLite page cache while linking. Its default of 2 MB holds a small store's indexes; in
    a large one the LSH buckets and name blocks an update reads are spread over far more pages, and
    re-reading them from the file made each batch slower as the store grew."""
    if getattr(getattr(store, "dialect", None), "name", None) != "sqlite":
        yield
        return
    (row,) = store.query("PRAGMA cache_size")
    before = int(next(iter(row.values())))
    store.execute(f"PRAGMA cache_size = {-PAGE_CACHE_KIB}")
    try:
        yield
    finally:
        store.execute(f"PRAGMA cache_size = {before}")


def link_pending(store: KbStore, batch_articles: int = BATCH_ARTICLES) -> UpdateSummary:
    """Link every article not yet in the knowledge base, in batches; each batch is one transaction."""
    with _page_cache(store):
        return _link_pending(store, batch_articles)


def _link_pending(store: KbStore, batch_articles: int) -> UpdateSummary:
    summary = UpdateSummary()
    started = time.perf_counter()
    undated = False  # whether an article without a date was linked (it may be a replaced one)
    # Read before linking: a re-linked article may move its old story into another, whose row then goes.
    dirty_days = _dirty_days(store)
    while True:
        with store.transaction():
            # The first write takes the store's write lock (a row lock on PostgreSQL), so a second process
            # updating at the same time waits, then sees what this one linked.
            store.execute("UPDATE kb_state SET updated_at = ? WHERE id = 1", (datetime.now(UTC).isoformat(),))
            rids = [
                int(r["rid"])
                for r in store.query(
                    "SELECT a.rid FROM articles a LEFT JOIN kb_articles k ON k.article_rid = a.rid"
                    " WHERE k.article_rid IS NULL ORDER BY a.rid LIMIT ?",
                    (batch_articles,),
                )
            ]
            if rids:
                undated |= _Batch(store, rids, summary).run()
        store.commit()
        if not rids:
            break
    with store.transaction():
        _recompute_dirty(store, summary, dirty_days + ([(0, 0)] if undated else []))
    store.commit()
    summary.seconds = time.perf_counter() - started
    return summary


def _dirty_days(store: KbStore) -> list[tuple[int, int]]:
    """The days spanned by the stories listed in kb_dirty (an article lies within its story's first and
    last date; an undated one at day 0)."""
    stories = {r["id"] for r in store.query("SELECT id FROM kb_dirty WHERE kind = 'story'")}
    return [
        (day_number(r["first_date"]), day_number(r["last_date"])) if r["first_date"] else (0, 0)
        for r in query_in(store, "SELECT first_date, last_date FROM kb_stories WHERE id IN ({in})", stories)
    ]


def _recompute_dirty(store: KbStore, summary: UpdateSummary, days: list[tuple[int, int]]) -> None:
    """Recompute the stories and corpus entities an article counted in before its facts were replaced
    (or it gave way to a longer version): the store lists them in kb_dirty when it unlinks the article.
    Runs after the pending articles are linked, so the re-linked article counts again where it belongs."""
    dirty = store.query("SELECT kind, id FROM kb_dirty")
    if not dirty:
        return
    stories = {r["id"] for r in dirty if r["kind"] == "story"}
    clusters = {r["id"] for r in dirty if r["kind"] == "entity"}
    batch = _Batch(store, [], summary)
    if stories:
        # The articles that left took their names out of the weights of the days around them: every pair
        # there is scored again. A replaced article without a date counts among the undated ones.
        batch._refresh(_merge_ranges(days + _dirty_days(store)) or [(0, 0)], stories)
    linked = query_in(store, "SELECT entity_id FROM kb_entity_links WHERE corpus_id IN ({in})", clusters)
    ids = {int(r["entity_id"]) for r in linked}
    members = load_link_entities(store, ids)
    before = {e.entity_id: cid for e, cid in members}
    after = resolve(e for e, _ in members)
    changed = [(cid, eid) for eid, cid in after.items() if before.get(eid) != cid]
    store.executemany("UPDATE kb_entity_links SET corpus_id = ? WHERE entity_id = ?", changed)
    summary.entities_relinked += len(changed)
    write_corpus_entities(store, [e for e, _ in members], before, after, clusters)
    gone = sorted(clusters - set(before.values()) - set(after.values()))  # no article names them now
    for part in chunks(gone):
        marks = ",".join("?" * len(part))
        store.execute(f"DELETE FROM kb_entities WHERE id IN ({marks})", part)  # noqa: S608
        store.execute(f"DELETE FROM kb_aliases WHERE entity IN ({marks})", part)  # noqa: S608
    store.execute("DELETE FROM kb_dirty WHERE kind IN ('story', 'entity')")


@dataclass(slots=True)
class _NewArticle:
    rid: int
    id: str
    date: str | None
    day: int
    text: str
    entities: list[LinkEntity]
    story: StoryArticle
    shingles: np.ndarray  # sorted hashes of the word 3-grams (a tenth of the memory of the strings)
    buckets: list[int]  # one LSH bucket per band


class _Batch:
    """One batch of new articles and everything it changes."""

    def __init__(self, store: KbStore, rids: list[int], summary: UpdateSummary) -> None:
        self.store = store
        self.rids = rids
        self.summary = summary

    def _time(self, step: str, started: float) -> None:
        self.summary.timings[step] = self.summary.timings.get(step, 0.0) + time.process_time() - started

    def run(self) -> bool:
        """Link the batch; whether it held an article without a date."""
        t = time.process_time()
        articles = self._load()
        self._time("load", t)
        t = time.process_time()
        self._insert_articles(articles)
        self._time("insert", t)
        t = time.process_time()
        duplicate_links = self._duplicates(articles)
        self._time("duplicates", t)
        t = time.process_time()
        changed_articles = self._stories(articles, duplicate_links)
        self._time("stories", t)
        t = time.process_time()
        self._entities(articles, changed_articles)
        self._time("entities", t)
        t = time.process_time()
        self._count_dates(articles)
        self._time("counts", t)
        self.summary.articles += len(articles)
        return any(a.day == 0 for a in articles)

    # -- reading the new articles ------------------------------------------------------------------

    def _load(self) -> list[_NewArticle]:
        store = self.store
        rows = query_in(store, "SELECT rid, id, date, text FROM articles WHERE rid IN ({in})", self.rids)
        mentions: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for m in query_in(
            store,
            'SELECT m.entity_id, m.start, m."end" FROM mentions m JOIN entities e'
            " ON e.entity_id = m.entity_id WHERE e.article_rid IN ({in})",
            self.rids,
        ):
            mentions[int(m["entity_id"])].append((int(m["start"]), int(m["end"])))
        entities: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for e in query_in(
            store,
            "SELECT entity_id, article_rid, name, type FROM entities WHERE article_rid IN ({in})",
            self.rids,
        ):
            entities[int(e["article_rid"])].append(e)
        offsets = {
            int(r["rid"]): int(r["span_start"])
            for r in query_in(store, "SELECT rid, span_start FROM articles WHERE rid IN ({in})", self.rids)
        }
        result = []
        for row in sorted(rows, key=lambda r: int(r["rid"])):
            rid, text = int(row["rid"]), row["text"]
            offset = offsets[rid]
            linked = []
            for e in sorted(entities.get(rid, []), key=lambda e: int(e["entity_id"])):
                spans = sorted(mentions.get(int(e["entity_id"]), []))
                surfaces = [text[s - offset : end - offset] for s, end in spans] or [e["name"]]
                linked.append(
                    LinkEntity(
                        int(e["entity_id"]),
                        row["id"],
                        row["id"],
                        e["name"],
                        e["type"],
                        surface_forms(e["name"], surfaces),
                        row["date"],
                    )
                )
            day = day_number(row["date"])
            story = StoryArticle(rid, row["id"], day, story_keys(linked), frozenset(content_terms(text)))
            words = shingles(text)
            buckets = story_linking.band_hashes(words)
            result.append(
                _NewArticle(rid, row["id"], row["date"], day, text, linked, story, _hashed(words), buckets)
            )
        return result

    def _insert_articles(self, articles: list[_NewArticle]) -> None:
        store = self.store
        store.executemany(
            "INSERT INTO kb_articles(article_rid, day_number, story, duplicate_of, terms)"
            " VALUES (?, ?, ?, NULL, ?)",
            [(a.rid, a.day, a.id, " ".join(sorted(a.story.terms))) for a in articles],
        )
        store.executemany(
            "INSERT INTO kb_story_keys(name_key, day_number, article_rid) VALUES (?, ?, ?)",
            [(k, a.day, a.rid) for a in articles for k in sorted(a.story.keys)],
        )

    # -- near-duplicates ---------------------------------------------------------------------------

    def _duplicates(self, articles: list[_NewArticle]) -> list[tuple[int, int]]:
        """Find the new articles' near-duplicates; the (article, original) pairs written (story links)."""
        store = self.store
        by_rid = {a.rid: a for a in articles}
        store.executemany(
            "INSERT INTO kb_lsh(band, bucket, article_rid) VALUES (?, ?, ?)",
            [(band, bucket, a.rid) for a in articles for band, bucket in enumerate(a.buckets)],
        )
        # Candidates found a slice of the batch at a time, so that what is held stays bounded.
        candidates: list[tuple[int, int]] = []
        for part in chunks(articles):
            in_buckets = self._bucket_members(part)
            for a in part:
                found: Counter[int] = Counter()
                for band, bucket in enumerate(a.buckets):
                    # every stored article, and the new ones before this one (each pair once)
                    found.update(o for o in in_buckets[(band, bucket)] if o < a.rid or o not in by_rid)
                candidates += [(a.rid, o) for o, n in found.items() if n >= story_linking.MIN_BAND_MATCHES]
        if not candidates:
            return []
        pairs = [
            (rid, o) for rid, o in candidates if o in by_rid and self._near(by_rid[rid], by_rid[o].shingles)
        ]
        # Older articles' shingles are computed a chunk at a time and dropped after their comparisons.
        against_old: dict[int, list[int]] = defaultdict(list)
        for rid, o in candidates:
            if o not in by_rid:
                against_old[o].append(rid)
        for part in chunks(sorted(against_old)):
            for r in store.query(
                f"SELECT rid, text FROM articles WHERE rid IN ({','.join('?' * len(part))})", part
            ):
                theirs = _hashed(shingles(r["text"]))
                pairs += [
                    (rid, int(r["rid"]))
                    for rid in against_old[int(r["rid"])]
                    if self._near(by_rid[rid], theirs)
                ]
        if not pairs:
            return []
        # Groups of near-duplicates (old members through their original), each pointing at its earliest.
        members: set[int] = {x for pair in pairs for x in pair}
        originals = {
            int(r["article_rid"]): r["duplicate_of"]
            for r in query_in(
                store,
                "SELECT article_rid, duplicate_of FROM kb_articles WHERE article_rid IN ({in})",
                members,
            )
        }
        heads = {int(o) for o in originals.values() if o is not None}
        for r in query_in(
            store, "SELECT article_rid FROM kb_articles WHERE duplicate_of IN ({in})", heads | members
        ):
            members.add(int(r["article_rid"]))
        members |= heads
        links = list(pairs) + [(rid, int(o)) for rid, o in originals.items() if o is not None]
        for r in query_in(
            store, "SELECT article_rid, duplicate_of FROM kb_articles WHERE duplicate_of IN ({in})", members
        ):
            links.append((int(r["article_rid"]), int(r["duplicate_of"])))
        days, current = {}, {}
        for r in query_in(
            store,
            "SELECT article_rid, day_number, duplicate_of FROM kb_articles WHERE article_rid IN ({in})",
            members,
        ):
            days[int(r["article_rid"])] = int(r["day_number"])
            current[int(r["article_rid"])] = None if r["duplicate_of"] is None else int(r["duplicate_of"])
        groups = story_linking.components([str(m) for m in members], [(str(a), str(b)) for a, b in links])
        written: list[tuple[int, int]] = []
        for group in groups:
            rids = [int(g) for g in group]
            if len(rids) < 2:
                continue
            head = min(rids, key=lambda r: (days.get(r, 0), r))
            # Only the rows that change are written: a large group gains a few members a batch.
            if current.get(head) is not None:
                store.execute("UPDATE kb_articles SET duplicate_of = NULL WHERE article_rid = ?", (head,))
            for rid in rids:
                if rid != head:
                    if current.get(rid) != head:
                        store.execute(
                            "UPDATE kb_articles SET duplicate_of = ? WHERE article_rid = ?", (head, rid)
                        )
                        written.append((min(rid, head), max(rid, head)))
                    self.summary.duplicates += rid in by_rid
        return written

    @staticmethod
    def _near(article: _NewArticle, theirs: np.ndarray) -> bool:
        """``stories.near_duplicates`` over hashed shingles (equal but for a 64-bit hash collision)."""
        small, large = sorted((len(article.shingles), len(theirs)))
        if not large or small < story_linking.DUPLICATE_JACCARD * large:  # Jaccard is at most small / large
            return False
        common = len(np.intersect1d(article.shingles, theirs, assume_unique=True))
        return common / (small + large - common) >= story_linking.DUPLICATE_JACCARD

    def _bucket_members(self, part: Sequence[_NewArticle]) -> dict[tuple[int, int], list[int]]:
        """The ``HOT_BUCKET`` earliest articles (this batch's are in ``kb_lsh`` already) in each bucket
        of ``part``."""
        members: dict[tuple[int, int], list[int]] = defaultdict(list)
        for band in range(story_linking.LSH_BANDS):
            wanted = {a.buckets[band] for a in part}
            for row in query_in(
                self.store,
                "SELECT bucket, article_rid FROM (SELECT bucket, article_rid, ROW_NUMBER() OVER"
                " (PARTITION BY bucket ORDER BY article_rid) AS n FROM kb_lsh"
                " WHERE band = ? AND bucket IN ({in})) ranked WHERE n <= ?",
                wanted,
                (band,),
                (HOT_BUCKET,),
            ):
                members[(band, int(row["bucket"]))].append(int(row["article_rid"]))
        return members

    # -- stories -----------------------------------------------------------------------------------

    def _stories(self, articles: list[_NewArticle], duplicate_links: list[tuple[int, int]]) -> set[int]:
        """Link the new articles into the stories; the rids of articles whose story changed.

        Each new article is scored against the articles near it. Of the stored pairs only those whose
        weights the new articles changed are scored again: a stored article with a name whose weight
        moved at its day (most names stay at the cap or at 0), paired with the articles sharing that
        name. So the links stay those one run over the whole store gives, at a cost that follows the
        new articles, not the store. Stories then grow by union through the new links; a story is
        re-clustered only where it lost a link."""
        if not articles:
            return set()
        new = {a.rid: a.story for a in articles}
        days = _merge_ranges([(a.day, a.day) for a in new.values()])
        weighed = _merge_ranges([(lo - WINDOW_DAYS, hi + WINDOW_DAYS) for lo, hi in days])
        # Counts within 62 days of the new ones: the weights on the days around them (with and without
        # them), and those of the new articles' partners.
        after = self._window_stats(days)
        before = after.without(new.values())
        moved = _moved_weights(before, after, weighed)
        restricted = self._articles_naming(moved, exclude=set(new))
        if restricted:  # their partners lie up to 62 days from the new ones, their weights count 31 more
            after = self._window_stats(weighed)
        added, removed = self._relink(new, restricted, after)
        return self._join(set(new), added + duplicate_links, removed, set())

    def _refresh(self, days: list[tuple[int, int]], dirty: set[str]) -> set[int]:
        """Score again every pair with an article within ``WINDOW_DAYS`` of ``days`` (where articles
        left the store, so weights moved) and re-cluster the ``dirty`` stories."""
        store = self.store
        weighed = _merge_ranges([(lo - WINDOW_DAYS, hi + WINDOW_DAYS) for lo, hi in days])
        stats = self._window_stats(weighed)  # every article at these days is a seed
        seeds: dict[int, StoryArticle | None] = {}
        for lo, hi in weighed:
            for r in store.query(
                "SELECT article_rid FROM kb_articles WHERE day_number BETWEEN ? AND ?", (lo, hi)
            ):
                seeds[int(r["article_rid"])] = None
        added, removed = self._relink({}, seeds, stats)
        return self._join(set(), added, removed, dirty)

    def _window_stats(self, seed_days: list[tuple[int, int]]) -> WindowStats:
        """Counts of articles and of their names on every day the weights of the pairs of an article at
        ``seed_days`` count (a partner is within ``WINDOW_DAYS``, its weights count as far again)."""
        store = self.store
        stats = WindowStats()
        margin = 2 * WINDOW_DAYS
        for lo, hi in _merge_ranges([(lo - margin, hi + margin) for lo, hi in seed_days]):
            for r in store.query(
                "SELECT day_number, count(*) AS n FROM kb_articles WHERE day_number BETWEEN ? AND ?"
                " GROUP BY day_number",
                (lo, hi),
            ):
                stats.add_count(None, int(r["day_number"]), int(r["n"]))
            for r in store.query(
                "SELECT name_key, day_number, count(*) AS n FROM kb_story_keys"
                " WHERE day_number BETWEEN ? AND ? GROUP BY name_key, day_number",
                (lo, hi),
            ):
                stats.add_count(r["name_key"], int(r["day_number"]), int(r["n"]))
        return stats

    def _articles_naming(self, moved: dict[str, set[int]], exclude: set[int]) -> dict[int, set[str] | None]:
        """The stored articles (not in ``exclude``) naming a name on a day its weight moved, with those
        names: their pairs sharing one of them are scored again."""
        found: dict[int, set[str] | None] = {}
        if not moved:
            return found
        ranges = _merge_ranges([(d, d) for days in moved.values() for d in days])
        for lo, hi in ranges:
            for r in query_in(
                self.store,
                "SELECT name_key, day_number, article_rid FROM kb_story_keys"
                " WHERE day_number BETWEEN ? AND ? AND name_key IN ({in})",
                moved,
                (lo, hi),
            ):
                rid = int(r["article_rid"])
                if rid not in exclude and int(r["day_number"]) in moved[r["name_key"]]:
                    names = found.setdefault(rid, set())
                    assert names is not None
                    names.add(r["name_key"])
        return found

    def _relink(
        self, new: dict[int, StoryArticle], stored: dict[int, set[str] | None], stats: WindowStats
    ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Score the pairs of the ``new`` articles and those of the ``stored`` ones (only the pairs
        sharing one of the given names; every pair where None) and write the links that changed;
        (links added, links removed).

        A pair links only through two names of weight at both days, one of them particular: the
        candidates are the articles sharing two such names, so a name in a third of the articles
        ("Norge", of weight 0) brings none, and a town shared with a hundred others alone brings none."""
        store = self.store
        known: dict[int, StoryArticle] = dict(new)
        self._load_story_articles(known, set(stored) - set(known))
        seeds = [known[rid] for rid in sorted(set(new) | set(stored)) if rid in known]
        positive = {a.rid: [k for k in sorted(a.keys) if stats.weight_at(k, a.day) > 0] for a in seeds}
        wanted = {k for keys in positive.values() for k in keys}
        wanted |= {k for names in stored.values() if names for k in names}
        ranges = _merge_ranges([(a.day - WINDOW_DAYS, a.day + WINDOW_DAYS) for a in seeds])
        rows: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for lo, hi in ranges:
            for r in query_in(
                store,
                "SELECT name_key, day_number, article_rid FROM kb_story_keys"
                " WHERE day_number BETWEEN ? AND ? AND name_key IN ({in})",
                wanted,
                (lo, hi),
            ):
                rows[r["name_key"]].append((int(r["day_number"]), int(r["article_rid"])))
        by_key: dict[str, tuple[list[int], list[int]]] = {}  # days in order, and their articles
        for k, found in rows.items():
            found.sort()
            by_key[k] = ([d for d, _ in found], [rid for _, rid in found])

        def near(key: str, day: int) -> list[int]:
            days, rids = by_key.get(key, ((), ()))
            return rids[bisect_left(days, day - WINDOW_DAYS) : bisect_right(days, day + WINDOW_DAYS)]

        existing: dict[tuple[int, int], float] = {}
        old_seeds = [a.rid for a in seeds if a.rid not in new]
        for column in ("a", "b"):
            for r in query_in(
                store, f"SELECT a, b, score FROM kb_story_links WHERE {column} IN ({{in}})", old_seeds
            ):
                existing[(int(r["a"]), int(r["b"]))] = float(r["score"])
        pairs: set[tuple[int, int]] = set(existing)
        for a in seeds:
            shared: Counter[int] = Counter()
            particular: set[int] = set()
            for k in positive[a.rid]:
                found = near(k, a.day)
                shared.update(found)
                if is_specific(k):
                    particular.update(found)
            candidates = {b for b in particular if shared[b] >= story_linking.MIN_SHARED_KEYS}
            names = stored.get(a.rid)
            if names is not None and a.rid not in new:
                candidates &= {b for k in names for b in near(k, a.day)}
            candidates.discard(a.rid)
            pairs.update((min(a.rid, b), max(a.rid, b)) for b in candidates)
        self._load_story_articles(known, {x for pair in pairs for x in pair} - set(known))
        names_weight = {
            pair: w
            for pair in pairs
            if (w := story_linking.key_score(
                known[pair[0]].keys, known[pair[0]].day, known[pair[1]].keys, known[pair[1]].day, stats
            ))
        }
        self._load_terms(known, {x for pair in names_weight for x in pair} - set(new))
        scores = {}
        for (a, b), w in names_weight.items():
            score = w + story_linking.TERM_WEIGHT * jaccard(known[a].terms, known[b].terms)
            if score >= story_linking.LINK_THRESHOLD:
                scores[(a, b)] = score
        added = sorted(set(scores) - set(existing))
        removed = sorted(set(existing) - set(scores))
        store.executemany("INSERT INTO kb_story_links(a, b, score) VALUES (?, ?, ?)",
                          [(a, b, scores[(a, b)]) for a, b in added])
        store.executemany("UPDATE kb_story_links SET score = ? WHERE a = ? AND b = ?",
                          [(s, a, b) for (a, b), s in sorted(scores.items())
                           if (a, b) in existing and existing[(a, b)] != s])
        store.executemany("DELETE FROM kb_story_links WHERE a = ? AND b = ?", removed)
        return added, removed

    def _load_story_articles(self, known: dict[int, StoryArticle], rids: set[int]) -> None:
        """Add the stored articles ``rids`` to ``known`` with their day and names (terms come later)."""
        keys: dict[int, set[str]] = defaultdict(set)
        for r in query_in(
            self.store, "SELECT article_rid, name_key FROM kb_story_keys WHERE article_rid IN ({in})", rids
        ):
            keys[int(r["article_rid"])].add(r["name_key"])
        for r in query_in(
            self.store, "SELECT article_rid, day_number FROM kb_articles WHERE article_rid IN ({in})", rids
        ):
            rid = int(r["article_rid"])
            names = frozenset(keys.get(rid, ()))
            known[rid] = StoryArticle(rid, "", int(r["day_number"]), names, frozenset())

    def _load_terms(self, known: dict[int, StoryArticle], rids: set[int]) -> None:
        for r in query_in(
            self.store, "SELECT article_rid, terms FROM kb_articles WHERE article_rid IN ({in})", rids
        ):
            known[int(r["article_rid"])].terms = frozenset(r["terms"].split())

    def _join(
        self,
        new: set[int],
        added: list[tuple[int, int]],
        removed: list[tuple[int, int]],
        dirty: set[str],
    ) -> set[int]:
        """Bring the stories up to date with the links ``added`` and ``removed`` (and near-duplicate
        links) and the ``new`` articles; the rids of articles whose story changed.

        Stories joined by an added link become one (named after its earliest article), without reading
        their members unless the name changes. A story that lost a link (or a ``dirty`` one) is
        re-clustered from its own links."""
        store = self.store
        touched = set(new) | {x for pair in added for x in pair} | {x for pair in removed for x in pair}
        story_of = {
            int(r["article_rid"]): r["story"]
            for r in query_in(store, "SELECT article_rid, story FROM kb_articles WHERE article_rid IN ({in})",
                              touched - new)
        }
        def label(rid: int) -> tuple[str, Any]:
            return ("a", rid) if rid in new else ("s", story_of[rid])

        # A new article and a stored story are each a node; a group is named by its least node.
        nodes = {label(rid) for rid in touched} | {("s", sid) for sid in dirty}
        groups = {group[0]: group for group in story_linking.components(nodes, [(label(a), label(b))
                                                                                for a, b in added])}
        splitting = {label(x) for pair in removed for x in pair} | {("s", sid) for sid in dirty}
        to_split = {root for root, group in groups.items() if not splitting.isdisjoint(group)}
        old_ids = {x[1] for x in nodes if x[0] == "s"}
        rows = {
            r["id"]: r
            for r in query_in(
                store, "SELECT id, title, first_date, last_date, articles FROM kb_stories WHERE id IN ({in})",
                old_ids,
            )
        }
        earliest: dict[str, tuple[int, str, str | None]] = {}
        for r in query_in(
            store,
            "SELECT k.story, k.day_number, a.id, a.title FROM (SELECT story, min(day_number) AS day"
            " FROM kb_articles WHERE story IN ({in}) GROUP BY story) f JOIN kb_articles k"
            " ON k.story = f.story AND k.day_number = f.day JOIN articles a ON a.rid = k.article_rid",
            old_ids,
        ):
            first = (int(r["day_number"]), r["id"], r["title"])
            if r["story"] not in earliest or first[:2] < earliest[r["story"]][:2]:
                earliest[r["story"]] = first
        fresh = {
            int(r["rid"]): r
            for r in query_in(store, "SELECT rid, id, date, title FROM articles WHERE rid IN ({in})", new)
        }
        days = {
            int(r["article_rid"]): int(r["day_number"])
            for r in query_in(
                store, "SELECT article_rid, day_number FROM kb_articles WHERE article_rid IN ({in})", new
            )
        }
        changed: set[int] = set()
        written: set[str] = set()
        recount: set[str] = set()
        for root, members in sorted(groups.items()):
            olds = sorted(sid for kind, sid in members if kind == "s" and sid in earliest)
            news = sorted(rid for kind, rid in members if kind == "a")
            if not news and len(olds) <= 1 and root not in to_split:
                continue
            firsts = [earliest[sid] for sid in olds]
            firsts += [(days[rid], fresh[rid]["id"], fresh[rid]["title"]) for rid in news]
            if not firsts:  # a dirty story left without articles
                recount |= {sid for kind, sid in members if kind == "s"}
                continue
            first = min(firsts, key=lambda f: f[:2])
            sid = story_linking.story_id([first[:2]])
            for old in olds:
                if old != sid:
                    changed |= {int(r["article_rid"]) for r in store.query(
                        "SELECT article_rid FROM kb_articles WHERE story = ?", (old,))}
                    store.execute("UPDATE kb_articles SET story = ? WHERE story = ?", (sid, old))
            store.executemany(
                "UPDATE kb_articles SET story = ? WHERE article_rid = ?", [(sid, rid) for rid in news]
            )
            changed |= set(news)
            self.summary.stories_changed += sid not in olds
            gone = {s for kind, s in members if kind == "s"} | {sid}
            if root in to_split:
                moved, split_ids = self._split(sid)
                changed |= moved
                recount |= gone | split_ids
                continue
            dates = [rows[s]["first_date"] for s in olds] + [rows[s]["last_date"] for s in olds]
            dates = [d for d in dates + [fresh[rid]["date"] for rid in news] if d]
            if first[2] is None:  # the earliest article has no headline: the story's title is another's
                recount |= gone
                continue
            for part in chunks(sorted(gone)):
                store.execute(f"DELETE FROM kb_stories WHERE id IN ({','.join('?' * len(part))})", part)
            store.execute(
                "INSERT INTO kb_stories(id, title, first_date, last_date, articles) VALUES (?, ?, ?, ?, ?)",
                (sid, first[2], min(dates) if dates else None, max(dates) if dates else None,
                 sum(int(rows[s]["articles"]) for s in olds) + len(news)),
            )
            written.add(sid)
        self._write_stories(recount - written)
        return changed

    def _split(self, sid: str) -> tuple[set[int], set[str]]:
        """Re-cluster one story from its own links (it lost one); the rids whose story changed and the
        ids of the stories it became."""
        store = self.store
        members = {
            int(r["article_rid"]): r
            for r in store.query(
                "SELECT k.article_rid, k.day_number, k.duplicate_of, a.id FROM kb_articles k"
                " JOIN articles a ON a.rid = k.article_rid WHERE k.story = ?",
                (sid,),
            )
        }
        edges = [
            (str(r["a"]), str(r["b"]))
            for r in query_in(store, "SELECT a, b FROM kb_story_links WHERE a IN ({in})", members)
        ]
        edges += [
            (str(rid), str(r["duplicate_of"])) for rid, r in members.items() if r["duplicate_of"] is not None
        ]
        changed: set[int] = set()
        ids: set[str] = set()
        for group in story_linking.components([str(rid) for rid in members], edges):
            rids = [int(g) for g in group]
            new_id = story_linking.story_id([(int(members[r]["day_number"]), members[r]["id"]) for r in rids])
            ids.add(new_id)
            if new_id != sid:
                store.executemany("UPDATE kb_articles SET story = ? WHERE article_rid = ?",
                                  [(new_id, r) for r in rids])
                changed |= set(rids)
                self.summary.stories_changed += 1
        return changed, ids

    def _write_stories(self, story_ids: set[str]) -> None:
        store = self.store
        for part in chunks(sorted(story_ids)):
            store.execute(f"DELETE FROM kb_stories WHERE id IN ({','.join('?' * len(part))})", part)
        rows = query_in(
            store,
            "SELECT k.story, a.rid, a.date, a.title, a.id, k.day_number FROM kb_articles k"
            " JOIN articles a ON a.rid = k.article_rid WHERE k.story IN ({in})",
            story_ids,
        )
        by_story: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in rows:
            by_story[r["story"]].append(r)
        values = []
        for sid, members in sorted(by_story.items()):
            members.sort(key=lambda r: (int(r["day_number"]), r["id"]))
            dates = [r["date"] for r in members if r["date"]]
            title = next((r["title"] for r in members if r["title"]), None)
            values.append(
                (sid, title, min(dates) if dates else None, max(dates) if dates else None, len(members))
            )
        store.executemany(
            "INSERT INTO kb_stories(id, title, first_date, last_date, articles) VALUES (?, ?, ?, ?, ?)",
            values,
        )

    # -- entities ----------------------------------------------------------------------------------

    def _entities(self, articles: list[_NewArticle], changed_articles: set[int]) -> None:
        store = self.store
        new = [e for a in articles for e in a.entities]
        rid_of = {a.id: a.rid for a in articles}
        store.executemany(
            "INSERT INTO kb_entity_links(entity_id, corpus_id, article_rid, forms, mentions)"
            " VALUES (?, '', ?, ?, ?)",
            [
                (
                    e.entity_id,
                    rid_of[e.article],
                    json.dumps(e.forms, ensure_ascii=False),
                    sum(e.forms.values()),
                )
                for e in new
            ],
        )
        store.executemany(
            "INSERT INTO kb_entity_keys(name_key, entity_id) VALUES (?, ?)",
            [(k, e.entity_id) for e in new for k in sorted(e.block_keys())],
        )
        changed_ids = {
            int(r["entity_id"])
            for r in query_in(
                store, "SELECT entity_id FROM kb_entity_links WHERE article_rid IN ({in})", changed_articles
            )
        }
        keys = {k for e in new for k in e.block_keys()}
        keys |= {
            r["name_key"]
            for r in query_in(
                store, "SELECT name_key FROM kb_entity_keys WHERE entity_id IN ({in})", changed_ids
            )
        }
        if not keys:
            return
        ids = {e.entity_id for e in new} | changed_ids
        # A block is counted only as far as HOT_BLOCK + 1: "n:norge" holds a third of the store.
        hot = {
            k
            for k in sorted(keys)
            if int(store.query(
                "SELECT count(*) AS n FROM (SELECT 1 FROM kb_entity_keys WHERE name_key = ? LIMIT ?) block",
                (k, HOT_BLOCK + 1),
            )[0]["n"]) > HOT_BLOCK
        }
        # A cold block is re-resolved whole; of a hot one ("Norge") only the members in the stories touched.
        ids |= {
            int(r["entity_id"])
            for r in query_in(
                store, "SELECT entity_id FROM kb_entity_keys WHERE name_key IN ({in})", keys - hot
            )
        }
        # Every entity of the stories touched: rules 1, 3 and 4 read a story as a whole.
        stories = {
            r["story"]
            for r in query_in(
                store,
                "SELECT DISTINCT k.story FROM kb_entity_links l"
                " JOIN kb_articles k ON k.article_rid = l.article_rid WHERE l.entity_id IN ({in})",
                {e.entity_id for e in new} | changed_ids,
            )
        }
        ids |= {
            int(r["entity_id"])
            for r in query_in(
                store,
                "SELECT l.entity_id FROM kb_entity_links l"
                " JOIN kb_articles k ON k.article_rid = l.article_rid WHERE k.story IN ({in})",
                stories,
            )
        }
        old_clusters = {
            r["corpus_id"]
            for r in query_in(
                store, "SELECT DISTINCT corpus_id FROM kb_entity_links WHERE entity_id IN ({in})", ids
            )
        } - {""}
        # Entities named in few articles are re-resolved whole (their row says how many, no counting).
        small = {
            r["id"]
            for r in query_in(store, "SELECT id, articles FROM kb_entities WHERE id IN ({in})", old_clusters)
            if int(r["articles"]) <= HOT_BLOCK
        }
        ids |= {
            int(r["entity_id"])
            for r in query_in(store, "SELECT entity_id FROM kb_entity_links WHERE corpus_id IN ({in})", small)
        }
        members = load_link_entities(store, ids)
        before = {e.entity_id: cid for e, cid in members}
        after = resolve(e for e, _ in members)
        changed = [(cid, eid) for eid, cid in after.items() if before.get(eid) != cid]
        store.executemany("UPDATE kb_entity_links SET corpus_id = ? WHERE entity_id = ?", changed)
        self.summary.entities_relinked += len(changed)
        write_corpus_entities(store, [e for e, _ in members], before, after, small)

    # -- counts ------------------------------------------------------------------------------------

    def _count_dates(self, articles: list[_NewArticle]) -> None:
        store = self.store
        by_rid = {a.rid: a for a in articles}
        times: dict[int, list[tuple[tuple[int, int], str | None]]] = defaultdict(list)
        for r in query_in(
            store, 'SELECT article_rid, start, "end", value FROM times WHERE article_rid IN ({in})', by_rid
        ):
            times[int(r["article_rid"])].append(((int(r["start"]), int(r["end"])), r["value"]))
        offsets = {
            int(r["rid"]): int(r["span_start"])
            for r in query_in(store, "SELECT rid, span_start FROM articles WHERE rid IN ({in})", by_rid)
        }
        values = []
        for r in query_in(
            store,
            'SELECT count_id, article_rid, start, "end" FROM counts WHERE article_rid IN ({in})',
            by_rid,
        ):
            rid = int(r["article_rid"])
            a = by_rid[rid]
            values.append(
                (
                    int(r["count_id"]),
                    point_date(
                        a.text, offsets[rid], (int(r["start"]), int(r["end"])), times.get(rid, []), a.date
                    ),
                )
            )
        store.executemany("INSERT INTO kb_count_dates(count_id, date) VALUES (?, ?)", values)


def _hashed(words: set[str]) -> np.ndarray:
    """Shingles as sorted 64-bit hashes, compared within one process (``hash`` is salted per process)."""
    return np.unique(np.fromiter((hash(w) for w in words), dtype=np.int64, count=len(words)))


def _moved_weights(
    before: WindowStats, after: WindowStats, weighed: list[tuple[int, int]]
) -> dict[str, set[int]]:
    """The days within ``weighed`` on which a stored article names a name whose weight moved."""
    moved: dict[str, set[int]] = defaultdict(set)
    for key, counts in before.keys_by_day.items():
        for day, n in counts.items():
            if (
                n > 0
                and any(lo <= day <= hi for lo, hi in weighed)
                and before.weight_at(key, day) != after.weight_at(key, day)
            ):
                moved[key].add(day)
    return moved


def _merge_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def load_link_entities(store: KbStore, entity_ids: Iterable[int]) -> list[tuple[LinkEntity, str]]:
    """Article entities as the resolver sees them, with their current corpus entity id."""
    rows = query_in(
        store,
        "SELECT l.entity_id, l.corpus_id, l.forms, e.name, e.type, a.id AS article, a.date,"
        " k.story FROM kb_entity_links l JOIN entities e ON e.entity_id = l.entity_id"
        " JOIN articles a ON a.rid = l.article_rid"
        " JOIN kb_articles k ON k.article_rid = l.article_rid"
        " WHERE l.entity_id IN ({in})",
        entity_ids,
    )
    return [
        (
            LinkEntity(
                int(r["entity_id"]),
                r["article"],
                r["story"],
                r["name"],
                r["type"],
                json.loads(r["forms"]),
                r["date"],
            ),
            r["corpus_id"],
        )
        for r in rows
    ]


def write_corpus_entities(
    store: KbStore,
    members: list[LinkEntity],
    before: dict[int, str],
    after: dict[int, str],
    complete: set[str],
) -> None:
    """Rewrite the rows of the corpus entities the loaded ``members`` belonged to or now belong to.

    An entity in ``complete`` (all its article entities were loaded) or new is computed afresh. One with
    members not loaded (a hot block such as "Norge") keeps its name and type, gains the new surface
    forms, and has its counts and dates moved by what joined and left it: the cost is that of the
    change, not of the entity's size.
    """
    from nyhetsgraf.kb.names import fold

    clusters: dict[str, list[LinkEntity]] = defaultdict(list)
    joined: dict[str, list[LinkEntity]] = defaultdict(list)  # members that moved, by where they went
    left: dict[str, list[LinkEntity]] = defaultdict(list)  # ... and where they came from
    for e in members:
        clusters[after[e.entity_id]].append(e)
        if before.get(e.entity_id) != after[e.entity_id]:
            joined[after[e.entity_id]].append(e)
            if before.get(e.entity_id):
                left[before[e.entity_id]].append(e)
    touched = sorted({cid for cid in before.values() if cid} | set(clusters))
    existing = {
        r["id"]: r
        for r in query_in(
            store,
            "SELECT id, name, type, aliases, articles, mentions, first_date, last_date FROM kb_entities"
            " WHERE id IN ({in})",
            touched,
        )
    }
    for part in chunks(touched):
        marks = ",".join("?" * len(part))
        store.execute(f"DELETE FROM kb_entities WHERE id IN ({marks})", part)
        store.execute(f"DELETE FROM kb_aliases WHERE entity IN ({marks})", part)
    rows, alias_rows = [], []
    for cid in touched:
        group = clusters.get(cid, [])
        if cid in complete or cid not in existing:
            if not group:
                continue
            name, entity_type, aliases = canonical(group)
            dates = sorted(e.date for e in group if e.date)
            stats = (
                len({e.article for e in group}),
                sum(sum(e.forms.values()) for e in group),
                dates[0] if dates else None,
                dates[-1] if dates else None,
            )
        else:
            found = _moved_stats(store, cid, existing[cid], joined.get(cid, []), left.get(cid, []))
            if found is None:
                continue
            stats = found
            old = existing[cid]
            name, entity_type = old["name"], old["type"]
            seen = json.loads(old["aliases"])
            aliases = seen + sorted({f for e in group for f in [e.name, *e.forms]} - set(seen) - {name})
        rows.append((cid, name, fold(name), entity_type, json.dumps(aliases, ensure_ascii=False), *stats))
        alias_rows += [(cid, f) for f in sorted({fold(a) for a in aliases} - {fold(name)})]
    store.executemany(
        "INSERT INTO kb_entities(id, name, folded, type, aliases, articles, mentions, first_date,"
        " last_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    store.executemany("INSERT INTO kb_aliases(entity, folded) VALUES (?, ?)", alias_rows)


def _moved_stats(
    store: KbStore, cid: str, old: dict[str, Any], joined: list[LinkEntity], left: list[LinkEntity]
) -> tuple[int, int, str | None, str | None] | None:
    """(articles, mentions, first date, last date) of a partly loaded corpus entity after the article
    entities that ``joined`` and ``left`` it (``kb_entity_links`` already updated); None when none is
    left."""
    mentions = int(old["mentions"]) + sum(sum(e.forms.values()) for e in joined)
    mentions -= sum(sum(e.forms.values()) for e in left)
    changed = {e.article for e in joined} | {e.article for e in left}
    now = {
        r["id"]: int(r["n"])
        for r in query_in(
            store,
            "SELECT a.id, count(*) AS n FROM kb_entity_links l JOIN articles a ON a.rid = l.article_rid"
            " WHERE l.corpus_id = ? AND a.id IN ({in}) GROUP BY a.id",
            changed,
            (cid,),
        )
    }
    joined_in = defaultdict(int)
    for e in joined:
        joined_in[e.article] += 1
    left_in = defaultdict(int)
    for e in left:
        left_in[e.article] += 1
    articles = int(old["articles"])
    for article in changed:
        had = now.get(article, 0) - joined_in[article] + left_in[article]  # members before the change
        articles += (now.get(article, 0) > 0) - (had > 0)
    if articles <= 0:
        return None
    first, last = old["first_date"], old["last_date"]
    dates = [e.date for e in joined if e.date]
    if any(e.date in (first, last) for e in left):
        (row,) = store.query(
            "SELECT min(a.date) AS first_date, max(a.date) AS last_date FROM kb_entity_links l"
            " JOIN articles a ON a.rid = l.article_rid WHERE l.corpus_id = ?",
            (cid,),
        )
        first, last = row["first_date"], row["last_date"]
    if dates:
        first = min([d for d in (first, *dates) if d])
        last = max([d for d in (last, *dates) if d])
    return articles, mentions, first, last
