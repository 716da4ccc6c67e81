"""Memory over a long NLP ingest: RSS every N articles while generated articles are ingested with NLP.

    .venv/bin/python benchmarks/memory_nlp.py [--articles 50000] [--every 5000] [--reference 10000]

The articles come from benchmarks/newsgen.py with its large vocabulary (names, places and topics
drawn from the package's tables), written as gzip-compressed JSON Lines files of 500 articles, and
go through the real ingest path (`nyhetsgraf.pipeline.ingest`: read, NLP, extract, store into a
temporary SQLite database). The baseline is the RSS once the models are loaded and the first article
is stored, measured in the same run. Target (issue 18): the last figure is at most 1.1 x the figure at
``--reference`` articles, i.e. memory stays flat once the caches are warm.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from newsgen import NewsGenerator, Vocabulary  # noqa: E402

from nyhetsgraf.pipeline import IngestSummary, ingest  # noqa: E402
from nyhetsgraf.store import open_store  # noqa: E402

TARGET_GROWTH = 1.10
ARTICLES_PER_FILE = 500


def rss_mb() -> float:
    """The current resident set size of this process."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def write_corpus(folder: Path, articles: int, words: int, seed: int) -> list[str]:
    generator = NewsGenerator(seed, words, vocabulary=Vocabulary.large())
    paths: list[str] = []
    records = generator.articles(articles)
    for first in range(0, articles, ARTICLES_PER_FILE):
        path = folder / f"part-{first // ARTICLES_PER_FILE:05d}.jsonl.gz"
        count = min(ARTICLES_PER_FILE, articles - first)
        lines = (json.dumps(next(records), ensure_ascii=False) for _ in range(count))
        path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))
        paths.append(str(path))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--every", type=int, default=5_000, help="print RSS every this many articles")
    parser.add_argument("--reference", type=int, default=10_000,
                        help="the figure the last one is compared with (after the caches are warm)")
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    if not 0 < args.reference <= args.articles or args.every <= 0:
        parser.error("need 0 < --reference <= --articles and --every > 0")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = write_corpus(folder, args.articles, args.words, args.seed)
        store = open_store(folder / "memory.db")
        figures: dict[int, float] = {}
        baseline: list[float] = []
        start = time.perf_counter()

        stored = [0]

        def progress(summary: IngestSummary) -> None:
            stored[0] += 1  # called once per article stored or skipped, in input order
            done = stored[0]
            if not baseline:
                baseline.append(rss_mb())
                print(f"baseline (models loaded, first article stored): {baseline[0]:.0f} MB", flush=True)
            if done % args.every == 0 or done == args.reference:
                figures[done] = rss_mb()
                print(f"{done:>8,} articles  RSS {figures[done]:7.0f} MB  x{figures[done] / baseline[0]:.2f} "
                      f"of baseline  {done / (time.perf_counter() - start):6.1f} articles/s", flush=True)

        summary = ingest(paths, store, on_progress=progress)
        store.close()

    last = max(figures)
    reference = figures.get(args.reference)
    print(f"ingested {summary.new:,} of {summary.read:,} articles in {time.perf_counter() - start:.0f} s")
    if reference is None:
        print("no figure at the reference point (is --reference a multiple of --every?)")
        return
    growth = figures[last] / reference
    verdict = "ok" if growth <= TARGET_GROWTH else "MISSED"
    print(f"RSS at {last:,}: {figures[last]:.0f} MB = x{growth:.3f} of RSS at {args.reference:,} "
          f"({reference:.0f} MB); target <= x{TARGET_GROWTH}: {verdict}")


if __name__ == "__main__":
    main()
