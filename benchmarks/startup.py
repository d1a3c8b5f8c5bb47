"""CLI start-up time: `cchc --help` against `python -c pass` and `python -c "import click"`.

Whole-process wall-clock timings, median of N runs, printed as a table (same measuring code
and environment as benchmarks/national.py: byte-code caching on, as in any installed copy).
Not a test: run it by hand (README, "Reliability and performance").

    python benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import sys

from national import cchc_command, median_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    py = sys.executable
    cchc = cchc_command()
    rows = [
        ("python -c pass", [py, "-c", "pass"]),
        ('python -c "import click"', [py, "-c", "import click"]),
        ("cchc --help", [*cchc, "--help"]),
        ("cchc --version", [*cchc, "--version"]),
    ]
    results = {name: median_ms(cmd, args.runs) for name, cmd in rows}
    base = results["python -c pass"]
    floor = results['python -c "import click"']
    print(f"{'command':<28} {'median ms':>10} {'× python -c pass':>17} {'× click floor':>14}")
    for name, value in results.items():
        print(f"{name:<28} {value:>10.1f} {value / base:>17.2f} {value / floor:>14.2f}")
    print(f"\n(median of {args.runs} runs; target: cchc --help within 1.5× the click floor)")


if __name__ == "__main__":
    main()
