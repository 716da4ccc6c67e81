"""Score extraction on the two fixed halves of the dev gold set and on the whole of it.

    PYTHONPATH=src .venv/bin/python benchmarks/dev_halves.py [--gold ../shared/gold/dev] [--verbose A|B]

The halves are fixed by file and written down in docs/evaluation.md: rules are tuned on half A
only, half B is read only as a score. Every input is run through `nyhetsgraf extract` once (in
this process, through the CLI's own code, so the models load once); then
`../shared/tools/score_extraction.py --pred` scores A, B and the whole set from those predictions.
Needs the shared gold set and scorer; exits 1 with a message when they are absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# The split (docs/evaluation.md says why it is fair). Tune on A; B is held out.
HALF_A = (
    "seed", "ap_clinton_nordkorea_2009", "ap_mullah_omar_2001", "db_hannah_ordforer_2008",
    "db_dagmamma_2008", "kk_chile_2011", "smp_cruiseskip_2005", "smp_gissel_stalhandler_2011",
    "smp_virginia_em_2011", "orig_eksplosjon_drammen", "orig_to_artikler_2022", "orig_mellomtitler_2024",
)
HALF_B = (
    "ap_gascoigne_2005", "bt_forerkort_2012", "db_flytrafikk_thon_2008", "kk_nynazist_2011",
    "vg_mali_2012", "smp_fugazi_2011", "smp_sahel_klima_2011", "orig_skole_tromso",
    "orig_nn_vald_forde", "orig_ntb_byline_2023", "orig_tre_limt_2025",
)


def predict(gold: Path, names: list[str], out: Path) -> None:
    """Write out/NAME.jsonl, the `nyhetsgraf extract` output for gold/NAME.txt."""
    from typer.testing import CliRunner

    from nyhetsgraf.cli import app

    runner = CliRunner()
    for name in names:
        result = runner.invoke(app, ["extract", str(gold / f"{name}.txt"), "-o", str(out / f"{name}.jsonl")])
        if result.exit_code != 0:
            print(f"extract failed on {name}: {result.output.strip()}", file=sys.stderr)


def score(gold: Path, names: list[str], pred: Path, verbose: bool) -> dict:
    """The scorer's summary for the gold files ``names``, read from ``pred``."""
    with tempfile.TemporaryDirectory() as folder:
        half = Path(folder)
        for name in names:
            for suffix in (".txt", ".gold.json"):
                (half / f"{name}{suffix}").symlink_to(gold / f"{name}{suffix}")
        command = [sys.executable, str(SHARED / "tools" / "score_extraction.py"), "--gold", str(half),
                   "--pred", str(pred), "--json", str(half / "report.json")]
        if verbose:
            command.append("--verbose")
        run = subprocess.run(command, capture_output=True, text=True, check=False)
        if verbose:
            print(run.stdout)
        return json.loads((half / "report.json").read_text(encoding="utf-8"))


def headline(report: dict) -> dict[str, float]:
    """Overall and per-category F1 (or accuracy) as the scorer's summary line gives them."""
    summary = report.get("summary", report)
    return {key: round(value, 4) for key, value in summary.items() if isinstance(value, int | float)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "gold" / "dev")
    parser.add_argument("--verbose", choices=["A", "B", "whole"], help="list the errors of this part")
    args = parser.parse_args()
    if not (args.gold / "seed.gold.json").exists() or not (SHARED / "tools" / "score_extraction.py").exists():
        sys.exit("the shared dev gold set or scorer is not there")
    names = sorted({*HALF_A, *HALF_B})
    with tempfile.TemporaryDirectory() as folder:
        pred = Path(folder)
        predict(args.gold, names, pred)
        rows = {}
        for label, part in (("A", HALF_A), ("B", HALF_B), ("whole", names)):
            rows[label] = headline(score(args.gold, list(part), pred, args.verbose == label))
    keys = list(rows["whole"])
    print(f"{'part':<7}" + "".join(f"{key[:12]:>13}" for key in keys))
    for label, row in rows.items():
        print(f"{label:<7}" + "".join(f"{row.get(key, float('nan')):>13.4f}" for key in keys))


if __name__ == "__main__":
    main()
