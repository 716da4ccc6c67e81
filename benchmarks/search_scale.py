"""Search, listing and stats on a large store: 100,000 generated articles with a realistic vocabulary.

    .venv/bin/python benchmarks/search_scale.py [--articles 100000] [--db PATH] [--queries 200]

Builds (or reuses, with ``--db`` naming an existing file) a SQLite store of articles from
benchmarks/newsgen.py's large vocabulary (names, places, organisations and topic nouns drawn from the
package's tables), each stored through ``Store.add`` with entities, mentions and time expressions
found in its text, so the fact tables are as large as a real ingest's. Then, each figure with its
ratio to a baseline measured in the same run on the same store:

* library search p50/p95 (``Store.search``, 20 hits with snippets) against the former search, whose
  query sorted every matching article's whole row (target p95 < 50 ms), and the SQL alone of each
  (``SqlStore.ranked``: row ids and scores, at most ``rank_window`` matches ranked together);
* CLI search p95 (``nyhetsgraf search Q --json``, a new process each time) against the CLI's start-up
  alone (``nyhetsgraf --help``) (target p95 < 350 ms);
* ``Store.articles`` at offsets up to the last page, and by keyset (``after=``), against the former
  whole-row OFFSET query (target < 20 ms at any offset);
* ``Store.stats`` against counting the tables as it used to (target < 100 ms);
* an id-prefix lookup (``matching_ids``) with its query plan.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from newsgen import TIMES, NewsGenerator, Vocabulary  # noqa: E402

from nyhetsgraf.records import Article, Document, Entity, Facts, TimeExpression  # noqa: E402
from nyhetsgraf.store import open_store  # noqa: E402
from nyhetsgraf.store.sql import SqlStore  # noqa: E402
from nyhetsgraf.store.textsearch import make_snippet, parse_query  # noqa: E402

TARGETS_MS = {"library search p95": 50.0, "CLI search p95": 350.0, "articles (worst offset)": 20.0,
              "stats": 100.0}
NAME = re.compile(r"(?<=[a-zæøå,] )[A-ZÆØÅ][\w-]+(?: [A-ZÆØÅ][\w-]+)*")
TIME = re.compile("|".join(sorted(map(re.escape, TIMES), key=len, reverse=True)))


def facts_of(text: str, people: frozenset[str], places: frozenset[str]) -> Facts:
    """Entities (capitalised names inside sentences, typed by the vocabulary they came from, every
    mention) and time expressions of a generated article."""
    mentions: dict[str, list[tuple[int, int]]] = {}
    for match in NAME.finditer(text):
        mentions.setdefault(match.group(), []).append(match.span())
    entities = []
    for name, spans in list(mentions.items())[:15]:
        first = name.split()[0]
        kind = "PER" if first in people else "GPE_LOC" if name in places else "ORG"
        entities.append(Entity(name, kind, spans))
    times = [TimeExpression(match.group(), None, match.span()) for match in TIME.finditer(text)]
    return Facts(entities=entities, times=times)


def build(path: Path, count: int, seed: int) -> float:
    """Store generated articles at ``path`` until it holds ``count`` (a smaller store built with the same
    seed is extended); seconds taken."""
    vocabulary = Vocabulary.large()
    people, places = frozenset(vocabulary.first_names), frozenset(vocabulary.places)
    start = time.perf_counter()
    with open_store(path, batch_size=2000) as store:
        stored = store.count_articles()
        for number, record in enumerate(NewsGenerator(seed, 250, vocabulary=vocabulary).articles(count)):
            if number < stored:  # generated all the same, so the sequence goes on where it stopped
                continue
            text = f"{record['title']}\n\n{record['text']}"
            document = Document(source=f"dump-{number // 1000:03d}.jsonl", text=text, format="jsonl",
                                date=record["date"], record=number % 1000)
            article = Article(document, 0, (0, len(text)), title=record["title"])
            store.add(article, facts_of(text, people, places))
            if (number + 1) % 10_000 == 0:
                print(f"  stored {number + 1:,} articles ({time.perf_counter() - start:.0f} s)", flush=True)
    return time.perf_counter() - start


def queries(count: int, seed: int) -> list[str]:
    """Queries as people type them: a topic, a place, a person, a topic in a place, a phrase."""
    vocabulary = Vocabulary.large()
    pick = random.Random(seed).choice
    makers: tuple[Callable[[], str], ...] = (
        lambda: pick(vocabulary.nouns),
        lambda: pick(vocabulary.places),
        lambda: f"{pick(vocabulary.first_names)} {pick(vocabulary.last_names)}",
        lambda: f"{pick(vocabulary.nouns)} {pick(vocabulary.places)}",
        lambda: f'"{pick(vocabulary.orgs)}"',
        lambda: pick(("kommunestyret", "millioner kroner", "debatt", "sier", "flertall")),
    )
    return [makers[n % len(makers)]() for n in range(count)]


def timed_ms(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def report(name: str, value: float, baseline: float, baseline_name: str) -> None:
    target = TARGETS_MS.get(name)
    verdict = "" if target is None else f"  target < {target:.0f} ms: {'ok' if value < target else 'MISSED'}"
    print(f"{name:<28} {value:9.1f} ms   baseline {baseline:9.1f} ms ({baseline_name})  "
          f"x{value / baseline:.2f}{verdict}")


def former_search(store: SqlStore, query: str, newer_than: int = 0) -> list[dict[str, object]]:
    """The search query before top-k ranking: every match's whole row went through the sort (only the
    matches from row id ``newer_than`` on, when given)."""
    return store.query(
        "SELECT a.id, a.title, a.date, a.text, s.path, -bm25(articles_fts, 3.0, 1.0) AS score"
        " FROM articles_fts JOIN articles a ON a.rid = articles_fts.rowid"
        " JOIN sources s ON s.source_id = a.source_id WHERE articles_fts MATCH ? AND a.rid >= ?"
        " ORDER BY bm25(articles_fts, 3.0, 1.0), a.rid LIMIT 20",
        (parse_query(query).fts_expression(), newer_than))


def first_window_start(store: SqlStore, query: str) -> int:
    """The lowest row id of the query's first ranking window (its ``rank_window`` newest matches)."""
    row = store.query_one("SELECT min(rowid) AS low FROM (SELECT rowid FROM articles_fts WHERE articles_fts"
                          " MATCH ? ORDER BY rowid DESC LIMIT ?)",
                          (parse_query(query).fts_expression(), store.rank_window))
    return int(row["low"]) if row and row["low"] is not None else 0


def former_library_search(store: SqlStore, query: str) -> list[object]:
    """What Store.search did before: the former query, then a snippet of each hit."""
    parsed = parse_query(query)
    return [make_snippet(str(row["text"]), parsed) for row in former_search(store, query)]


def former_articles(store: SqlStore, offset: int) -> list[dict[str, object]]:
    counted = ", ".join(f"(SELECT count(*) FROM {name} WHERE article_rid = a.rid) AS n_{name}"
                        for name in ("entities", "quotes", "counts", "events", "times"))
    return store.query(
        "SELECT a.id, a.title, a.date, a.language, s.path AS source, a.idx, length(a.text) AS chars,"
        f" {counted} FROM articles a JOIN sources s ON s.source_id = a.source_id"
        " ORDER BY a.rid LIMIT 20 OFFSET ?", (offset,))


def former_stats(store: SqlStore) -> None:
    for table in ("sources", "articles", "entities", "mentions", "quotes", "counts", "events", "times"):
        store.query(f"SELECT count(*) AS n FROM {table}")
    store.query("SELECT type, count(*) AS n FROM entities GROUP BY type ORDER BY count(*) DESC, type")
    store.query("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY count(*) DESC, type")


def stored_matches(store: SqlStore, query: str) -> int:
    return int(store.query("SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?",
                           (parse_query(query).fts_expression(),))[0]["n"])


def stored_articles(path: Path) -> int:
    if not path.exists():
        return 0
    with open_store(path, read_only=True) as store:
        return store.count_articles()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="store to build, or to reuse (extended to --articles)")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--cli-queries", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "scale.db"
        if stored_articles(path) < args.articles:
            print(f"building {args.articles:,} articles in {path} ...", flush=True)
            seconds = build(path, args.articles, args.seed)
            print(f"built in {seconds:.0f} s ({args.articles / seconds:.0f} articles/s)")
        run(path, args)


def run(path: Path, args: argparse.Namespace) -> None:
    store = open_store(path, read_only=True)
    total = store.count_articles()
    print(f"store: {total:,} articles, {path.stat().st_size / 2**20:.0f} MB")
    asked = queries(args.queries, args.seed)
    for query in asked[:20]:  # warm the page cache the same way for both
        former_search(store, query)
        store.search(query)
    # A query matching more than rank_window articles is ranked among its newest rank_window matches
    # (then the next window, ...): its first page is the former query's over that window.
    windows = {query: first_window_start(store, query) for query in asked[:50]}
    same = all([hit.id for hit in store.search(query)] ==
               [row["id"] for row in former_search(store, query, windows[query])] for query in asked[:50])
    exact = sum(1 for query in asked[:50] if stored_matches(store, query) <= store.rank_window)
    print(f"hits identical to the former query's (over the first window of {store.rank_window:,} matches)"
          f" on 50 queries: {same}; {exact} of them match no more than one window, ranked exactly as before")
    library = [timed_ms(lambda q=q: store.search(q, limit=20)) for q in asked]
    former = [timed_ms(lambda q=q: former_library_search(store, q)) for q in asked]
    ranked = [timed_ms(lambda q=q: store.ranked(parse_query(q), 20, 0)) for q in asked]
    former_sql = [timed_ms(lambda q=q: former_search(store, q)) for q in asked]
    matches = [stored_matches(store, q) for q in asked[:50]]
    print(f"queries: {len(asked)}, matches per query median {statistics.median(matches):,.0f}, "
          f"max {max(matches):,}")
    report("library search p50", statistics.median(library), statistics.median(former), "former search p50")
    report("library search p95", p95(library), p95(former), "former search p95")
    report("search SQL alone p50", statistics.median(ranked), statistics.median(former_sql), "former SQL p50")
    report("search SQL alone p95", p95(ranked), p95(former_sql), "former SQL p95")

    command = [sys.executable, "-c", "from nyhetsgraf.cli import main; main()"]
    startup = [timed_ms(lambda: subprocess.run([*command, "--help"], capture_output=True, check=True))
               for _ in range(5)]
    cli = [timed_ms(lambda q=q: subprocess.run([*command, "search", q, "--db", str(path), "--json"],
                                               capture_output=True, check=True))
           for q in asked[:args.cli_queries]]
    report("CLI search p95", p95(cli), statistics.median(startup), "CLI start-up (--help) median")

    offsets = sorted({0, 1_000, total // 2, max(0, total - 20)})
    page_times = {offset: min(timed_ms(lambda o=offset: store.articles(limit=20, offset=o)) for _ in range(3))
                  for offset in offsets}
    former_times = {offset: min(timed_ms(lambda o=offset: former_articles(store, o)) for _ in range(3))
                    for offset in offsets}
    for offset in offsets:
        report(f"articles offset {offset:,}", page_times[offset], former_times[offset], "former OFFSET query")
    worst = max(offsets, key=page_times.__getitem__)
    report("articles (worst offset)", page_times[worst], former_times[worst], "former OFFSET query")
    last_page_id = store.articles(limit=1, offset=max(0, total - 21))[0].id
    keyset = min(timed_ms(lambda: store.articles(limit=20, after=last_page_id)) for _ in range(3))
    report("articles after= last page", keyset, former_times[offsets[-1]], "former OFFSET query")

    report("stats", min(timed_ms(store.stats) for _ in range(3)),
           min(timed_ms(lambda: former_stats(store)) for _ in range(2)), "counting the tables")

    some_id = store.articles(limit=1, offset=total // 3)[0].id
    report("id prefix lookup", min(timed_ms(lambda: store.matching_ids(some_id[:6])) for _ in range(5)),
           min(timed_ms(lambda: store.query("SELECT id FROM articles WHERE id = ?", (some_id,)))
               for _ in range(5)), "exact id lookup")
    plan = store.query("EXPLAIN QUERY PLAN SELECT id FROM articles WHERE id >= ? AND id < ?"
                       " ORDER BY id LIMIT ?", (some_id[:6], some_id[:6] + "\U0010ffff", 10))
    print("id prefix query plan:", "; ".join(str(row["detail"]) for row in plan))
    store.close()


if __name__ == "__main__":
    main()
