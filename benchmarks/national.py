"""National scale, beyond the targets of benchmarks/run.py: linearity and the report.

On the generated workload (benchmarks/workload.py: N provinces, 63 by default), times as whole
processes, the commands run round-robin so that they see the same machine load:

* ``cchc validate`` over 1, 8 and N provinces in one run: the cost must be linear in the
  number of files (target: the N-province time within 25 % of the straight line through the
  1- and 8-province times);
* ``cchc report --format all`` for one province (shown).

The targets against the floors (``--help``, one province, N provinces, peak memory) are
printed by ``python benchmarks/run.py``. Not a test: a script that prints a table.

    python benchmarks/national.py [--provinces 63] [--runs 7] [--workload DIR]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from harness import (
    REPO,
    TODAY,
    cchc_command,
    check_runs,
    load_average,
    provinces_in,
    run_once,
    workspace_files,
)


def round_robin(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall-clock ms of each command, run in turn ``runs`` times (after one warm-up)."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for cmd in commands.values():
        check_runs(cmd, cwd=REPO)
    for i in range(runs + 1):
        for name, cmd in commands.items():
            sample = run_once(cmd, cwd=REPO)
            if sample.returncode != 0:
                sys.exit(f"{name}: exit {sample.returncode}")
            if i:
                samples[name].append(sample.wall_ms)
    return {name: statistics.median(values) for name, values in samples.items()}


def measure_scale(national: Path, folders: list[Path], runs: int, out: Path) -> int:
    cchc = cchc_command()
    n = len(folders)
    eight = [arg for folder in folders[:8] for arg in ("-C", str(folder))]
    commands = {
        "1": [*cchc, "-C", str(folders[0]), "validate", *TODAY],
        "8": [*cchc, *eight, "validate", *TODAY],
        "N": [*cchc, "-C", str(national), "validate", *TODAY],
        "report": [
            *cchc,
            *("-C", str(folders[0]), "report", "--format", "all"),
            *("--out", str(out), "--date", "2020-01-19", "--today", "2020-01-19"),
        ],
    }
    ms = round_robin(commands, runs)
    files = {
        "1": len(workspace_files(folders[0])),
        "8": sum(len(workspace_files(f)) for f in folders[:8]),
        "N": sum(len(workspace_files(f)) for f in folders),
    }
    print(f"median of {runs} runs each, round-robin; load average {load_average()}\n")
    print("Cost against the number of files (cchc validate, one run):")
    print(f"{'provinces':>9} {'files':>6} {'ms':>9} {'ms/file':>8}")
    for key, count in (("1", 1), ("8", 8), ("N", n)):
        print(f"{count:>9} {files[key]:>6} {ms[key]:9.1f} {ms[key] / files[key]:8.2f}")
    per_file = (ms["8"] - ms["1"]) / (files["8"] - files["1"])
    predicted = ms["1"] + per_file * (files["N"] - files["1"])
    deviation = ms["N"] / predicted - 1
    linear = abs(deviation) <= 0.25
    print(
        f"marginal cost {per_file:.2f} ms/file (1→8 provinces); the line predicts "
        f"{predicted:.0f} ms for {n} provinces, measured {ms['N']:.0f} ms "
        f"({deviation:+.0%}): {'PASS' if linear else 'FAIL'} (target: within ±25 %)"
    )
    print(f"\ncchc report --format all, 1 province: {ms['report']:.1f} ms")
    return 0 if linear else 1


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--provinces", type=int, default=63)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--workload", type=Path, default=None, help="generate into (or reuse) this folder"
    )
    args = parser.parse_args()
    if args.provinces < 9:
        parser.error("--provinces must be at least 9 (the linearity check uses 1 and 8)")
    with tempfile.TemporaryDirectory(prefix="cchc-national-") as tmp:
        national = args.workload.resolve() if args.workload else Path(tmp) / "provinces"
        folders = provinces_in(national, args.provinces)
        return measure_scale(national, folders, args.runs, Path(tmp) / "report")


if __name__ == "__main__":
    sys.exit(main())
