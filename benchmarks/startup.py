"""CLI start-up time: `cchc --help` and `cchc --version` against `python -c "import click"`.

Each command is run interleaved with the floor (A B A B …) and timed as a whole process, the
same way as benchmarks/run.py (see benchmarks/harness.py); ``python -c pass`` is shown against
the same floor for scale. Not a test: run it by hand (README, "Reliability and performance").

    python benchmarks/startup.py [--pairs 15]
"""

from __future__ import annotations

import argparse
import sys

from harness import REPO, cchc_command, interleave, load_average, verdict_line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=15)
    args = parser.parse_args()
    py = sys.executable
    floor = [py, "-c", "import click"]
    cchc = cchc_command()
    print(f"load average {load_average()}; {args.pairs} interleaved pairs per line\n")
    for name, cmd, target in (
        ("cchc --help", [*cchc, "--help"], 1.3),
        ("cchc --version", [*cchc, "--version"], None),
        ("python -c pass", [py, "-c", "pass"], None),
    ):
        pairing = interleave(cmd, floor, args.pairs, cwd=REPO)
        subject = name if name.startswith("python") else "cchc"
        print(verdict_line(name, pairing, target, floor='"import click"', subject=subject)[0])


if __name__ == "__main__":
    main()
