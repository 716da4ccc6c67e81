"""Words per second of the full Norwegian pipeline with nlp.pipe, and its ratio to a blank tokenizer.

Reads ../shared/data/ndt-texts/dev.txt (or $NYHETSGRAF_SHARED/...) when present; otherwise the
paragraphs of the demo corpus (examples/demo, every format), repeated to about the same number of
words (~32,000); the first line of output says which. The pipeline runs in one process and then in
`--processes` worker processes (nlp.pipe's n_process; default: one per CPU core), which is how a
corpus job uses the machine.
The texts are run `--repeat` times over (default 3, about 97,000 words) so that the worker
processes' start-up does not dominate, in batches of `--batch-size` texts (default 64: with
worker processes, batches of 256 paragraphs leave one worker idle at the end of the run, and
the two-process run was about 6 % slower with them; in one process the size makes no difference).
The shipped setting (matrix products through numpy/OpenBLAS, `nyhetsgraf.nlp.use_numpy_matmul`) is
compared with thinc's default BLIS kernels in the same run (`--no-compare-blis` skips that).
Usage: python benchmarks/nlp_speed.py [--lang nb|nn] [--processes N] [--repeat N] [--batch-size N]
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import NumpyOps

from nyhetsgraf.nlp import load, set_ops

REPO_ROOT = Path(__file__).resolve().parents[1]
DEMO = REPO_ROOT / "examples" / "demo"
FALLBACK_WORDS = 32_000  # about the size of the NDT dev texts


def load_texts(lang: str) -> tuple[list[str], str]:
    """The benchmark's paragraphs and a line saying where they come from."""
    shared = Path(os.environ.get("NYHETSGRAF_SHARED", REPO_ROOT / ".." / "shared"))
    dev = shared / "data" / "ndt-texts" / "dev.txt"
    if dev.exists():
        texts = [line.strip() for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
        return texts, f"corpus: {dev} (NDT dev texts)"
    from nyhetsgraf.pipeline import iter_articles

    articles = [article for article in iter_articles([str(DEMO)]) if article.language == lang]
    paragraphs = [line.strip() for article in articles for line in article.text.splitlines() if line.strip()]
    if not paragraphs:
        raise SystemExit(f"neither {dev} nor {lang} articles under {DEMO} were found")
    words = sum(len(paragraph.split()) for paragraph in paragraphs)
    copies = max(1, round(FALLBACK_WORDS / words))
    return paragraphs * copies, (f"corpus: the demo corpus ({DEMO}, {len(articles)} {lang} articles,"
                                 f" {len(paragraphs)} paragraphs x {copies}; {dev} is absent)")


def words_per_second(
    process: Callable[[list[str]], Iterable[object]], texts: list[str]
) -> tuple[float, int]:
    words = sum(len(text.split()) for text in texts)
    started = time.perf_counter()
    for _ in process(texts):
        pass
    return words / (time.perf_counter() - started), words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="nb", choices=["nb", "nn"])
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1,
                        help="worker processes for the parallel run (default: CPU cores)")
    parser.add_argument("--repeat", type=int, default=3, help="run the texts this many times over")
    parser.add_argument("--batch-size", type=int, default=64, help="texts per nlp.pipe batch")
    parser.add_argument("--compare-blis", action=argparse.BooleanOptionalAction, default=True,
                        help="also run with thinc's default BLIS kernels (the former setting)")
    args = parser.parse_args()
    paragraphs, source = load_texts(args.lang)
    print(source, flush=True)
    texts = paragraphs * max(args.repeat, 1)
    nlp = load(args.lang)
    blank = spacy.blank("nb")
    words_per_second(lambda batch: nlp.pipe(batch[:50]), texts)  # warm-up
    print(f"texts: {len(texts)}  words: {sum(len(text.split()) for text in texts)}  "
          f"pipeline: {', '.join(nlp.pipe_names)}")
    shipped = run_pipeline(nlp, texts, args, "matrix products with numpy/OpenBLAS (the default)")
    if args.compare_blis:
        set_ops(nlp, NumpyOps())
        former = run_pipeline(nlp, texts, args, "matrix products with thinc's BLIS kernels (before)")
        for processes in shipped:
            ratio = shipped[processes] / former[processes]
            print(f"numpy/OpenBLAS / BLIS, {processes} process(es): {ratio:.2f} x")
    tokenizer_only, _ = words_per_second(lambda batch: blank.pipe(batch, batch_size=args.batch_size), texts)
    print(f"blank tokenizer, 1 process: {tokenizer_only:,.0f} words/s")
    print(f"ratio full / tokenizer-only (1 process each): {shipped[1] / tokenizer_only:.3f}")


def run_pipeline(nlp: Language, texts: list[str], args: argparse.Namespace, label: str) -> dict[int, float]:
    """Words/s of the full pipeline in one process and in `--processes` processes."""
    print(label)
    full, _ = words_per_second(lambda batch: nlp.pipe(batch, batch_size=args.batch_size), texts)
    print(f"  full pipeline, 1 process: {full:,.0f} words/s")
    rates = {1: full}
    if args.processes > 1:
        rates[args.processes], _ = words_per_second(
            lambda batch: nlp.pipe(batch, batch_size=args.batch_size, n_process=args.processes), texts
        )
        print(f"  full pipeline, {args.processes} processes: {rates[args.processes]:,.0f} words/s "
              f"({rates[args.processes] / full:.2f} x 1 process)")
    return rates


if __name__ == "__main__":
    main()
