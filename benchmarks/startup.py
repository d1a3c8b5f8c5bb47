"""CLI start-up time: `cchc --help` against `python -c pass` and `python -c "import click"`.

Whole-process wall-clock timings, median of N runs, printed as a table. Not a test: run it
by hand (README, "Reliability and performance") and compare the ratios with the targets.

    python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def median_ms(cmd: list[str], runs: int) -> float:
    subprocess.run(cmd, capture_output=True, check=True)  # warm the file cache
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    py = sys.executable
    # The installed console script, as users run it (python -m adds runpy's own cost).
    script = shutil.which("cchc", path=str(Path(py).parent)) or shutil.which("cchc")
    cchc = [script] if script else [py, "-m", "cchc_cli"]
    rows = [
        ("python -c pass", [py, "-c", "pass"]),
        ('python -c "import click"', [py, "-c", "import click"]),
        ("cchc --help", [*cchc, "--help"]),
        ("cchc --version", [*cchc, "--version"]),
    ]
    results = {name: median_ms(cmd, args.runs) for name, cmd in rows}
    floor = results['python -c "import click"']
    print(f"{'command':<28} {'median ms':>10} {'× click floor':>14}")
    for name, value in results.items():
        print(f"{name:<28} {value:>10.1f} {value / floor:>14.2f}")
    print(f"\n(median of {args.runs} runs; target: cchc --help within 1.5× the click floor)")


if __name__ == "__main__":
    main()
