"""Raw ingest speed: read JSON Lines and store articles in a fresh SQLite store, without NLP.

    .venv/bin/python benchmarks/ingest.py [--articles 10000] [--words 300]

Generates the articles with a seeded generator (benchmarks/newsgen.py), writes them to a
temporary JSONL file, then times ``nyhetsgraf.pipeline.ingest(..., nlp=False)`` into a new
database. Targets: >= 500 articles/s and < 300 MB peak RSS on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsgen import NewsGenerator  # noqa: E402

from nyhetsgraf.pipeline import IngestSummary, ingest  # noqa: E402
from nyhetsgraf.store import open_store  # noqa: E402

TARGET_ARTICLES_PER_S = 500.0
TARGET_PEAK_RSS_MB = 300.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def write_corpus(path: Path, articles: int, words: int, seed: int) -> int:
    total_words = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in NewsGenerator(seed, words).articles(articles):
            total_words += len(record["text"].split())
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return total_words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="nyhetsgraf-bench-") as folder:
        corpus = Path(folder) / "corpus.jsonl"
        words = write_corpus(corpus, args.articles, args.words, args.seed)
        print(f"corpus: {args.articles} articles, {words} words, {corpus.stat().st_size / 1e6:.1f} MB JSONL",
              flush=True)
        database = Path(folder) / "bench.db"
        summary = IngestSummary()
        started, cpu_started = time.perf_counter(), time.process_time()
        with open_store(database) as store:
            ingest([str(corpus)], store, nlp=False, summary=summary)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
        db_mb = sum(p.stat().st_size for p in Path(folder).glob("bench.db*")) / 1e6

    rate = summary.new / elapsed
    rss = peak_rss_mb()
    print(f"ingested: {summary.read} read, {summary.new} new, {summary.skipped} skipped, "
          f"{summary.problems} problems in {elapsed:.2f} s")
    print(f"speed: {rate:.0f} articles/s, {words / elapsed:.0f} words/s "
          f"(target >= {TARGET_ARTICLES_PER_S:.0f}/s, ratio {rate / TARGET_ARTICLES_PER_S:.2f}x)")
    # The machine is shared: CPU time tells what the code costs when it has a core to itself.
    print(f"cpu time: {cpu:.2f} s, {summary.new / cpu:.0f} articles per CPU-second "
          f"(ratio {summary.new / cpu / TARGET_ARTICLES_PER_S:.2f}x)")
    print(f"peak RSS: {rss:.0f} MB (target < {TARGET_PEAK_RSS_MB:.0f} MB, "
          f"ratio {rss / TARGET_PEAK_RSS_MB:.2f})")
    print(f"database: {db_mb:.1f} MB; spaCy imported: {'spacy' in sys.modules}")


if __name__ == "__main__":
    main()
