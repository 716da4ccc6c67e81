"""SQLite against PostgreSQL on the same generated articles: ingest articles/s and search latency (p50/p95).

    .venv/bin/python benchmarks/store_compare.py [--articles 100000] [--words 300] [--queries 300]
                                                [--pg postgresql://user@host/admin_db]

Generates the articles with the seeded generator (benchmarks/newsgen.py) into one JSONL file, then for
each backend times ``nyhetsgraf.pipeline.ingest(..., nlp=False)`` into a new store and runs the same
mixed search queries (one word, two words, a phrase, a prefix; 20 warm-up queries not counted).
PostgreSQL: a new database on the server of ``--pg`` / NYHETSGRAF_TEST_PG, or else a throwaway cluster
with PostgreSQL's default durability (fsync on), started and stopped here (see docs/postgresql.md).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

import newsgen  # noqa: E402

from nyhetsgraf.pipeline import IngestSummary, ingest  # noqa: E402
from nyhetsgraf.store import open_store  # noqa: E402
from pg_cluster import create_database, drop_database, throwaway_cluster  # noqa: E402


def write_corpus(path: Path, articles: int, words: int, seed: int) -> int:
    total = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in newsgen.NewsGenerator(seed, words).articles(articles):
            total += len(record["text"].split())
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return total


def make_queries(count: int, seed: int) -> list[str]:
    pick = random.Random(seed).choice
    shapes = (
        lambda: pick(newsgen.PLACES),
        lambda: pick(newsgen.NOUNS),
        lambda: f"{pick(newsgen.PLACES)} {pick(newsgen.NOUNS)}",
        lambda: f"{pick(newsgen.FIRST_NAMES)} {pick(newsgen.LAST_NAMES)}",
        lambda: f'"{pick(newsgen.VERBS_PAST)}"',
        lambda: f"{pick(newsgen.NOUNS)[:5]}*",
        lambda: f"{pick(newsgen.ORGS).split()[0]} {pick(newsgen.PEOPLE)}",
    )
    return [pick(shapes)() for _ in range(count)]


@contextmanager
def postgres_admin(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    with throwaway_cluster(durable=True) as started:
        yield started


def run(name: str, url: str, corpus: Path, queries: list[str], articles: int, words: int) -> dict[str, float]:
    summary = IngestSummary()
    started, cpu = time.perf_counter(), time.process_time()
    with open_store(url) as store:
        ingest([str(corpus)], store, nlp=False, summary=summary)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert summary.new == articles, summary
    latencies: list[float] = []
    hits = 0
    with open_store(url, read_only=True) as store:
        for query in queries[:20]:
            store.search(query)
        for query in queries[20:]:
            begin = time.perf_counter()
            hits += len(store.search(query, limit=20))
            latencies.append((time.perf_counter() - begin) * 1000)
        size = store_size_mb(store, url)
    p95, p50 = statistics.quantiles(latencies, n=20)[-1], statistics.median(latencies)
    print(f"{name:10s} ingest {summary.new / elapsed:7.0f} articles/s ({words / elapsed:8.0f} words/s, "
          f"{elapsed:6.1f} s wall, {cpu:6.1f} s client CPU) | search p50 {p50:6.1f} ms"
          f" p95 {p95:6.1f} ms over {len(latencies)} queries ({hits / len(latencies):.1f} hits each) | "
          f"store {size:.0f} MB", flush=True)
    return {"articles_per_s": summary.new / elapsed, "p95_ms": p95}


def store_size_mb(store: object, url: str) -> float:
    if url.startswith("postgresql://"):
        row = store.query_one("SELECT pg_database_size(current_database()) AS bytes")  # type: ignore[attr-defined]
        return int(row["bytes"]) / 1e6
    return sum(p.stat().st_size for p in Path(url).parent.glob(Path(url).name + "*")) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--pg", default=os.environ.get("NYHETSGRAF_TEST_PG"),
                        help="a PostgreSQL URL allowed to create databases (default: a throwaway cluster)")
    args = parser.parse_args()
    queries = make_queries(args.queries + 20, args.seed)
    with tempfile.TemporaryDirectory(prefix="nyhetsgraf-bench-") as folder:
        corpus = Path(folder) / "corpus.jsonl"
        words = write_corpus(corpus, args.articles, args.words, args.seed)
        print(f"corpus: {args.articles} articles, {words} words, {corpus.stat().st_size / 1e6:.0f} MB JSONL; "
              f"{args.queries} queries", flush=True)
        sqlite = run("sqlite", str(Path(folder) / "bench.db"), corpus, queries, args.articles, words)
        with postgres_admin(args.pg) as admin:
            url = create_database(admin, prefix="nyhetsgraf_bench")
            try:
                postgres = run("postgresql", url, corpus, queries, args.articles, words)
            finally:
                drop_database(admin, url)
    print(f"postgresql / sqlite: ingest {postgres['articles_per_s'] / sqlite['articles_per_s']:.2f}x, "
          f"search p95 {postgres['p95_ms'] / sqlite['p95_ms']:.2f}x")


if __name__ == "__main__":
    main()
