"""`nyhetsgraf extract` output against the extraction contract (JSON Schema when ../shared is present)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import REPO_ROOT
from nyhetsgraf.cli import app
from nyhetsgraf.records import Article, Facts, article_object

SHARED = Path(os.environ.get("NYHETSGRAF_SHARED", REPO_ROOT / ".." / "shared"))
SCHEMA_PATH = SHARED / "spec" / "extraction.schema.json"

# The contract's required keys and their JSON types, checked even without the shared schema.
REQUIRED: dict[str, tuple[type, ...]] = {
    "id": (str,), "source": (str,), "index": (int,), "span": (list,), "date": (str, type(None)),
    "title": (str, type(None)), "headings": (list,), "language": (str,), "entities": (list,),
    "quotes": (list,), "counts": (list,), "events": (list,), "times": (list,),
}
FACT_KEYS = {
    "entities": {"name", "type", "mentions"},
    "quotes": {"text", "speaker", "direct", "span"},
    "counts": {"category", "value", "bound", "object", "holder", "location", "span"},
    "events": {"type", "trigger", "actor", "target", "location", "date", "negated", "span"},
    "times": {"text", "value", "span"},
}


def check_required(obj: dict[str, Any]) -> None:
    for key, types in REQUIRED.items():
        assert key in obj, key
        assert isinstance(obj[key], types), (key, obj[key])
    start, end = obj["span"]
    assert 0 <= start <= end
    for kind, keys in FACT_KEYS.items():
        for fact in obj[kind]:
            assert keys <= set(fact), (kind, fact)


def validate(objects: list[dict[str, Any]]) -> None:
    for obj in objects:
        check_required(obj)
    if SCHEMA_PATH.is_file():
        import jsonschema

        validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
        for obj in objects:
            validator.validate(obj)


def test_extract_without_nlp_follows_the_contract(sample_file: Path) -> None:
    result = CliRunner().invoke(app, ["extract", "--no-nlp", str(sample_file)])
    assert result.exit_code == 0
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objects) >= 1
    validate(objects)
    text = sample_file.read_text(encoding="utf-8")
    for obj in objects:  # spans index the input file itself
        start, end = obj["span"]
        assert text[start:end].strip()
        assert obj["title"] is None or obj["title"] in text[start:end]


def test_article_objects_with_every_fact_kind_follow_the_contract(
        soldier_article: tuple[Article, Facts]) -> None:
    article, facts = soldier_article
    obj = json.loads(json.dumps(article_object(article, facts), ensure_ascii=False))
    validate([obj])
    assert obj["counts"][0]["value"] == 200  # integral floats are written as integers


def test_schema_check_rejects_a_broken_object(soldier_article: tuple[Article, Facts]) -> None:
    obj = article_object(*soldier_article)
    del obj["times"]
    with pytest.raises(AssertionError):
        check_required(obj)


@pytest.mark.slow
def test_full_extract_on_a_short_norwegian_text(short_news_file: Path) -> None:
    """The real entry point with NLP and every extractor, as a subprocess."""
    from nyhetsgraf.nlp import model_path

    if not (model_path("nb") / "config.cfg").exists():
        pytest.skip("the nb model has not been trained yet (nyhetsgraf train --lang nb)")
    command = [sys.executable, "-m", "nyhetsgraf.cli", "extract", str(short_news_file)]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", timeout=300,
                            check=False)
    assert result.returncode == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objects) == 1
    validate(objects)
    text = short_news_file.read_text(encoding="utf-8")
    obj = objects[0]
    for kind in ("quotes", "counts", "events", "times"):
        for fact in obj[kind]:
            start, end = fact["span"]
            assert 0 <= start < end <= len(text)
    for entity in obj["entities"]:
        for start, end in entity["mentions"]:
            assert text[start:end].strip()
    names = {entity["name"] for entity in obj["entities"]}
    assert any("Hansen" in name for name in names) or any("Litauen" in name for name in names)
