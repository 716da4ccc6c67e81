"""Norwegian NLP pipelines (bokmål and nynorsk) trained on NorNE and shipped with the package.

`load("nb")` / `load("nn")` returns a spaCy pipeline with a news-tuned tokenizer, newline-aware
sentence segmentation, NDT tags (`tag_`), Universal POS (`pos_`), UD-style morphology, lemmas,
NDT dependencies and NorNE entities (PER ORG LOC GPE_LOC GPE_ORG PROD EVT DRV MISC).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

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
    return spacy.load(path)


__all__ = ["LANGUAGES", "MODELS_DIR", "ModelMissing", "load", "model_path"]
