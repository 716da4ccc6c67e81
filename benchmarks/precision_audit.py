"""Sample extracted facts for a precision audit by reading: N random items of each fact kind.

    nice nyhetsgraf extract -w 1 ../shared/data/ndt-texts/train.txt -o /tmp/train.jsonl
    PYTHONPATH=src .venv/bin/python benchmarks/precision_audit.py /tmp/train.jsonl \
        ../shared/data/ndt-texts/train.txt [--per-kind 50] [--seed 19] [--kind events]

Reads the contract JSON Lines that `nyhetsgraf extract` wrote for one input file and that input
file, draws ``--per-kind`` items of every fact kind with a fixed seed, and prints each item with
the sentence it came from, numbered, so that a person can judge it right or wrong. Nothing is
judged here: the judgements and the error classes go into docs/evaluation.md. The text has no
date line, so time values are null and only the detection of a time expression is judged.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

KINDS = ("entities", "quotes", "counts", "events", "times")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def sentence_around(text: str, start: int, end: int, limit: int = 320) -> str:
    """The sentence (or line) holding text[start:end], the item marked with [[ ]]."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - limit), start)), default=None)
    left = max(0, start - limit // 2) if left is None else left
    right_match = _SENTENCE_END.search(text, end, end + limit)
    right = right_match.end() if right_match else min(len(text), end + limit // 2)
    inside = f"{text[left:start]}[[{text[start:end]}]]{text[end:right]}"
    return " ".join(inside.split())


def describe(kind: str, item: dict) -> str:
    """One line that states what the extractor claims."""
    if kind == "entities":
        return f"{item['name']} = {item['type']}"
    if kind == "quotes":
        return f"speaker={item['speaker']!r} direct={item['direct']} «{item['text'][:80]}»"
    if kind == "counts":
        return (f"{item['category']} value={item['value']} bound={item['bound']} object={item['object']!r} "
                f"holder={item.get('holder')!r}")
    if kind == "events":
        return (f"{item['type']} trigger={item['trigger']!r} actor={item['actor']!r}"
                f" target={item['target']!r} negated={item['negated']}")
    return f"{item['text']!r} value={item['value']}"


def items_of(objects: list[dict], kind: str) -> Iterator[tuple[dict, tuple[int, int]]]:
    """Every item of one kind with the span that locates it (an entity's first mention)."""
    for article in objects:
        for item in article.get(kind, []):
            if kind == "entities":
                if item["mentions"]:
                    yield item, tuple(item["mentions"][0])
            else:
                yield item, tuple(item["span"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("extracted", type=Path, help="JSON Lines written by `nyhetsgraf extract`")
    parser.add_argument("source", type=Path, help="the input file it was extracted from")
    parser.add_argument("--per-kind", type=int, default=50)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--kind", choices=KINDS, action="append", help="only these kinds (repeatable)")
    args = parser.parse_args()
    try:
        text = args.source.read_text(encoding="utf-8")
        lines = args.extracted.read_text(encoding="utf-8").splitlines()
        objects = [json.loads(line) for line in lines if line]
    except (OSError, ValueError) as error:
        sys.exit(f"cannot read the input: {error}")
    for kind in args.kind or KINDS:
        found = list(items_of(objects, kind))
        sample = random.Random(f"{args.seed}-{kind}").sample(found, min(args.per_kind, len(found)))
        print(f"=== {kind}: {len(sample)} of {len(found)}")
        for number, (item, (start, end)) in enumerate(sample, start=1):
            if kind == "events":  # an event's span is its sentence: mark the trigger inside it
                at = text.find(item["trigger"].split()[0], start, end)
                start, end = (at, at + len(item["trigger"].split()[0])) if at >= 0 else (start, end)
            print(f"{kind[0]}{number:02d} {describe(kind, item)}\n    {sentence_around(text, start, end)}")


if __name__ == "__main__":
    main()
