"""Norwegian NLP pipelines (bokmål and nynorsk) trained on NorNE and shipped with the package.

`load("nb")` / `load("nn")` returns a spaCy pipeline with a news-tuned tokenizer, newline-aware
sentence segmentation, NDT tags (`tag_`), Universal POS (`pos_`), UD-style morphology, lemmas,
NDT dependencies and NorNE entities (PER ORG LOC GPE_LOC GPE_ORG PROD EVT DRV MISC).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import Model, NumpyOps, Ops
from threadpoolctl import threadpool_limits

from nyhetsgraf.nlp import components, entity_types  # noqa: F401  (register the custom pipeline pieces)

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
LANGUAGES = ("nb", "nn")


class ModelMissing(RuntimeError):
    """The packaged model directory is absent (it is created by `nyhetsgraf train`)."""


def model_path(lang: str = "nb") -> Path:
    """Directory of the packaged model: "nn" → nynorsk, anything else → bokmål."""
    return MODELS_DIR / ("nn" if lang == "nn" else "nb")


def load(lang: str = "nb") -> Language:
    """Load the packaged pipeline for `lang` (cached, so repeated calls are free)."""
    return _load_cached("nn" if lang == "nn" else "nb")


@cache
def _load_cached(lang: str) -> Language:
    path = model_path(lang)
    if not (path / "config.cfg").exists():
        raise ModelMissing(f"no {lang} model at {path}; run `nyhetsgraf train --lang {lang}`")
    nlp = spacy.load(path)
    if os.environ.get("NYHETSGRAF_MATMUL", "numpy") != "blis":
        use_numpy_matmul(nlp)
    return nlp


def use_numpy_matmul(nlp: Language) -> Language:
    """Let the pipeline's layers multiply matrices with numpy (OpenBLAS) instead of thinc's default
    BLIS kernels. The results are the same; on the x86 servers measured, BLIS's generic kernels were
    3-6 times slower for the tok2vec's matrix sizes, and the whole pipeline ran 1.5 times faster
    (benchmarks/nlp_speed.py). ``NYHETSGRAF_MATMUL=blis`` keeps thinc's default."""
    if "OPENBLAS_NUM_THREADS" not in os.environ and "OMP_NUM_THREADS" not in os.environ:
        # One BLAS thread per process: corpus runs use a process per core, and OpenBLAS's own threads
        # on top of them halved the throughput on a two-core machine.
        threadpool_limits(limits=1, user_api="blas")
    return set_ops(nlp, NumpyOps(use_blis=False))


def set_ops(nlp: Language, ops: Ops) -> Language:
    """Give every layer of the pipeline's trained components these thinc operations."""
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for layer in model.walk():
                layer.ops = ops
    return nlp


__all__ = ["LANGUAGES", "MODELS_DIR", "ModelMissing", "load", "model_path", "set_ops", "use_numpy_matmul"]
