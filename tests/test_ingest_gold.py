"""Segmentation against the development gold set and the seed example (skipped when ../shared is absent)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from nyhetsgraf.ingest import read_articles

SHARED = Path(os.environ.get("NYHETSGRAF_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
GOLD_DEV = SHARED / "gold" / "dev"
BOUNDARY_TOLERANCE = 20  # characters, as the scorer counts a boundary


def _gold_inputs() -> list[Path]:
    return sorted(GOLD_DEV.glob("*.txt")) if GOLD_DEV.is_dir() else []


@pytest.mark.skipif(not (SHARED / "examples" / "seed.txt").is_file(), reason="shared data not available")
def test_seed_gives_two_articles_with_date_and_headings() -> None:
    first, second = read_articles([str(SHARED / "examples" / "seed.txt")])
    assert first.date == second.date == "2020-01"
    assert first.headings == ["500 soldater", "Franske styrker blir"]
    assert second.headings == []
    assert first.span[0] == len(" date 2020-01 – ")
    assert first.span[1] == second.span[0]
    assert first.text.endswith(".") and second.text[0].isupper()


@pytest.mark.skipif(not _gold_inputs(), reason="shared gold set not available")
@pytest.mark.parametrize("path", _gold_inputs(), ids=lambda p: p.stem)
def test_dev_gold_segmentation(path: Path) -> None:
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))["articles"]
    predicted = list(read_articles([str(path)]))
    assert len(predicted) == len(gold)
    for article, expected in zip(predicted, gold, strict=True):
        start, end = expected["span"]
        assert abs(article.span[0] - start) <= BOUNDARY_TOLERANCE
        assert abs(article.span[1] - end) <= BOUNDARY_TOLERANCE
        assert article.title == expected.get("title")
        assert article.headings == expected.get("headings", [])
