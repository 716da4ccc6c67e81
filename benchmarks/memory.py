"""Peak memory of ``nyhetsgraf ingest --no-nlp`` on a large gzip dump and a large JSON Lines file.

    .venv/bin/python benchmarks/memory.py [--megabytes 300] [--keep DIR]

Generates, in a temporary folder, a corpus dump (`` date … – `` lines, as corpus dumps write them)
of ``--megabytes`` MB of invented Norwegian news text compressed with gzip, and a JSON Lines file of
the same size, from the seeded generator in benchmarks/newsgen.py (every article made unique). Each
is then ingested into a new database by ``nyhetsgraf ingest --no-nlp`` in a subprocess of its own,
whose peak resident memory (``wait4``'s ru_maxrss) is printed beside the target: < 300 MB each.
``--without-kb`` leaves out the knowledge base's linking step that ends every ingest, to show what
reading and storing alone cost.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsgen import NewsGenerator  # noqa: E402

TARGET_PEAK_RSS_MB = 300.0
POOL = 400  # distinct generated articles, varied by number so that every stored article is new
REPO = Path(__file__).resolve().parents[1]


def _articles(megabytes: float) -> Iterator[dict[str, str]]:
    pool = list(NewsGenerator(seed=17, words=350).articles(POOL))
    budget = int(megabytes * 1024 * 1024)
    written = 0
    number = 0
    while written < budget:
        base = pool[number % POOL]
        article = {**base, "title": f"{base['title']} ({number})",
                   "text": f"Sak {number}. " + base["text"]}
        written += len(article["text"].encode("utf-8")) + len(article["title"]) + 40
        number += 1
        yield article


def write_dump(path: Path, megabytes: float) -> int:
    count = 0
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=6) as stream:
        for article in _articles(megabytes):
            stream.write(f" date {article['date']} – {article['title']}\n\n{article['text']}\n\n")
            count += 1
    return count


def write_jsonl(path: Path, megabytes: float) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as stream:
        for article in _articles(megabytes):
            stream.write(json.dumps(article, ensure_ascii=False) + "\n")
            count += 1
    return count


# The same command with the knowledge base's linking step (run at the end of every ingest) left out:
# what reading and storing alone cost.
_WITHOUT_KB = ("import nyhetsgraf.kb as kb; kb.update = lambda store: None; "
               "from nyhetsgraf.cli import main; main()")


def ingest_peak(path: Path, db: Path, *, with_kb: bool = True) -> tuple[float, float, str]:
    """(peak RSS in MB, seconds, the run's summary line) of one ``ingest --no-nlp`` in a fresh process."""
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"),
                                                                os.environ.get("PYTHONPATH", "")])}
    program = "from nyhetsgraf.cli import main; main()" if with_kb else _WITHOUT_KB
    command = [sys.executable, "-c", program, "ingest", "--no-nlp", "--db", str(db), str(path)]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    stderr = process.stderr.read().decode("utf-8", errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"ingest of {path} failed ({process.returncode}): {stderr.strip()[-500:]}")
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    return peak_mb, seconds, stderr.strip().splitlines()[-1] if stderr.strip() else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=300.0, help="size of each input's text")
    parser.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    parser.add_argument("--without-kb", action="store_true",
                        help="leave out the knowledge base's linking step: reading and storing alone")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = arguments.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        dump, jsonl = folder / "dump.txt.gz", folder / "articles.jsonl"
        started = time.perf_counter()
        dump_count = write_dump(dump, arguments.megabytes)
        jsonl_count = write_jsonl(jsonl, arguments.megabytes)
        print(f"generated in {time.perf_counter() - started:.0f} s: {dump.name} {dump_count} articles, "
              f"{dump.stat().st_size / 1e6:.0f} MB compressed ({arguments.megabytes:g} MB of text); "
              f"{jsonl.name} {jsonl_count} articles, {jsonl.stat().st_size / 1e6:.0f} MB")
        failed = False
        for name, path in (("gzip dump", dump), ("JSON Lines", jsonl)):
            db = Path(scratch) / f"{path.stem}.db"
            peak, seconds, summary = ingest_peak(path, db, with_kb=not arguments.without_kb)
            db.unlink()
            ratio = peak / TARGET_PEAK_RSS_MB
            verdict = "ok" if peak < TARGET_PEAK_RSS_MB else "OVER TARGET"
            failed |= peak >= TARGET_PEAK_RSS_MB
            what = "read+store" if arguments.without_kb else "ingest"
            print(f"{name:11s} {what} peak RSS {peak:6.0f} MB  (target < {TARGET_PEAK_RSS_MB:.0f} MB, "
                  f"{ratio:.2f} of it) {verdict}; {seconds:.0f} s; {summary}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
