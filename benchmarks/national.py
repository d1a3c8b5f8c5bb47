"""National-scale benchmark: whole-process timings of cchc against what Python needs anyway.

Generates (in a temp folder) a national workload — N provinces (63 by default), each a complete
workspace with the full 2019 criteria tree, a plan varied from the Thái Nguyên plan and 8–10
agency score files covering every owned item — then times, median of several runs, side by
side in the same run:

* ``cchc --help`` against the floor ``python -c "import click"``            target ≤ 1.5×
* ``cchc validate`` for one province against a floor script that imports yaml and pydantic
  and parses the same files with the libyaml loader                        target ≤ 1.5×
* ``cchc validate`` over all provinces in ONE run (``-C FOLDER``) against that floor over
  all the files                                                            target ≤ 2×
* ``cchc report --format all`` for one province                             (shown)
* cost linear in the number of files: 1, 8 and N provinces                  target: the N-
  province time within 25 % of the straight line through the 1- and 8-province times

Not a test: a script that prints a table (README, "Reliability and performance").

    python benchmarks/national.py [--provinces 63] [--runs 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from workload import generate, input_files

FLOOR = """import sys
import yaml
import pydantic
from pydantic import BaseModel  # what importing pydantic costs a program that uses it
loader = yaml.CSafeLoader
with open(sys.argv[1], encoding="utf-8") as listing:
    names = listing.read().splitlines()
for name in names:
    with open(name, "rb") as handle:
        yaml.load(handle, Loader=loader)
"""

#: for reading the single-province figure: the floor plus what any click + pydantic program
#: pays before its first line of work (import click, define one pydantic model)
FRAMEWORK_FLOOR = """import sys
import click
import yaml
from pydantic import BaseModel
class One(BaseModel):
    x: int = 0
loader = yaml.CSafeLoader
with open(sys.argv[1], encoding="utf-8") as listing:
    names = listing.read().splitlines()
for name in names:
    with open(name, "rb") as handle:
        yaml.load(handle, Loader=loader)
"""


def environment() -> dict[str, str]:
    """The subprocesses' environment: byte-code caching on (as in any installed copy), plain
    output, the default language."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for name in ("FORCE_COLOR", "CCHC_LANG", "PYTHONPROFILEIMPORTTIME"):
        env.pop(name, None)
    env["NO_COLOR"] = "1"
    return env


ENV = environment()


def median_ms(cmd: list[str], runs: int, *, expect: tuple[int, ...] = (0,)) -> float:
    """Median wall-clock time of ``cmd`` as a whole process (after one warm-up run)."""
    first = subprocess.run(cmd, capture_output=True, env=ENV)
    if first.returncode not in expect:
        sys.exit(
            f"{' '.join(cmd[:6])}… exited {first.returncode}:\n"
            f"{first.stderr.decode('utf-8', 'replace')[-2000:]}"
        )
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(cmd, capture_output=True, env=ENV)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def cchc_command() -> list[str]:
    script = shutil.which("cchc", path=str(Path(sys.executable).parent)) or shutil.which("cchc")
    return [script] if script else [sys.executable, "-m", "cchc_cli"]


@dataclass
class Row:
    name: str
    ms: float
    floor_name: str = ""
    floor_ms: float | None = None
    target: float | None = None

    @property
    def ratio(self) -> float | None:
        return self.ms / self.floor_ms if self.floor_ms else None

    @property
    def verdict(self) -> str:
        if self.target is None or self.ratio is None:
            return ""
        return "PASS" if self.ratio <= self.target else "FAIL"


def print_table(rows: list[Row]) -> None:
    head = (
        f"{'measurement':<44} {'ms':>9} {'floor':<30} {'ms':>8} {'ratio':>6} {'target':>7}  result"
    )
    print(head)
    print("-" * len(head))
    for r in rows:
        floor_ms = f"{r.floor_ms:8.1f}" if r.floor_ms is not None else " " * 8
        ratio = f"{r.ratio:5.2f}×" if r.ratio is not None else " " * 6
        target = f"≤ {r.target:g}×" if r.target is not None else ""
        print(
            f"{r.name:<44} {r.ms:9.1f} {r.floor_name:<30} {floor_ms} {ratio:>6} {target:>7}"
            f"  {r.verdict}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--provinces", type=int, default=63)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--keep", type=Path, default=None, help="generate into this (new) folder and keep it"
    )
    args = parser.parse_args()
    if args.provinces < 8:
        parser.error("--provinces must be at least 8 (the linearity check uses 1 and 8)")

    tmp = None
    if args.keep is None:
        tmp = tempfile.TemporaryDirectory(prefix="cchc-national-")
        base = Path(tmp.name)
    else:
        base = args.keep
        base.mkdir(parents=True, exist_ok=False)
    try:
        return run(base, args.provinces, args.runs)
    finally:
        if tmp is not None:
            tmp.cleanup()


def run(base: Path, provinces: int, runs: int) -> int:
    import yaml

    started = time.perf_counter()
    national = base / "provinces"
    folders = generate(national, provinces)
    all_files = [f for folder in folders for f in input_files(folder)]
    one_files = input_files(folders[0])
    print(
        f"Generated {provinces} provinces, {len(all_files)} YAML files "
        f"({sum(f.stat().st_size for f in all_files) / 1e6:.1f} MB) in "
        f"{time.perf_counter() - started:.1f} s under {national}"
    )
    counts = sorted(len(list((f / "scores").glob("*.yaml"))) for f in folders)
    print(
        f"score files per province: {counts[0]}–{counts[-1]}; "
        f"Python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs, libyaml: {'yes' if hasattr(yaml, 'CSafeLoader') else 'NO'}; "
        f"median of {runs} runs\n"
    )

    floor_py = base / "floor.py"
    floor_py.write_text(FLOOR, encoding="utf-8")
    framework_py = base / "framework_floor.py"
    framework_py.write_text(FRAMEWORK_FLOOR, encoding="utf-8")
    lists = {}
    for name, chosen in (("one", one_files), ("all", all_files)):
        lists[name] = base / f"files-{name}.txt"
        lists[name].write_text("\n".join(str(f) for f in chosen), encoding="utf-8")

    py = sys.executable
    cchc = cchc_command()
    today = ["--today", "2020-01-19"]
    out = base / "report"
    rows: list[Row] = []

    click_floor = median_ms([py, "-c", "import click"], runs)
    rows.append(
        Row(
            "cchc --help",
            median_ms([*cchc, "--help"], runs),
            'python -c "import click"',
            click_floor,
            1.5,
        )
    )

    floor_one = median_ms([py, str(floor_py), str(lists["one"])], runs)
    one = median_ms([*cchc, "-C", str(folders[0]), "validate", *today], runs)
    rows.append(
        Row(
            f"cchc validate, 1 province ({len(one_files)} files)",
            one,
            "yaml+pydantic, parse same files",
            floor_one,
            1.5,
        )
    )
    framework = median_ms([py, str(framework_py), str(lists["one"])], runs)
    rows.append(
        Row(
            "  (same, against click+pydantic model floor)",
            one,
            "…+ click + one BaseModel",
            framework,
        )
    )

    floor_all = median_ms([py, str(floor_py), str(lists["all"])], runs)
    every = median_ms([*cchc, "-C", str(national), "validate", *today], runs)
    rows.append(
        Row(
            f"cchc validate, {provinces} provinces, one run",
            every,
            f"same floor, {len(all_files)} files",
            floor_all,
            2.0,
        )
    )

    report = median_ms(
        [
            *cchc,
            "-C",
            str(folders[0]),
            "report",
            "--format",
            "all",
            "--out",
            str(out),
            "--date",
            "2020-01-19",
        ],
        runs,
    )
    rows.append(Row("cchc report --format all, 1 province", report))

    eight = ["-C" if i % 2 == 0 else str(folders[i // 2]) for i in range(16)]
    scale = {1: one, 8: median_ms([*cchc, *eight, "validate", *today], runs), provinces: every}
    files_at = {
        1: len(one_files),
        8: sum(len(input_files(f)) for f in folders[:8]),
        provinces: len(all_files),
    }
    print_table(rows)

    print("\nCost against the number of files (cchc validate, one run):")
    print(f"{'provinces':>9} {'files':>6} {'ms':>9} {'ms/file':>8}")
    for n in (1, 8, provinces):
        print(f"{n:>9} {files_at[n]:>6} {scale[n]:9.1f} {scale[n] / files_at[n]:8.2f}")
    per_file = (scale[8] - scale[1]) / (files_at[8] - files_at[1])
    predicted = scale[1] + per_file * (files_at[provinces] - files_at[1])
    deviation = scale[provinces] / predicted - 1
    linear = abs(deviation) <= 0.25
    print(
        f"marginal cost {per_file:.2f} ms/file (1→8 provinces); the line predicts "
        f"{predicted:.0f} ms for {provinces} provinces, measured {scale[provinces]:.0f} ms "
        f"({deviation:+.0%}): {'PASS' if linear else 'FAIL'} (target: within ±25 %)"
    )

    verdicts = [r.verdict for r in rows if r.verdict] + ["PASS" if linear else "FAIL"]
    print(f"\n{verdicts.count('PASS')} of {len(verdicts)} targets met.")
    return 0 if all(v == "PASS" for v in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
