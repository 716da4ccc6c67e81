"""Regenerate the packaged Norwegian pipelines from NorNE: convert → vectors → spacy train → package.

The data is read from the shared folder (``../shared`` relative to the repository root, or
``$NYHETSGRAF_SHARED``); nothing from it is copied into the package except the trained weights.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from nyhetsgraf.nlp.components import LEMMA_CASE, SPACE_TAGS
from nyhetsgraf.nlp.ndt import group_sentences, read_ndt, sentences_to_doc

REPO_ROOT = Path(__file__).resolve().parents[3]
TRAINING_DIR = REPO_ROOT / "training"
SYNTAX_CONFIG = TRAINING_DIR / "config.cfg"
NER_CONFIG = TRAINING_DIR / "ner.cfg"
MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
SEED = 0
SENTENCES_PER_DOC = 10
NORNE_FOLDER = {"nb": "nob", "nn": "nno"}
# Floret table: 50k hash buckets × 100 dims ≈ 20 MB, which keeps each model under 50 MB.
FLORET_SETTINGS = {"dim": 100, "bucket": 50000, "minn": 4, "maxn": 5, "hashCount": 2, "epoch": 5}
NORNE_TEXT_REPEATS = 3  # news sentences are scarce in the raw text, so NorNE's tokens weigh more


class TrainingDataMissing(RuntimeError):
    """The shared NorNE data (or raw text) needed for training is not where it should be."""


def shared_dir() -> Path:
    return Path(os.environ.get("NYHETSGRAF_SHARED", REPO_ROOT / ".." / "shared"))


def norne_path(lang: str, split: str) -> Path:
    path = shared_dir() / "data" / "norne" / NORNE_FOLDER[normalize_lang(lang)] / f"{split}.conll"
    if not path.exists():
        raise TrainingDataMissing(f"NorNE file not found: {path} (set NYHETSGRAF_SHARED)")
    return path


def normalize_lang(lang: str) -> str:
    return "nn" if lang == "nn" else "nb"


def convert_norne(lang: str, corpus_dir: Path) -> dict[str, Path]:
    """Write train.spacy and dev.spacy (10-sentence docs, so the parser learns sentence starts)."""
    corpus_dir.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("nb")
    outputs = {}
    for split in ("train", "dev"):
        sentences = read_ndt(norne_path(lang, split))
        docs = (sentences_to_doc(nlp.vocab, group) for group in group_sentences(sentences, SENTENCES_PER_DOC))
        out = corpus_dir / f"{split}.spacy"
        DocBin(docs=docs, store_user_data=False).to_disk(out)
        outputs[split] = out
    return outputs


def write_vector_corpus(lang: str, path: Path) -> Path:
    """Raw text of the language plus NorNE train tokens, one paragraph/sentence per line."""
    raw_dir = shared_dir() / "data" / "raw-text" / normalize_lang(lang)
    raw_files = sorted(raw_dir.glob("*.txt"))
    if not raw_files:
        raise TrainingDataMissing(f"no raw text found in {raw_dir}")
    norne_lines = [
        " ".join(tok.form for tok in sentence.tokens if tok.form != "|")
        for sentence in read_ndt(norne_path(lang, "train"))
    ]
    with path.open("w", encoding="utf-8") as out:
        for raw in raw_files:
            with raw.open(encoding="utf-8") as lines:
                shutil.copyfileobj(lines, out)
        for _ in range(NORNE_TEXT_REPEATS):
            out.write("\n".join(norne_lines) + "\n")
    return path


def train_vectors(lang: str, vectors_dir: Path) -> Path:
    """Train floret vectors and turn them into a spaCy vectors directory (for [initialize])."""
    import floret  # training-only dependency (extra "train")

    vectors_dir.mkdir(parents=True, exist_ok=True)
    corpus = write_vector_corpus(lang, vectors_dir / "corpus.txt")
    model = floret.train_unsupervised(
        str(corpus), model="cbow", mode="floret", thread=1, minCount=3, verbose=0, **FLORET_SETTINGS
    )
    floret_file = vectors_dir / "vectors.floret"
    model.save_floret_vectors(str(floret_file))
    spacy_vectors = vectors_dir / "spacy"
    _run([sys.executable, "-m", "spacy", "init", "vectors", "nb", str(floret_file), str(spacy_vectors),
          "--mode", "floret"])
    corpus.unlink()
    return spacy_vectors


def spacy_train_command(
    config: Path, corpus: dict[str, Path], vectors: Path | None, output_dir: Path
) -> list[str]:
    return [
        sys.executable, "-m", "spacy", "train", str(config), "--output", str(output_dir),
        "--paths.train", str(corpus["train"]), "--paths.dev", str(corpus["dev"]),
        "--paths.vectors", str(vectors) if vectors else "null", "--system.seed", str(SEED),
        "--code", str(Path(__file__).with_name("components.py")),
    ]


def run_for(commands: list[list[str]], minutes: float) -> None:
    """Run the training commands side by side (one core each) and stop them with SIGINT after `minutes`.

    spaCy saves model-last on SIGINT and model-best at every evaluation, so a fixed wall-clock
    budget is a clean stopping rule.
    """
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    processes = [subprocess.Popen(command, env=env) for command in commands]
    deadline = time.monotonic() + minutes * 60
    for process in processes:
        try:
            process.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGINT)
            process.wait()


def merge_and_package(syntax_model: Path, ner_model: Path, destination: Path) -> Path:
    """Source the entity recognizer into the tagger/parser pipeline; save it without training state."""
    nlp = spacy.load(syntax_model)
    ner_nlp = spacy.load(ner_model)
    nlp.vocab.vectors = ner_nlp.vocab.vectors  # only the entity recognizer reads the floret vectors
    nlp.add_pipe("ner", source=ner_nlp)
    nlp.add_pipe(LEMMA_CASE, after="trainable_lemmatizer")
    nlp.add_pipe(SPACE_TAGS, last=True)
    if destination.exists():
        shutil.rmtree(destination)
    nlp.to_disk(destination)
    return destination


def best_model(output_dir: Path) -> Path:
    best = output_dir / "model-best"
    if not best.exists():
        raise RuntimeError(f"training produced no model in {output_dir}")
    return best


def train(lang: str, minutes: float = 60.0, output: Path | None = None) -> Path:
    """Regenerate the `lang` model from NorNE with the committed configs; returns the model path.

    Steps: convert NorNE → train floret vectors → train the tagger/parser pipeline (no vectors) and
    the entity recognizer (floret vectors) side by side, one core each, for the rest of `minutes`
    → merge into `output` (default: the package).
    """
    lang = normalize_lang(lang)
    destination = output or MODELS_DIR / lang
    work = Path(tempfile.mkdtemp(prefix=f"nyhetsgraf-train-{lang}-"))
    started = time.monotonic()
    corpus = convert_norne(lang, work / "corpus")
    vectors = train_vectors(lang, work / "vectors")
    remaining = max(minutes - (time.monotonic() - started) / 60 - 1.0, 1.0)
    run_for(
        [
            spacy_train_command(SYNTAX_CONFIG, corpus, None, work / "syntax"),
            spacy_train_command(NER_CONFIG, corpus, vectors, work / "ner"),
        ],
        remaining,
    )
    merge_and_package(best_model(work / "syntax"), best_model(work / "ner"), destination)
    shutil.rmtree(work, ignore_errors=True)
    return destination


def _run(command: list[str]) -> None:
    subprocess.run(command, check=True, env={**os.environ, "OMP_NUM_THREADS": "1"})
