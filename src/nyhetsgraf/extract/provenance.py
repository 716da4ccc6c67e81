"""Which model and which lexicons produce an article's facts, as short fingerprints stored with them.

A fingerprint changes whenever what it names changes (a retrained model, an edited lexicon), so
``nyhetsgraf reextract --outdated`` can find the articles whose facts an upgrade would change. It is
computed from files, without loading spaCy.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from nyhetsgraf.extract.components import ExtractConfig
from nyhetsgraf.ingest.language import is_norwegian

_MODEL_FILES = ("meta.json", "config.cfg")  # the scores in meta.json change with every training run


@dataclass(frozen=True, slots=True)
class Provenance:
    """What produced an article's facts: ``model`` is None where no model applies (not Norwegian)."""

    model: str | None
    lexicon: str


def _digest(parts: list[bytes]) -> str:
    digest = hashlib.sha1()
    for part in parts:
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return digest.hexdigest()[:12]


@cache
def lexicon_version() -> str:
    """A fingerprint of every lexicon, gazetteer and word list the extractors read (resources/data)."""
    parts: list[bytes] = []

    def walk(folder: Traversable, prefix: str) -> None:
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_dir():
                walk(entry, f"{prefix}{entry.name}/")
            elif entry.is_file():
                parts.extend(((prefix + entry.name).encode(), entry.read_bytes()))

    walk(files("nyhetsgraf.resources").joinpath("data"), "")
    return "lexicon@" + _digest(parts)


@cache
def model_version(language: str, models: str | None = None) -> str:
    """A fingerprint of the pipeline that reads ``language`` (from its folder, without loading it)."""
    if models:
        folder = Path(models) / language
        folder = folder if folder.is_dir() else Path(models) / "nb"
    else:
        from nyhetsgraf.nlp import model_path

        folder = model_path(language)
    parts = []
    for name in _MODEL_FILES:
        path = folder / name
        parts.append(path.read_bytes() if path.is_file() else b"")
    return f"{folder.name}@{_digest(parts)}"


def provenance(language: str, config: ExtractConfig | None = None) -> Provenance:
    """What extraction with ``config`` records for an article in ``language``."""
    models = config.models if config is not None else None
    model = model_version(language, models) if is_norwegian(language) else None
    return Provenance(model, lexicon_version())
