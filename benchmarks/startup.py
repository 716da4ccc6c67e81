"""Start-up: wall time, CPU time and peak RSS of `nyhetsgraf extract` on one short article.

    .venv/bin/python benchmarks/startup.py [--input FILE] [--repeat 5]

Each run is a new process (the way a user runs the command), measured with os.wait4, so the peak RSS
is that process's own. Baselines measured in the same run: `python -c "import spacy"` (the floor any
spaCy program pays) and a blank bokmål pipeline tokenizing the same text. The median of ``--repeat``
runs is reported (the minimum too: a shared machine's noise only ever slows a run down). Targets
(issue 18): under 1.5 s wall and under 300 MB peak RSS. The article is examples/demo's
2024-05-14_ran_bergen.txt (267 words) unless ``--input`` names another. On a busy machine the wall
time mostly measures waiting for a core; the CPU time (user + system) is then the figure to compare.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = REPO_ROOT / "examples" / "demo" / "text" / "2024-05-14_ran_bergen.txt"
TARGET_WALL_S = 1.5
TARGET_RSS_MB = 300.0
Run = tuple[float, float, float]  # wall seconds, CPU seconds, peak RSS in MB


def measure(command: list[str]) -> Run:
    """Wall seconds, CPU seconds and peak RSS (MB) of one run of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        error = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}): {error[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def summary(name: str, runs: list[Run], baseline: list[Run] | None,
            baseline_name: str = "") -> tuple[float, float]:
    wall = statistics.median(run[0] for run in runs)
    cpu = statistics.median(run[1] for run in runs)
    rss = max(run[2] for run in runs)
    line = (f"{name:<34} wall {wall:5.2f} s (min {min(run[0] for run in runs):.2f})  cpu {cpu:5.2f} s  "
            f"peak RSS {rss:6.0f} MB")
    if baseline:
        base_wall = statistics.median(run[0] for run in baseline)
        base_cpu = statistics.median(run[1] for run in baseline)
        base_rss = max(run[2] for run in baseline)
        line += (f"   x{wall / base_wall:.2f} wall, x{cpu / base_cpu:.2f} cpu, x{rss / base_rss:.2f} RSS"
                 f" of {baseline_name}")
    print(line, flush=True)
    return wall, rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    text = args.input.read_text(encoding="utf-8")
    python = sys.executable
    commands = {
        "python -c 'import spacy'": [python, "-c", "import spacy"],
        "blank nb pipeline on the text": [python, "-c", "import spacy, sys; spacy.blank('nb')(sys.argv[1])",
                                          text],
        "nyhetsgraf extract (one article)": [python, "-c", "from nyhetsgraf.cli import main; main()",
                                             "extract", str(args.input)],
    }
    results: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(args.repeat):  # interleaved, so load on a shared machine hits all alike
        for name, command in commands.items():
            results[name].append(measure(command))
    print(f"input: {args.input} ({len(text.split())} words), {args.repeat} runs each, median")
    names = list(commands)
    summary(names[0], results[names[0]], None)
    summary(names[1], results[names[1]], results[names[0]], "import spacy")
    wall, rss = summary(names[2], results[names[2]], results[names[0]], "import spacy")
    print(f"target: wall < {TARGET_WALL_S} s: {'ok' if wall < TARGET_WALL_S else 'MISSED'}; "
          f"peak RSS < {TARGET_RSS_MB:.0f} MB: {'ok' if rss < TARGET_RSS_MB else 'MISSED'}")


if __name__ == "__main__":
    main()
