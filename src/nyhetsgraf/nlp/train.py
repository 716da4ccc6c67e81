"""Regenerate the packaged Norwegian pipelines from NorNE: convert → vectors → spacy pretrain /
spacy train → package.

Each language gets its own tagger/lemmatizer/parser, trained on its own NorNE half. The entity
recognizer is trained once on both halves (bokmål and nynorsk train sets together, chosen on both
dev sets): names, organisations and places are spelled the same in both written standards, and
doubling the training data helps nynorsk most.

The data is read from the shared folder (``../shared`` relative to the repository root, or
``$NYHETSGRAF_SHARED``); nothing from it is copied into the package except the trained weights.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from nyhetsgraf.nlp.components import LEMMA_CASE, LINE_BREAK_NORMS, SPACE_TAGS
from nyhetsgraf.nlp.entity_types import ENTITY_TYPES
from nyhetsgraf.nlp.ndt import group_sentences, read_ndt, sentences_to_doc

REPO_ROOT = Path(__file__).resolve().parents[3]
TRAINING_DIR = REPO_ROOT / "training"
SYNTAX_CONFIG = TRAINING_DIR / "config.cfg"
NER_CONFIG = TRAINING_DIR / "ner.cfg"
MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
SEED = 0
# The recognizer varies by about a point of F1 between seeds; each language ships the one of the
# seeds tried that scored best on its own dev set (training/ABLATION.md, fifth round).
NER_SEEDS = {"nb": 1, "nn": 0}
SENTENCES_PER_DOC = 10
NORNE_FOLDER = {"nb": "nob", "nn": "nno"}
# Floret table: 50k hash buckets × 100 dims ≈ 20 MB, which keeps each model under 50 MB.
FLORET_SETTINGS = {"dim": 100, "bucket": 50000, "minn": 4, "maxn": 5, "hashCount": 2, "epoch": 5}
NORNE_TEXT_REPEATS = 3  # news sentences are scarce in the raw text, so NorNE's tokens weigh more
# The recognizer's floret table is trained on the bokmål text (11 M words); its subword buckets
# cover nynorsk spellings too, and the nynorsk raw text alone is only 0.7 M words.
NER_VECTORS_LANG = "nb"
NER_LANGS = ("nb", "nn")
NER_COMPONENTS = ("ner_tok2vec", "ner")
PRETRAIN_EPOCHS = 3
COMPONENTS_CODE = Path(__file__).with_name("components.py")  # --code for the spaCy CLI
PRETRAIN_MIN_WORDS = 5


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


def joint_ner_corpus(corpora: dict[str, dict[str, Path]], corpus_dir: Path) -> dict[str, Path]:
    """Directories holding every language's train (and dev) DocBin: spaCy's corpus reader walks them."""
    joint = {}
    for split in ("train", "dev"):
        folder = corpus_dir / split
        folder.mkdir(parents=True, exist_ok=True)
        for lang, files in corpora.items():
            shutil.copyfile(files[split], folder / f"{lang}.spacy")
        joint[split] = folder
    return joint


def norne_train_lines(lang: str) -> list[str]:
    """The NorNE train sentences of `lang` as plain text, tokens joined by spaces, no headline marker."""
    return [" ".join(tok.form for tok in sentence.tokens if tok.form != "|")
            for sentence in read_ndt(norne_path(lang, "train"))]


def write_vector_corpus(lang: str, path: Path) -> Path:
    """Raw text of the language plus NorNE train tokens, one paragraph/sentence per line."""
    raw_dir = shared_dir() / "data" / "raw-text" / normalize_lang(lang)
    raw_files = sorted(raw_dir.glob("*.txt"))
    if not raw_files:
        raise TrainingDataMissing(f"no raw text found in {raw_dir}")
    norne_lines = norne_train_lines(lang)
    with path.open("w", encoding="utf-8") as out:
        for raw in raw_files:
            with raw.open(encoding="utf-8") as lines:
                shutil.copyfileobj(lines, out)
        for _ in range(NORNE_TEXT_REPEATS):
            out.write("\n".join(norne_lines) + "\n")
    return path


def write_pretrain_corpus(path: Path) -> Path:
    """News-like running text for `spacy pretrain`, as JSON Lines: the NPK news sentences, the raw
    text of the NDT train documents and the NorNE train sentences of both languages (never dev)."""
    data = shared_dir() / "data"
    sources = [data / "raw-text" / "nb" / "news-npk-sentences.txt", data / "ndt-texts" / "train.txt"]
    missing = [str(source) for source in sources if not source.exists()]
    if missing:
        raise TrainingDataMissing(f"pretraining text not found: {', '.join(missing)}")
    lines = [line.strip() for source in sources for line in source.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if len(line.split()) >= PRETRAIN_MIN_WORDS]
    for lang in NER_LANGS:
        lines += norne_train_lines(lang)
    random.Random(SEED).shuffle(lines)
    with path.open("w", encoding="utf-8") as out:
        out.writelines(json.dumps({"text": line}, ensure_ascii=False) + "\n" for line in lines)
    return path


def spacy_pretrain_command(corpus: Path, vectors: Path, output_dir: Path) -> list[str]:
    """Pretrain the recognizer's tok2vec (ner.cfg's [pretraining] block) for PRETRAIN_EPOCHS epochs."""
    return [
        sys.executable, "-m", "spacy", "pretrain", str(NER_CONFIG), str(output_dir),
        "--paths.raw_text", str(corpus), "--paths.vectors", str(vectors),
        "--pretraining.max_epochs", str(PRETRAIN_EPOCHS), "--code", str(COMPONENTS_CODE),
    ]


def pretrained_weights(output_dir: Path) -> Path:
    """The weights of the last finished pretraining epoch."""
    return output_dir / f"model{PRETRAIN_EPOCHS - 1}.bin"


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
    config: Path, corpus: dict[str, Path], vectors: Path | None, output_dir: Path,
    init_tok2vec: Path | None = None, seed: int = SEED,
) -> list[str]:
    return [
        sys.executable, "-m", "spacy", "train", str(config), "--output", str(output_dir),
        "--paths.train", str(corpus["train"]), "--paths.dev", str(corpus["dev"]),
        "--paths.vectors", str(vectors) if vectors else "null", "--system.seed", str(seed),
        "--paths.init_tok2vec", str(init_tok2vec) if init_tok2vec else "null",
        "--code", str(COMPONENTS_CODE),
    ]


def run_for(lanes: list[list[list[str]]], minutes: float) -> None:
    """Run lanes of commands side by side (one core each; a lane's commands one after another) and
    stop whatever still runs with SIGINT after `minutes`; a lane stopped early skips its remaining
    commands.

    spaCy saves model-last on SIGINT and model-best at every evaluation, so a fixed wall-clock
    budget is a clean stopping rule.
    """
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    deadline = time.monotonic() + minutes * 60
    stopping = threading.Event()  # set on Ctrl-C or a failed lane: start nothing new

    def run_lane(commands: list[list[str]]) -> None:
        for command in commands:
            if stopping.is_set() or time.monotonic() >= deadline:
                return
            process = subprocess.Popen(command, env=env)
            try:
                process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGINT)
                process.wait()
                return
            if process.returncode != 0:
                raise subprocess.CalledProcessError(process.returncode, command)

    with ThreadPoolExecutor(max_workers=len(lanes)) as pool:
        futures = [pool.submit(run_lane, commands) for commands in lanes]
        try:
            for future in futures:
                future.result()
        except BaseException:
            stopping.set()
            raise


def merge_and_package(syntax_model: Path, ner_model: Path, destination: Path) -> Path:
    """Source the entity recognizer into the tagger/parser pipeline; save it without training state."""
    nlp = spacy.load(syntax_model)
    ner_nlp = spacy.load(ner_model)
    nlp.vocab.vectors = ner_nlp.vocab.vectors  # only the entity recognizer reads the floret vectors
    for name in NER_COMPONENTS:
        nlp.add_pipe(name, source=ner_nlp)
    nlp.add_pipe(LEMMA_CASE, after="trainable_lemmatizer")
    nlp.add_pipe(LINE_BREAK_NORMS, first=True)
    nlp.add_pipe(ENTITY_TYPES, after="ner")
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


def train(lang: str, minutes: float = 90.0, output: Path | None = None) -> Path:
    """Regenerate the `lang` model from NorNE with the committed configs; returns the model path.

    Steps: convert NorNE (both languages: the recognizer learns from both) → train floret vectors →
    side by side, one core each, for the rest of `minutes`: the `lang` tagger/parser pipeline (no
    vectors), and `spacy pretrain` of the recognizer's tok2vec on news-like text followed by the
    joint entity recognizer (floret vectors) → merge into `output` (default: the package).
    Pretraining takes about 30 minutes of the budget.
    """
    lang = normalize_lang(lang)
    destination = output or MODELS_DIR / lang
    work = Path(tempfile.mkdtemp(prefix=f"nyhetsgraf-train-{lang}-"))
    try:
        started = time.monotonic()
        corpora = {code: convert_norne(code, work / "corpus" / code) for code in NER_LANGS}
        ner_corpus = joint_ner_corpus(corpora, work / "corpus" / "joint")
        pretrain_corpus = write_pretrain_corpus(work / "corpus" / "pretrain.jsonl")
        vectors = train_vectors(NER_VECTORS_LANG, work / "vectors")
        remaining = max(minutes - (time.monotonic() - started) / 60 - 1.0, 1.0)
        run_for(
            [
                [spacy_train_command(SYNTAX_CONFIG, corpora[lang], None, work / "syntax")],
                [
                    spacy_pretrain_command(pretrain_corpus, vectors, work / "pretrain"),
                    spacy_train_command(NER_CONFIG, ner_corpus, vectors, work / "ner",
                                        init_tok2vec=pretrained_weights(work / "pretrain"),
                                        seed=NER_SEEDS[lang]),
                ],
            ],
            remaining,
        )
        return merge_and_package(best_model(work / "syntax"), best_model(work / "ner"), destination)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _run(command: list[str]) -> None:
    subprocess.run(command, check=True, env={**os.environ, "OMP_NUM_THREADS": "1"})
