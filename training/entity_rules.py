"""Measure the entity-type rules on NorNE without re-running the models each time.

    .venv/bin/python training/entity_rules.py cache [--cache DIR]       # once: the models' output
    .venv/bin/python training/entity_rules.py score [--cache DIR] [--without RULE ...] [--ablate]

`cache` runs each packaged pipeline without `nyhetsgraf_entity_types` over NorNE dev and train
(bokmål with the nb model, nynorsk with the nn model; docs and line breaks as `evaluate` builds
them) and stores its output and the gold docs as DocBins under DIR (default
training/output/entity-rules; about four minutes on one core). `score` then applies the rules
to the stored output and prints strict entity F1 (exact span and type) per set in a few seconds:
with the default rules, with none, without the named rules, and with `--ablate` the F1, true
positives and predictions without each rule in turn. The scores on dev equal `evaluate`'s. The
recognizer was trained on train, so a rule that overrides it scores worse there than on unseen
text; a rule's changes on train still show where it is wrong.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

REPO = Path(__file__).resolve().parents[1]
NORNE = REPO.parent / "shared" / "data" / "norne"
SETS = (("nb", "dev"), ("nn", "dev"), ("nb", "train"), ("nn", "train"))
FOLDERS = {"nb": "nob", "nn": "nno"}
ATTRS = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "SENT_START", "ENT_IOB", "ENT_TYPE", "NORM"]


@dataclass
class StoredSet:
    """The models' docs of one NorNE set, their entities as the recognizer left them, the gold docs,
    and for each predicted doc the gold index of each of its tokens (line breaks have none)."""

    predicted: list[Doc]
    recognized: list[list[tuple[int, int, str]]]
    gold: list[Doc]
    gold_index: list[dict[int, int]]


def cache(folder: Path) -> None:
    from nyhetsgraf.nlp import model_path
    from nyhetsgraf.nlp.entity_types import ENTITY_TYPES
    from nyhetsgraf.nlp.evaluate import gold_docs
    from nyhetsgraf.nlp.ndt import article_layout

    folder.mkdir(parents=True, exist_ok=True)
    for lang, split in SETS:
        nlp = spacy.load(model_path(lang), exclude=[ENTITY_TYPES])
        gold = gold_docs(nlp, NORNE / FOLDERS[lang] / f"{split}.conll")
        predicted = list(nlp.pipe((article_layout(doc) for doc in gold), batch_size=64))
        DocBin(attrs=ATTRS, docs=predicted).to_disk(folder / f"{lang}-{split}-pred.spacy")
        DocBin(docs=gold).to_disk(folder / f"{lang}-{split}-gold.spacy")
        print(f"{lang} {split}: {len(gold)} docs", file=sys.stderr)


def load(folder: Path, lang: str, split: str) -> StoredSet:
    vocab = spacy.blank("nb").vocab
    predicted = list(DocBin().from_disk(folder / f"{lang}-{split}-pred.spacy").get_docs(vocab))
    gold = list(DocBin().from_disk(folder / f"{lang}-{split}-gold.spacy").get_docs(vocab))
    return StoredSet(
        predicted, [[(ent.start, ent.end, ent.label_) for ent in doc.ents] for doc in predicted], gold,
        [_gold_index(doc, reference) for doc, reference in zip(predicted, gold, strict=True)],
    )


def _gold_index(predicted: Doc, gold: Doc) -> dict[int, int]:
    index: dict[int, int] = {}
    position = 0
    for token in predicted:
        if position < len(gold) and token.text == gold[position].text:
            index[token.i] = position
            position += 1
    if position != len(gold):
        raise ValueError("the stored docs do not match the gold docs; run `cache` again")
    return index


def f1(stored: StoredSet, rules: list[str]) -> tuple[float, int, int]:
    """Strict entity F1, true positives and predictions with `rules` applied in that order."""
    from nyhetsgraf.nlp.entity_types import EntityTypes, split_at_whitespace

    component = EntityTypes(rules)
    true_positives = predictions = gold_count = 0
    rows = zip(stored.predicted, stored.recognized, stored.gold, stored.gold_index, strict=True)
    for doc, recognized, gold, index in rows:
        doc.ents = [Span(doc, start, end, label=label) for start, end, label in recognized]
        ents = split_at_whitespace(list(component(doc).ents)) if rules else list(doc.ents)
        found = {(index[ent.start], index[ent.end - 1] + 1, ent.label_) for ent in ents}
        expected = {(ent.start, ent.end, ent.label_) for ent in gold.ents}
        true_positives += len(found & expected)
        predictions += len(found)
        gold_count += len(expected)
    precision = true_positives / predictions if predictions else 0.0
    recall = true_positives / gold_count if gold_count else 0.0
    score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return score, true_positives, predictions


def score(folder: Path, without: list[str], ablate: bool) -> None:
    from nyhetsgraf.nlp.entity_types import DEFAULT_RULES

    stored = {(lang, split): load(folder, lang, split) for lang, split in SETS}
    rules = [rule for rule in DEFAULT_RULES if rule not in without]
    print(f"{'':34}" + "".join(f"{lang} {split:>6}      " for lang, split in SETS))
    print(f"{'no rules':34}" + "".join(f"{f1(stored[key], [])[0]:.4f}         " for key in SETS))
    full = {key: f1(stored[key], rules) for key in SETS}
    print(f"{'rules' + (' without ' + ', '.join(without) if without else ''):34}"
          + "".join(f"{full[key][0]:.4f}         " for key in SETS))
    if not ablate:
        return
    print("without each rule: F1 (true positives, predictions the rule adds)")
    for rule in rules:
        rest = [name for name in rules if name != rule]
        row = ""
        for key in SETS:
            value, true_positives, predictions = f1(stored[key], rest)
            added = f"({full[key][1] - true_positives:+d}/{full[key][2] - predictions:+d})"
            row += f"{value:.4f} {added}".ljust(17)
        print(f"{rule:34}{row}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the entity-type rules on NorNE.")
    parser.add_argument("command", choices=["cache", "score"])
    parser.add_argument("--cache", type=Path, default=REPO / "training" / "output" / "entity-rules")
    parser.add_argument("--without", action="append", default=[], metavar="RULE", help="leave a rule out")
    parser.add_argument("--ablate", action="store_true", help="also score without each rule in turn")
    args = parser.parse_args(argv)
    if not NORNE.is_dir():
        print(f"error: NorNE not found at {NORNE}", file=sys.stderr)
        return 1
    if args.command == "cache":
        cache(args.cache)
        return 0
    if not (args.cache / "nb-dev-pred.spacy").is_file():
        print(f"error: no stored model output in {args.cache}; run `cache` first", file=sys.stderr)
        return 1
    score(args.cache, args.without, args.ablate)
    return 0


if __name__ == "__main__":
    sys.exit(main())
