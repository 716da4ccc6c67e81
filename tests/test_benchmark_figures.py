"""The figures the speed benchmarks compare with their targets."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _benchmark(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"benchmark_{name}", BENCHMARKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fastest_per_batch_takes_each_batchs_fastest_times() -> None:
    extract_speed = _benchmark("extract_speed")
    runs = [
        [(1.0, 1.5), (2.0, 2.2)],  # a slow run: the first batch's full time was disturbed
        [(1.2, 1.1), (2.5, 2.4)],
    ]
    # fastest NLP 1.0 + 2.0 = 3.0, fastest full 1.1 + 2.2 = 3.3: extraction adds 10 %
    assert extract_speed.fastest_per_batch(runs) == pytest.approx(0.1)


def test_fastest_per_batch_of_one_run_is_its_ratio() -> None:
    extract_speed = _benchmark("extract_speed")
    assert extract_speed.fastest_per_batch([[(2.0, 2.5), (2.0, 2.3)]]) == pytest.approx(0.2)
