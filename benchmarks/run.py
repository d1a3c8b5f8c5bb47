"""The performance targets of cchc, measured in one run (README, "Reliability and performance").

    python benchmarks/run.py [--pairs 15] [--provinces 63] [--workload DIR] [--no-tty]

Prints, for each target, ``cchc X ms, floor Y ms, ratio R× (target T×) PASS/FAIL``: cchc and
its floor run interleaved (A B A B …, ``--pairs`` recorded pairs after two warm-up pairs), X and
Y are the medians, R the median of the per-pair ratios (see benchmarks/harness.py for how a
process is timed and what the floors are):

(a) ``cchc --help`` in the bundled example             ≤ 1.3×  ``python -c "import click"``
(b) ``cchc validate`` on the bundled example           ≤ 1.25× the framework floor: import
    click, one pydantic model, parse the same 11 files with the libyaml loader
(c) ``cchc validate -C FOLDER`` over N generated provinces in one run
                                                       ≤ 1.5×  the parse floor over the same
                                                               files (756 for 63 provinces)
(d) the peak RSS of that run, beside it (and the parse floor's).

Two more lines under (b), shown but not counted: the example with cchc's output on a
(pseudo-)terminal, as at a prompt, where diagnostics are rendered by rich (``--no-tty`` skips
it); and one generated province (benchmarks/workload.py), the same size as the example.

The bundled example is this repository's own workspace (cchc.yaml: criteria/2019.yaml,
assignments/thai_nguyen_2019.yaml, examples/thai_nguyen_2019/scores), run from the repository
root: the figures a user of the example sees. Byte-code caching is on for every run, as in an
installed copy (benchmarks/harness.py).

Not a test: the machine's load moves the figures by several per cent (the load average is
printed before and after; the p25–p75 spread of the per-pair ratios and the CPU-time ratio show
the noise). Exit status 0 when every target is met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from harness import (
    ENV,
    FRAMEWORK_FLOOR,
    PARSE_FLOOR,
    REPO,
    TODAY,
    cchc_command,
    floor_command,
    interleave,
    load_average,
    peak_rss_mb,
    provinces_in,
    verdict_line,
    workspace_files,
)


def describe(national: Path, folders: list[Path], pairs: int) -> None:
    import yaml

    source = subprocess.run(
        [sys.executable, "-c", "import cchc_cli; print(cchc_cli.__file__)"],
        env=ENV,
        capture_output=True,
        text=True,
    ).stdout.strip()
    files = [f for folder in folders for f in workspace_files(folder)]
    size = sum(f.stat().st_size for f in files) / 1e6
    example = workspace_files(REPO)
    print(
        f"cchc: {' '.join(cchc_command())} (cchc_cli from {source})\n"
        f"Python {platform.python_version()}, {platform.machine()}, libyaml: "
        f"{'yes' if hasattr(yaml, 'CSafeLoader') else 'NO'}; load average {load_average()}\n"
        f"example: {len(example)} files, {sum(f.stat().st_size for f in example) / 1e3:.0f} kB; "
        f"workload: {len(folders)} provinces, {len(files)} files, {size:.1f} MB under {national}\n"
        f"{pairs} interleaved pairs per figure (after 2 warm-up pairs)"
    )
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print(
            "note: PYTHONDONTWRITEBYTECODE is set in this shell; the benchmark removes it for its\n"
            "runs (an installed cchc has its .pyc files). Timed by hand in this shell, a checkout\n"
            "without __pycache__ recompiles cchc's modules on every start."
        )
    print()


def single_province(folders: list[Path], pairs: int, tty: bool, base: Path) -> list[bool]:
    """(b) and its two shown-only lines: on a terminal, and one generated province."""
    cchc = cchc_command()
    validate = [*cchc, "validate", *TODAY]
    example_floor = floor_command(base, FRAMEWORK_FLOOR, "framework-example", workspace_files(REPO))
    pairing = interleave(validate, example_floor, pairs, cwd=REPO)
    line, ok = verdict_line(
        "(b) cchc validate, bundled example", pairing, 1.25, floor="framework floor"
    )
    print(line, flush=True)
    if tty:
        try:
            pairing = interleave(validate, example_floor, pairs, cwd=REPO, tty=True)
        except OSError as exc:  # no pseudo-terminals in this container
            print(f"    (output on a terminal: skipped, {exc})")
        else:
            label = "    same, output on a terminal"
            print(verdict_line(label, pairing, 1.25, floor="framework floor")[0], flush=True)
    one = workspace_files(folders[0])
    one_floor = floor_command(base, FRAMEWORK_FLOOR, "framework-one", one)
    in_one = [*cchc, "-C", str(folders[0]), "validate", *TODAY]
    pairing = interleave(in_one, one_floor, pairs, cwd=REPO)
    label = f"    same, one generated province ({len(one)} files)"
    print(verdict_line(label, pairing, 1.25, floor="framework floor")[0], flush=True)
    return [ok]


def national_scale(national: Path, folders: list[Path], pairs: int, base: Path) -> list[bool]:
    """(c) all provinces in one run against the parse floor, and (d) the peak RSS."""
    files = [f for folder in folders for f in workspace_files(folder)]
    parse_floor = floor_command(base, PARSE_FLOOR, "parse-all", files)
    every = [*cchc_command(), "-C", str(national), "validate", *TODAY]
    pairing = interleave(every, parse_floor, pairs, cwd=REPO)
    label = f"(c) cchc validate -C FOLDER: {len(folders)} provinces, {len(files)} files, one run"
    line, ok = verdict_line(label, pairing, 1.5, floor="parse floor")
    print(line, flush=True)
    print(
        f"(d) peak RSS of that run: cchc {peak_rss_mb(every, cwd=REPO):.0f} MB, "
        f"parse floor {peak_rss_mb(parse_floor, cwd=REPO):.0f} MB"
    )
    return [ok]


def measure_targets(national: Path, folders: list[Path], pairs: int, tty: bool, base: Path) -> int:
    help_floor = [sys.executable, "-c", "import click"]
    pairing = interleave([*cchc_command(), "--help"], help_floor, pairs, cwd=REPO)
    line, ok = verdict_line(
        "(a) cchc --help (bundled example)", pairing, 1.3, floor='"import click"'
    )
    print(line, flush=True)
    results = [ok]
    results += single_province(folders, pairs, tty, base)
    results += national_scale(national, folders, pairs, base)
    print(f"\nload average now {load_average()}")
    print(f"{sum(results)} of {len(results)} targets met.")
    return 0 if all(results) else 1


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pairs", type=int, default=15, help="recorded pairs per figure")
    parser.add_argument("--provinces", type=int, default=63)
    parser.add_argument(
        "--workload", type=Path, default=None, help="generate into (or reuse) this folder"
    )
    parser.add_argument(
        "--no-tty",
        dest="tty",
        action="store_false",
        help="skip the line that times the example on a pseudo-terminal",
    )
    args = parser.parse_args()
    if args.pairs < 1:
        parser.error("--pairs must be at least 1")

    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp:
        national = args.workload.resolve() if args.workload else Path(tmp) / "provinces"
        folders = provinces_in(national, args.provinces)
        describe(national, folders, args.pairs)
        return measure_targets(national, folders, args.pairs, args.tty, Path(tmp) / "floors")


if __name__ == "__main__":
    sys.exit(main())
