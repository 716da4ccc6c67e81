"""Words per second of the full Norwegian pipeline with nlp.pipe, and its ratio to a blank tokenizer.

Reads ../shared/data/ndt-texts/dev.txt (or $NYHETSGRAF_SHARED/...) when present; otherwise it
uses a few paragraphs of its own, repeated. Usage: python benchmarks/nlp_speed.py [--lang nb|nn]
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import spacy

from nyhetsgraf.nlp import load

REPO_ROOT = Path(__file__).resolve().parents[1]
FALLBACK_PARAGRAPHS = [
    "Regjeringen la tirsdag fram et forslag om å bruke 1,5 milliarder kroner mer på fylkesveiene.",
    "– Vi har ventet lenge på dette, sier ordfører Kari Hansen (Sp) i Vinje kommune til avisen.",
    "Ifølge Statens vegvesen er over 5.200 kilometer vei i dårlig stand, bl.a. i Telemark og Agder.",
    "Forslaget skal behandles i Stortinget før sommeren, og opposisjonen varsler at den vil kreve mer.",
]


def load_texts() -> list[str]:
    shared = Path(os.environ.get("NYHETSGRAF_SHARED", REPO_ROOT / ".." / "shared"))
    dev = shared / "data" / "ndt-texts" / "dev.txt"
    if dev.exists():
        return [line.strip() for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    return FALLBACK_PARAGRAPHS * 500


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
    args = parser.parse_args()
    texts = load_texts()
    nlp = load(args.lang)
    blank = spacy.blank("nb")
    words_per_second(lambda batch: nlp.pipe(batch[:50]), texts)  # warm-up
    full, words = words_per_second(lambda batch: nlp.pipe(batch, batch_size=256), texts)
    tokenizer_only, _ = words_per_second(lambda batch: blank.pipe(batch, batch_size=256), texts)
    print(f"texts: {len(texts)}  words: {words}  pipeline: {', '.join(nlp.pipe_names)}")
    print(f"full pipeline: {full:,.0f} words/s")
    print(f"blank tokenizer: {tokenizer_only:,.0f} words/s")
    print(f"ratio full / tokenizer-only: {full / tokenizer_only:.3f}")


if __name__ == "__main__":
    main()
