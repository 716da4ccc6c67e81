"""Dask scaling: the same generated corpus ingested with NLP on 1 and on 2 workers; words/s and efficiency.

    .venv/bin/python benchmarks/dask_scaling.py [--articles 400] [--words 200] [--workers 1 2] [--pg]

The corpus is one plain-text dump written by the seeded generator (benchmarks/newsgen.py), so the
planner cuts it into byte ranges. For each worker count a LocalCluster of single-threaded worker
processes starts, every worker loads the models first (not timed), then ``ingest_on_dask`` runs into
a new SQLite store. Printed per run: wall time, words/s, the workers' CPU seconds per article and the
store's growth per article; then the efficiency = 2-worker throughput / (2 x 1-worker throughput),
target >= 0.8. On a shared machine other processes take cores, so the CPU-time efficiency
(words per worker CPU-second, 2 workers against 1) is printed too: it shows what the division of the
work costs, whatever else runs. ``--pg`` adds a 2-worker run writing straight into PostgreSQL (a
throwaway cluster, or NYHETSGRAF_TEST_PG) and prints its growth per article.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

import newsgen  # noqa: E402

from nyhetsgraf.pipeline import IngestSummary  # noqa: E402
from nyhetsgraf.pipeline_dask import dask_client, ingest_on_dask  # noqa: E402
from nyhetsgraf.store import open_store  # noqa: E402

TARGET_EFFICIENCY = 0.8


def write_dump(path: Path, articles: int, words: int, seed: int) -> int:
    """A plain-text corpus dump as archives write them: each article a ` date … – ` line with its
    headline, then its paragraphs. (Generated articles share most of their words, so without the date
    lines the segmenter would rightly read their headlines as subheadings of one long article.)"""
    total = 0
    with path.open("w", encoding="utf-8") as handle:
        for number, record in enumerate(newsgen.NewsGenerator(seed, words).articles(articles)):
            total += len(record["text"].split())
            handle.write(f" date 2024-03-{1 + number % 28:02d} – {record['title']}\n\n{record['text']}\n\n")
    return total


def _warm_up() -> int:
    """Load the models and every finder's tables in this worker (what its first partition would pay)."""
    from nyhetsgraf.extract import extract_batch
    from nyhetsgraf.records import Article, Document

    text = "Ordfører Kari Holmen i Tromsø sa tirsdag at 40 soldater skal hjem. – Vi er klare, sier hun."
    extract_batch([Article(Document("warm-up", text, "text"), 0, (0, len(text)))])
    return os.getpid()


def _cpu_seconds() -> float:
    return time.process_time()


def run(dump: Path, url: str, workers: int) -> dict[str, Any]:
    open_store(url).close()  # the empty store (schema and indexes), so that its growth is measured
    empty = store_bytes(url)
    with dask_client(f"local:{workers}") as client:
        client.run(_warm_up)  # every worker loads the models once, before the clock starts
        cpu_before = client.run(_cpu_seconds)
        summary = IngestSummary()
        started = time.perf_counter()
        with open_store(url) as store:
            ingest_on_dask([str(dump)], store, client=client, summary=summary)
        elapsed = time.perf_counter() - started
        cpu_after = client.run(_cpu_seconds)
    cpu = sum(cpu_after[worker] - cpu_before[worker] for worker in cpu_after)
    return {"elapsed": elapsed, "cpu": cpu, "articles": summary.new, "growth": store_bytes(url) - empty}


def store_bytes(url: str) -> int:
    if url.startswith("postgresql://"):
        with open_store(url, read_only=True) as store:
            row = store.query_one("SELECT pg_database_size(current_database()) AS bytes")
        return int(row["bytes"]) if row else 0
    return sum(p.stat().st_size for p in Path(url).parent.glob(Path(url).name + "*"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--words", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--pg", action="store_true", help="also run 2 workers writing into PostgreSQL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nyhetsgraf-dask-") as folder:
        dump = Path(folder) / "dump.txt"
        words = write_dump(dump, args.articles, args.words, args.seed)
        print(f"corpus: {args.articles} generated articles, {words} words, "
              f"{dump.stat().st_size / 1e6:.1f} MB plain text; {os.cpu_count()} cores, "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)
        results: dict[int, dict[str, Any]] = {}
        for workers in args.workers:
            url = str(Path(folder) / f"w{workers}.db")
            result = results[workers] = run(dump, url, workers)
            size = result["growth"]
            print(f"{workers} worker(s): {result['articles']} articles in {result['elapsed']:.1f} s, "
                  f"{words / result['elapsed']:.0f} words/s; {result['cpu'] / result['articles'] * 1000:.1f} "
                  f"ms worker CPU per article ({words / result['cpu']:.0f} words per CPU-second); "
                  f"SQLite store grew {size / result['articles'] / 1024:.1f} KiB per article "
                  f"(load average now {os.getloadavg()[0]:.1f})", flush=True)
        if 1 in results and 2 in results:
            one, two = results[1], results[2]
            efficiency = one["elapsed"] / (2 * two["elapsed"])
            cpu_efficiency = one["cpu"] / two["cpu"]
            print(f"efficiency (2-worker throughput / 2 x 1-worker): {efficiency:.2f} "
                  f"(target >= {TARGET_EFFICIENCY}, ratio {efficiency / TARGET_EFFICIENCY:.2f}x); "
                  f"CPU-time efficiency {cpu_efficiency:.2f}")
        if args.pg:
            run_postgresql(dump, words)


def run_postgresql(dump: Path, words: int) -> None:
    from pg_cluster import create_database, drop_database, throwaway_cluster

    given = os.environ.get("NYHETSGRAF_TEST_PG")
    with (nullcontext(given) if given else throwaway_cluster(durable=True)) as admin:
        url = create_database(admin, prefix="nyhetsgraf_bench")
        try:
            result = run(dump, url, 2)
            size = result["growth"]
        finally:
            drop_database(admin, url)
    print(f"2 workers -> PostgreSQL: {result['articles']} articles in {result['elapsed']:.1f} s, "
          f"{words / result['elapsed']:.0f} words/s; PostgreSQL database grew "
          f"{size / result['articles'] / 1024:.1f} KiB per article")


if __name__ == "__main__":
    main()
