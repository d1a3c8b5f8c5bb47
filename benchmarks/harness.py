"""What every benchmark here shares: how a process is timed, how two are compared, the floors.

How a figure is measured (the same for every line the benchmarks print):

* each command is one whole process, started the way a user starts it (the ``cchc`` console
  script of this Python), in the folder a user would be in, with byte-code caching ON (the
  environment's ``PYTHONDONTWRITEBYTECODE`` is removed: an installed copy has its ``.pyc``
  files; a checkout run without them compiles cchc's modules on every start);
* output goes to ``/dev/null`` (not a terminal: cchc writes diagnostics without rich, as in a
  script or CI) unless ``tty=True``, which runs the command on a pseudo-terminal as at a prompt
  (colours allowed: ``NO_COLOR`` unset, ``TERM=xterm-256color``);
* cchc and its floor are run interleaved, A B A B …, after two warm-up runs of each, so both
  see the same machine load; the figure is the median of each side and the ratio is the median
  of the per-pair ratios (robust against the load drifting during the run);
* the child's own CPU time (user + system) comes from ``os.wait4``; it moves less than the
  wall clock when other processes compete for the CPUs, so it is printed beside the ratio;
* peak RSS is measured in separate runs (:func:`peak_rss_mb`).

The floors are what any program on cchc's stack pays anyway (README, "Reliability and
performance"): :data:`FRAMEWORK_FLOOR` imports click, yaml and pydantic, defines one pydantic
model and validates one small value with it, then parses the files cchc reads with the
libyaml loader; :data:`PARSE_FLOOR` imports yaml and pydantic and parses the files. Both use
the loader *shape* of ``cchc_cli.core.yamlio``: a ``CSafeLoader`` subclass whose implicit
resolvers keep only null and merge (cheaper than plain ``CSafeLoader``, which tries the int,
float, bool and timestamp patterns on every scalar), so the floor is never flattered.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: the date the checks take as today: the generated workload is clean on it
TODAY = ["--today", "2020-01-19"]

_LOADER = """import yaml
class Loader(yaml.CSafeLoader):
    pass
Loader.yaml_implicit_resolvers = {
    first: kept
    for first, entries in yaml.CSafeLoader.yaml_implicit_resolvers.items()
    if (kept := [(tag, rx) for tag, rx in entries
                 if tag in ("tag:yaml.org,2002:null", "tag:yaml.org,2002:merge")])
}
"""

_PARSE = """with open(sys.argv[1], encoding="utf-8") as listing:
    names = listing.read().splitlines()
for name in names:
    with open(name, "rb") as handle:
        yaml.load(handle, Loader=Loader)
"""

#: import click, yaml and pydantic, one model validating one value, parse the listed files
FRAMEWORK_FLOOR = (
    "import sys\nimport click\n"
    + _LOADER
    + """from pydantic import BaseModel
class One(BaseModel):
    x: int = 0
One.model_validate({"x": 1})
"""
    + _PARSE
)

#: import yaml and pydantic (as a program using them does), parse the listed files
PARSE_FLOOR = (
    "import sys\n" + _LOADER + "import pydantic\nfrom pydantic import BaseModel\n" + _PARSE
)


def environment() -> dict[str, str]:
    """The children's environment: byte-code caching on, plain output, the default language."""
    env = dict(os.environ)
    for name in (
        "PYTHONDONTWRITEBYTECODE",
        "PYTHONPROFILEIMPORTTIME",
        "PYTHONTRACEMALLOC",
        "FORCE_COLOR",
        "TTY_COMPATIBLE",
        "CCHC_LANG",
    ):
        env.pop(name, None)
    env["NO_COLOR"] = "1"
    return env


ENV = environment()
#: at a prompt: a terminal that takes colours
TTY_ENV = {k: v for k, v in ENV.items() if k != "NO_COLOR"} | {"TERM": "xterm-256color"}


def cchc_command() -> list[str]:
    """``cchc`` as a user runs it: the console script beside this Python (else ``-m``)."""
    script = shutil.which("cchc", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "cchc_cli"]


def floor_command(base: Path, script: str, name: str, files: Sequence[Path]) -> list[str]:
    """Write ``script`` and the list of ``files`` under ``base``; the command that runs it."""
    base.mkdir(parents=True, exist_ok=True)
    code = base / f"{name}.py"
    code.write_text(script, encoding="utf-8")
    listing = base / f"{name}.files.txt"
    listing.write_text("\n".join(str(f) for f in files), encoding="utf-8")
    return [sys.executable, str(code), str(listing)]


@dataclass(frozen=True)
class Sample:
    wall_ms: float
    cpu_ms: float
    returncode: int


def _drain(fd: int) -> None:
    while True:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:  # EIO: the child closed the terminal
            return


def _pseudo_terminal() -> tuple[int, int]:
    import fcntl
    import struct
    import termios

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 120, 0, 0))
    return master, slave


def run_once(cmd: Sequence[str], *, cwd: Path, tty: bool = False) -> Sample:
    """Run ``cmd`` once as a whole process: wall clock and CPU time (user + system) of the child.

    (Not its peak RSS: see :func:`peak_rss_mb`.)"""
    master = slave = -1
    drain = None
    if tty:
        master, slave = _pseudo_terminal()
        out: int = slave
    else:
        out = subprocess.DEVNULL
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd),
        cwd=cwd,
        env=TTY_ENV if tty else ENV,
        stdin=subprocess.DEVNULL,
        stdout=out,
        stderr=out,
    )
    if tty:
        os.close(slave)
        drain = threading.Thread(target=_drain, args=(master,), daemon=True)
        drain.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = (time.perf_counter() - started) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    if drain is not None:
        drain.join()
        os.close(master)
    cpu = (usage.ru_utime + usage.ru_stime) * 1000
    return Sample(wall, cpu, proc.returncode)


#: runs a command and prints its peak RSS (kB) and exit status. A child's ``ru_maxrss`` counts
#: the memory of the process it was spawned from (Linux keeps the high-water mark across
#: exec), so the peak is taken in this small process, never in the benchmark's own.
_SPAWN = """import os, sys
null = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_WRONLY, 0) for fd in (1, 2)]
pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ, file_actions=null)
_, status, usage = os.wait4(pid, 0)
print(usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def peak_rss_mb(cmd: Sequence[str], *, cwd: Path, runs: int = 3) -> float:
    """The largest peak RSS of ``cmd`` over ``runs`` runs, in MB (1 MB = 1024 kB)."""
    peaks = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-S", "-c", _SPAWN, *cmd],
            cwd=cwd,
            env=ENV,
            capture_output=True,
            text=True,
            check=True,
        )
        kb, _status = done.stdout.split()
        peaks.append(int(kb))
    return max(peaks) / 1024


def check_runs(cmd: Sequence[str], *, cwd: Path, expect: tuple[int, ...] = (0,)) -> None:
    """Run ``cmd`` once with its output captured; stop the benchmark if it fails."""
    done = subprocess.run(list(cmd), cwd=cwd, env=ENV, capture_output=True)
    if done.returncode not in expect:
        sys.exit(
            f"{' '.join(str(c) for c in cmd[:8])}… exited {done.returncode}:\n"
            f"{done.stderr.decode('utf-8', 'replace')[-2000:]}"
        )


@dataclass
class Pairing:
    """Interleaved runs of a command (A) and its floor (B)."""

    a: list[Sample] = field(default_factory=list)
    b: list[Sample] = field(default_factory=list)

    @property
    def a_ms(self) -> float:
        return statistics.median(s.wall_ms for s in self.a)

    @property
    def b_ms(self) -> float:
        return statistics.median(s.wall_ms for s in self.b)

    def ratios(self) -> list[float]:
        return [x.wall_ms / y.wall_ms for x, y in zip(self.a, self.b, strict=True)]

    @property
    def ratio(self) -> float:
        return statistics.median(self.ratios())

    @property
    def cpu_ratio(self) -> float:
        return statistics.median(x.cpu_ms / y.cpu_ms for x, y in zip(self.a, self.b, strict=True))

    def spread(self) -> tuple[float, float]:
        """First and third quartile of the per-pair ratios."""
        values = self.ratios()
        if len(values) < 2:
            return values[0], values[0]
        q = statistics.quantiles(values, n=4)
        return q[0], q[2]


def interleave(
    a: Sequence[str],
    b: Sequence[str],
    pairs: int,
    *,
    cwd: Path,
    tty: bool = False,
    expect: tuple[int, ...] = (0,),
    warmup: int = 2,
) -> Pairing:
    """Run A B A B … ``pairs`` times (after ``warmup`` unrecorded pairs) and return the runs."""
    check_runs(a, cwd=cwd, expect=expect)
    check_runs(b, cwd=cwd)
    result = Pairing()
    for i in range(warmup + pairs):
        x = run_once(a, cwd=cwd, tty=tty)
        y = run_once(b, cwd=cwd, tty=tty)
        if x.returncode not in expect or y.returncode != 0:
            sys.exit(f"run {i}: exit {x.returncode} / {y.returncode} (expected {expect} / 0)")
        if i >= warmup:
            result.a.append(x)
            result.b.append(y)
    return result


def verdict_line(
    label: str,
    pairing: Pairing,
    target: float | None,
    *,
    floor: str = "floor",
    subject: str = "cchc",
) -> tuple[str, bool]:
    """One line: ``cchc X ms, floor Y ms, ratio R× (target T×) PASS/FAIL`` and the verdict."""
    ok = target is None or pairing.ratio <= target
    verdict = "" if target is None else f" (target {target:g}×) {'PASS' if ok else 'FAIL'}"
    low, high = pairing.spread()
    return (
        f"{label}\n    {subject} {pairing.a_ms:.1f} ms, {floor} {pairing.b_ms:.1f} ms, "
        f"ratio {pairing.ratio:.2f}×{verdict}"
        f"    [pair ratios p25–p75 {low:.2f}–{high:.2f}×; CPU-time ratio {pairing.cpu_ratio:.2f}×]"
    ), ok


def load_average() -> str:
    try:
        one, five, _ = os.getloadavg()
    except OSError:
        return "n/a"
    return f"{one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def workspace_files(folder: Path) -> list[Path]:
    """Every YAML file ``cchc validate`` reads in the workspace ``folder``: cchc.yaml, the
    criteria, the plan and each score file (found as cchc finds them)."""
    import yaml

    config = yaml.safe_load((folder / "cchc.yaml").read_text(encoding="utf-8"))
    scores = folder / config["scores"]
    return [
        folder / "cchc.yaml",
        folder / config["criteria"],
        folder / config["assignments"],
        *sorted(
            (
                p
                for p in scores.iterdir()
                if p.suffix.lower() in (".yaml", ".yml") and not p.name.startswith((".", "~"))
            ),
            key=lambda p: p.name,
        ),
    ]


def provinces_in(national: Path, provinces: int) -> list[Path]:
    """The generated workload under ``national``: reused when it is there (it must hold
    ``provinces`` workspaces), else generated by benchmarks/workload.py in a child process."""
    found = sorted(p for p in national.glob("*") if (p / "cchc.yaml").is_file())
    if found:
        if len(found) != provinces:
            sys.exit(f"{national} holds {len(found)} provinces, not {provinces}")
        print(f"Reusing the workload in {national}")
        return found
    if national.is_dir() and not any(national.iterdir()):
        national.rmdir()  # the generator makes the folder itself
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            str(Path(__file__).with_name("workload.py")),
            str(national),
            str(provinces),
        ],
        env=ENV,
        check=True,
    )
    print(f"Generated {provinces} provinces in {time.perf_counter() - started:.1f} s")
    return sorted(p for p in national.glob("*") if (p / "cchc.yaml").is_file())
