"""The common-word list builder (training/build_words.py) on a raw-text folder of its own."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BUILDER = Path(__file__).resolve().parents[1] / "training" / "build_words.py"


def _builder():
    spec = importlib.util.spec_from_file_location("build_words", BUILDER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_only_words_written_in_lower_case_often_enough_are_kept(tmp_path: Path) -> None:
    (tmp_path / "nn").mkdir()
    (tmp_path / "nn" / "news.txt").write_text(
        "Truleg kjem Tafjord-folket. Det er truleg at dei kjem, truleg i morgon, og truleg i dag.\n"
        "Tafjord ventar. Så kjem dei frå Tafjord, og dei er nord- og sørfrå. Tafjord.\n",
        encoding="utf-8",
    )
    words = _builder().lower_case_words(tmp_path, min_count=3)
    assert "truleg" in words  # three times in lower case ("Truleg" first does not count)
    assert "kjem" in words and "dei" in words
    assert "ventar" not in words  # only once
    assert "tafjord" not in words and "tafjord-folket" not in words  # names are capitalised
    assert "nord-" not in words and "nord" not in words  # a truncated compound is no word
    assert words == sorted(words)


def test_a_missing_raw_text_folder_is_a_clear_error(tmp_path: Path, capsys) -> None:
    assert _builder().main([str(tmp_path / "missing")]) == 2
    assert "raw text folder not found" in capsys.readouterr().err
