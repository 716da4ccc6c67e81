"""Fuzz the readers for a bounded time: mutated real inputs and random bytes, every format, gzip too.

    .venv/bin/python benchmarks/fuzz_readers.py [--seconds 60] [--seed 1]

Hypothesis generates inputs from a seed corpus (the test fixtures and the demo corpus, plus a
generated dump, gzip and JSON Lines file): truncated, bytes flipped, pieces inserted or repeated,
compressed or not. Each input goes through ``read_articles`` as a file. The property: no exception
escapes, every problem is one line, every article has text and exact offsets. A failing input is
printed with the exception and the script exits 1; otherwise it prints how many inputs were read.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
import traceback
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsgen import NewsGenerator  # noqa: E402

from nyhetsgraf.ingest import Problem, read_articles  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SEED_FOLDERS = (REPO / "tests" / "fixtures" / "ingest", REPO / "examples" / "demo")
MAX_SEED_BYTES = 200_000


def seed_corpus() -> list[bytes]:
    corpus = []
    for folder in SEED_FOLDERS:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix != ".py" and path.stat().st_size <= MAX_SEED_BYTES:
                corpus.append(path.read_bytes())
    news = NewsGenerator(seed=7, words=120)
    dump = "".join(f" date {a['date']} – {a['title']}\n{a['text']}\n" for a in news.articles(20)).encode()
    corpus += [dump, gzip.compress(dump),
               "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in news.articles(20)).encode()]
    return corpus


def mutate(data: bytes, operations: list[tuple[int, int, int, bytes]]) -> bytes:
    """Apply (kind, position, length, piece) edits: cut, flip, insert, repeat, delete."""
    for kind, position, length, piece in operations:
        if not data:
            data = piece
            continue
        at = position % len(data)
        if kind == 0:
            data = data[:at]
        elif kind == 1:
            data = data[:at] + bytes([data[at] ^ (length % 255 + 1)]) + data[at + 1:]
        elif kind == 2:
            data = data[:at] + piece + data[at:]
        elif kind == 3:
            data = data[:at] + data[at:at + length] * 3 + data[at + length:]
        else:
            data = data[:at] + data[at + length:]
    return data


EDITS = st.lists(st.tuples(st.integers(0, 4), st.integers(0, 1 << 20), st.integers(0, 64),
                           st.binary(max_size=32)), max_size=6)


class Finding(Exception):
    pass


def check(data: bytes, folder: Path) -> int:
    path = folder / "input"
    path.write_bytes(data)
    problems: list[Problem] = []
    count = 0
    try:
        for article in read_articles([str(path)], problems.append):
            count += 1
            if not article.text.strip() or not article.span[0] < article.span[1]:
                raise Finding(f"empty or inverted article {article.span}")
    except Finding:
        raise
    except Exception as error:
        raise Finding("".join(traceback.format_exception(error))) from error
    for problem in problems:
        if "\n" in problem.message or not problem.message:
            raise Finding(f"problem message not one line: {problem.message!r}")
    return count


def run(seconds: float, first_seed: int) -> int:
    corpus = seed_corpus()
    deadline = time.monotonic() + seconds
    inputs = articles = rounds = 0
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        while time.monotonic() < deadline:

            @seed(first_seed + rounds)
            @settings(max_examples=100, deadline=None, database=None, derandomize=False,
                      suppress_health_check=list(HealthCheck))
            @given(base=st.sampled_from(corpus), edits=EDITS, packed=st.booleans(),
                   noise=st.binary(max_size=2000), use_noise=st.booleans())
            def prop(base: bytes, edits: list, packed: bool, noise: bytes, use_noise: bool) -> None:
                nonlocal inputs, articles
                if time.monotonic() >= deadline:
                    return
                data = noise if use_noise else mutate(base, edits)
                if packed:
                    data = mutate(gzip.compress(data), edits[:1])
                inputs += 1
                articles += check(data, folder)

            try:
                prop()
            except Finding as finding:
                print(f"FAILED after {inputs} inputs:\n{finding}", file=sys.stderr)
                return 1
            rounds += 1
    print(f"fuzz_readers: {inputs} inputs ({articles} articles) in {seconds:.0f} s, seed corpus "
          f"{len(corpus)} files: no exception escaped, every problem one line")
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="time budget")
    parser.add_argument("--seed", type=int, default=1, help="first random seed")
    arguments = parser.parse_args()
    sys.exit(run(arguments.seconds, arguments.seed))


if __name__ == "__main__":
    main()
