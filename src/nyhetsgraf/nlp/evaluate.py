"""Score a pipeline on an NDT-format file.

Usage: python -m nyhetsgraf.nlp.evaluate FILE.conll [--lang nb|nn] [--model PATH] [--exclude NAME ...]
       [--glue-headlines]

Docs are built from the file's own tokens, one Doc per NDT document (at most MAX_SENTS_PER_DOC
sentences), and every pipeline component runs on them. The file marks a headline with a final
`|` token; the pipeline gets a line break there instead, as an article puts one after its
headline (`--glue-headlines` runs the headline into the next sentence). Scores are taken on the
file's tokens without the markers.
Scores: strict entity P/R/F (exact span and type), UPOS accuracy (NDT tags mapped as described
in `nyhetsgraf.nlp.ndt`), NDT tag accuracy, morphology and lemma accuracy, UAS/LAS without the
punctuation relations IP/IK (as spaCy scores `punct`), and sentence-start F1 of the pipeline's
own segmentation. The last line printed is one JSON object with all scores.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example

from nyhetsgraf.nlp import load, model_path  # importing the package registers the custom pipeline pieces
from nyhetsgraf.nlp.ndt import article_layout, group_sentences, read_ndt, sentences_to_doc

MAX_SENTS_PER_DOC = 50
PUNCT_DEPRELS = ("IP", "IK")


def gold_docs(nlp: Language, path: Path) -> list[Doc]:
    groups = group_sentences(read_ndt(path), MAX_SENTS_PER_DOC)
    return [sentences_to_doc(nlp.vocab, group) for group in groups]


def predict(nlp: Language, docs: Iterable[Doc], glue_headlines: bool = False) -> tuple[list[Doc], float]:
    """Run the pipeline on untagged copies of the gold tokens; returns the docs and words/s."""
    bare = [article_layout(doc, glue_headlines=glue_headlines) for doc in docs]
    started = time.perf_counter()
    predicted = list(nlp.pipe(bare, batch_size=64))
    elapsed = time.perf_counter() - started
    words = sum(not token.is_space for doc in predicted for token in doc)
    return predicted, words / elapsed if elapsed > 0 else 0.0


def score(examples: list[Example]) -> dict[str, Any]:
    ents = Scorer.score_spans(examples, "ents")
    sents = Scorer.score_spans(examples, "sents", has_annotation=lambda doc: doc.has_annotation("SENT_START"))
    deps = Scorer.score_deps(
        examples, "dep", head_attr="head", has_annotation=lambda doc: doc.has_annotation("DEP"),
        ignore_labels=PUNCT_DEPRELS,
    )
    return {
        "ents_p": ents["ents_p"],
        "ents_r": ents["ents_r"],
        "ents_f": ents["ents_f"],
        "ents_per_type": ents["ents_per_type"],
        "pos_acc": Scorer.score_token_attr(examples, "pos")["pos_acc"],
        "tag_acc": Scorer.score_token_attr(examples, "tag")["tag_acc"],
        "morph_acc": Scorer.score_token_attr(examples, "morph")["morph_acc"],
        "lemma_acc": Scorer.score_token_attr(examples, "lemma")["lemma_acc"],
        "uas": deps["dep_uas"],
        "las": deps["dep_las"],
        "sents_f": sents["sents_f"],
    }


def evaluate(path: Path, nlp: Language, glue_headlines: bool = False) -> dict[str, Any]:
    gold = gold_docs(nlp, path)
    predicted, words_per_second = predict(nlp, gold, glue_headlines)
    scores = score([Example(pred, ref) for pred, ref in zip(predicted, gold, strict=True)])
    scores["words_per_second"] = round(words_per_second)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the Norwegian pipeline on an NDT-format file.")
    parser.add_argument("file", type=Path, help="NDT/NorNE .conll file")
    parser.add_argument("--lang", default="nb", choices=["nb", "nn"], help="packaged model to use")
    parser.add_argument("--model", type=Path, default=None, help="model directory to use instead")
    parser.add_argument("--exclude", action="append", default=[], metavar="NAME",
                        help="leave this pipeline component out (repeatable), e.g. nyhetsgraf_entity_types")
    parser.add_argument("--glue-headlines", action="store_true",
                        help="no line break after headlines: run them into the next sentence")
    args = parser.parse_args(argv)
    if not args.file.is_file():
        print(f"error: file not found: {args.file}", file=sys.stderr)
        return 2
    try:
        if args.model or args.exclude:
            nlp = spacy.load(args.model or model_path(args.lang), exclude=args.exclude)
        else:
            nlp = load(args.lang)
        scores = evaluate(args.file, nlp, args.glue_headlines)
    except (OSError, ValueError, RuntimeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for key in ("ents_p", "ents_r", "ents_f", "pos_acc", "tag_acc", "morph_acc", "lemma_acc", "uas", "las",
                "sents_f"):
        print(f"{key:>10}  {scores[key]:.4f}" if scores[key] is not None else f"{key:>10}  n/a")
    print(f"{'words/s':>10}  {scores['words_per_second']}")
    print(json.dumps(scores, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
