"""Nothing lost, nothing changed.

Every command runs on a copy of the Thái Nguyên example workspace; the SHA-256 of every input
file is taken first and checked after each command — including commands that fail halfway: a
renderer that raises in the middle of a report, a read-only or full output folder, a process
killed with SIGKILL while it writes. No partial file and no temp file may remain, and a report
written earlier survives a failed re-render byte for byte.
"""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from cchc_cli.core import atomic
from cchc_cli.core.outputs import MANIFEST_NAME
from conftest import EXAMPLE, REPO, invoke, run_in

#: the example's score files, relative to its workspace
SCORES = EXAMPLE.relative_to(REPO) / "scores"
REPORT_NAMES = [f"bao-cao-cchc-2019.{ext}" for ext in ("docx", "xlsx", "html", "md")] + [
    f"bao-cao-cchc-2019-phu-luc-ky-thuat.{ext}" for ext in ("docx", "html", "md")
]


def inputs(root: Path) -> dict[str, str]:
    """SHA-256 of every file except the output folder (``build``)."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "build" not in p.relative_to(root).parts
    }


def files(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def temps(*folders: Path) -> list[str]:
    return [p.as_posix() for folder in folders if folder.exists() for p in folder.rglob("*.tmp")]


def render_ok(root: Path, out: Path) -> dict[str, bytes]:
    result = run_in(root, "report", "--format", "all", "--out", str(out), "--date", "2020-01-19")
    assert result.exit_code == 0, result.output
    made = files(out)
    assert sorted(made) == sorted([*REPORT_NAMES, MANIFEST_NAME])
    return made


def change_a_score(root: Path) -> None:
    """Edit an input so that a re-render would produce different bytes."""
    path = root / SCORES / "stc.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("Sở Tài chính", "Sở Tài chính tỉnh Thái Nguyên", 1), encoding="utf-8"
    )


# -------------------------------------------------------------- every command, inputs intact


def commands(root: Path, out: Path) -> list[tuple[list[str], tuple[int, ...]]]:
    like = str(root / "criteria" / "2019.yaml")
    table = str(out / "phuluc.csv")
    return [
        (["validate"], (0,)),
        (["validate", "--format", "json", "--strict"], (1,)),
        (["-C", str(root.parent), "validate"], (0,)),
        (["status", "--today", "2020-01-19"], (0,)),
        (["status", "--format", "json"], (0,)),
        (["merged"], (0,)),
        (["merged", "--format", "json"], (0,)),
        (["owners"], (0,)),
        (["owners", "--agency", "STC", "--format", "json"], (0,)),
        (["who", "4.3.1"], (0,)),
        (["who", "9.9"], (2,)),
        (["tree"], (0,)),
        (["tree", "4", "--format", "json"], (0,)),
        (["tree", "--format", "csv"], (0,)),
        (["scaffold", "SNV"], (1,)),
        (["scaffold", "--all"], (1,)),
        (["scaffold", "SNV", "--update"], (0,)),
        (["schema", "STC"], (0,)),
        (["schema", "STC", "--out", str(out / "stc.schema.json")], (0,)),
        (["report", "--format", "all"], (0,)),
        (["report", "--format", "all", "--out", str(out)], (0,)),
        (["report", "--format", "md", "--draft", "--out", str(out / "nhap.md")], (0,)),
        (["report", "--format", "all", "--agency", "STC", "--out", str(out)], (0,)),
        (["report", "--format", "html", "--agency", "XYZ", "--out", str(out)], (2,)),
        (["templates", "check"], (0,)),
        (["remedy", "--out", str(out / "remedy")], (0,)),
        (["remedy", "--agency", "STC", "--format", "md", "--out", str(out / "remedy")], (0,)),
        (["remedy", "--agency", "XYZ", "--out", str(out / "remedy")], (2,)),
        (["criteria", "import", table, "--out", like, "--like", like], (1,)),  # no --force
        (["init", str(root)], (1,)),
        (["init", str(out / "moi")], (0,)),
        (["criteria", "import", table, "--out", str(out / "moi.yaml"), "--like", like], (0,)),
    ]


def test_every_command_leaves_inputs_unchanged(example_ws: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    csv = run_in(example_ws, "tree", "--format", "csv")
    (out / "phuluc.csv").write_bytes(csv.stdout_bytes)
    before = inputs(example_ws)
    for args, allowed in commands(example_ws, out):
        full = args if args[0] == "-C" else ["-C", str(example_ws), *args]
        result = invoke(*full)
        assert result.exit_code in allowed, (args, result.exit_code, result.output)
        assert inputs(example_ws) == before, f"{args} changed an input file"
        assert not temps(example_ws, out), f"{args} left a temp file"
    assert sorted(files(example_ws / "build")) == sorted([*REPORT_NAMES, MANIFEST_NAME])


# ----------------------------------------- every writing command against every input kind

#: one file of each kind of input of the example workspace (a template folder is added)
INPUT_KINDS = {
    "cchc.yaml": "cchc.yaml",
    "criteria": "criteria/2019.yaml",
    "plan": "assignments/thai_nguyen_2019.yaml",
    "score file": f"{SCORES.as_posix()}/snv.yaml",
    "evidence": f"{SCORES.parent.as_posix()}/evidence/snv/05-KH-UBND.pdf",
    "notes": f"{SCORES.parent.as_posix()}/kho-khan-kien-nghi.md",
    "appraisal": f"{SCORES.parent.as_posix()}/tham-dinh-2019-hu-cau.yaml",
    "template": "mau/report.md.j2",
}
#: every command that writes a file it is pointed at
WRITERS = {
    "report": lambda target, table, like: ["report", "--format", "md", "--out", target],
    "report --draft": lambda target, table, like: [
        *("report", "--format", "html", "--draft", "--out", target)
    ],
    "remedy": lambda target, table, like: ["remedy", "--format", "md", "--out", target],
    "schema --out": lambda target, table, like: ["schema", "STC", "--out", target],
    "criteria import --out": lambda target, table, like: [
        *("criteria", "import", table, "--out", target, "--like", like)
    ],
}


def everything(root: Path) -> dict[str, str]:
    """SHA-256 of every file below ``root``, outputs included (and their manifests)."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def with_templates(example_ws: Path, tmp_path: Path) -> tuple[Path, str]:
    """The example workspace with a template folder of its own, and a criteria table."""
    (example_ws / "mau").mkdir()
    (example_ws / "mau" / "report.md.j2").write_bytes(
        (REPO / "templates/report.md.j2").read_bytes()
    )
    config = example_ws / "cchc.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "templates: mau\n", encoding="utf-8")
    table = tmp_path / "phuluc.csv"
    table.write_bytes(run_in(example_ws, "tree", "--format", "csv").stdout_bytes)
    return example_ws, str(table)


@pytest.mark.parametrize("kind", INPUT_KINDS)
@pytest.mark.parametrize("writer", WRITERS)
def test_no_writer_replaces_an_input(
    writer: str, kind: str, with_templates: tuple[Path, str], tmp_path: Path
) -> None:
    """Each writing command pointed at each kind of input: refused (CCHC004, exit 1, naming
    the file and --force), and not one byte changes anywhere."""
    ws, table = with_templates
    target = ws / INPUT_KINDS[kind]
    before = everything(tmp_path)
    like = str(ws / "criteria" / "2019.yaml")
    result = run_in(ws, *WRITERS[writer](str(target), table, like))
    assert result.exit_code == 1, (writer, kind, result.output)
    assert "CCHC004" in result.stderr and "--force" in result.stderr, result.stderr
    assert f"`{INPUT_KINDS[kind]}`" in result.stderr, result.stderr
    assert everything(tmp_path) == before, f"{writer} changed a file when pointed at the {kind}"
    assert not temps(tmp_path)


def test_force_replaces_what_it_is_pointed_at(with_templates: tuple[Path, str]) -> None:
    """--force is the way through (and only the named file changes)."""
    ws, _table = with_templates
    target = ws / INPUT_KINDS["notes"]
    others = {k: v for k, v in everything(ws).items() if k != INPUT_KINDS["notes"]}
    result = run_in(ws, "schema", "STC", "--out", str(target), "--force")
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("{")
    now = everything(ws)
    assert {k: v for k, v in now.items() if k in others} == others


def _word_edit(path: Path) -> bytes:
    """What Word does to a report someone edits: a paragraph added, the file saved again."""
    import docx

    document = docx.Document(str(path))
    document.add_paragraph("Ý kiến của Giám đốc Sở: đồng ý trình UBND tỉnh.")
    document.save(str(path))
    return path.read_bytes()


def test_report_edited_in_word_is_kept(example_ws: Path, tmp_path: Path) -> None:
    """An earlier report edited in Word is never replaced: it is kept under a new name (the
    day it was edited), CCHC130 says so, and the new report takes the usual name."""
    out = tmp_path / "out"
    first = render_ok(example_ws, out)
    edited = _word_edit(out / "bao-cao-cchc-2019.docx")
    os.utime(out / "bao-cao-cchc-2019.docx", (1579305600, 1579305600))  # 18/01/2020
    result = run_in(example_ws, "report", "--out", str(out), "--date", "2020-01-19")
    assert result.exit_code == 0, result.output
    assert "CCHC130" in result.stderr
    kept = out / "bao-cao-cchc-2019 (sửa tay 2020-01-18).docx"
    assert kept.read_bytes() == edited, "the edited report is kept byte for byte"
    assert (out / "bao-cao-cchc-2019.docx").read_bytes() == first["bao-cao-cchc-2019.docx"]
    again = run_in(example_ws, "report", "--out", str(out), "--date", "2020-01-19")
    assert again.exit_code == 0 and "CCHC130" not in again.stderr  # cchc's own: replaced freely
    assert sorted(files(out)) == sorted([*REPORT_NAMES, MANIFEST_NAME, kept.name])


def test_report_over_a_report_cchc_has_no_record_of(example_ws: Path, tmp_path: Path) -> None:
    """A report folder without a manifest (another tool, an older cchc, a copy from a USB
    stick): refused file by file (CCHC005, exit 1), nothing changed; --force replaces."""
    out = tmp_path / "out"
    render_ok(example_ws, out)
    (out / MANIFEST_NAME).unlink()
    change_a_score(example_ws)
    before = everything(tmp_path)
    result = run_in(example_ws, "report", "--out", str(out), "--date", "2020-01-19")
    assert result.exit_code == 1
    assert result.stderr.count("[CCHC005]") == len(REPORT_NAMES)
    assert everything(tmp_path) == before
    result = run_in(example_ws, "report", "--out", str(out), "--date", "2020-01-19", "--force")
    assert result.exit_code == 0, result.output
    assert sorted(files(out)) == sorted([*REPORT_NAMES, MANIFEST_NAME])


# ------------------------------------------------------------------ failures in the middle


@pytest.fixture
def with_old_report(
    example_ws: Path, tmp_path: Path
) -> Iterator[tuple[Path, Path, dict[str, bytes]]]:
    out = tmp_path / "out"
    old = render_ok(example_ws, out)
    change_a_score(example_ws)
    yield example_ws, out, old


@pytest.mark.parametrize(
    "renderer",
    [
        "cchc_cli.report.xlsx.render_xlsx",
        "cchc_cli.report.docx.render_docx",
        "cchc_cli.report.markup.render_markup",
    ],
)
def test_renderer_raising_mid_report_keeps_old_report(
    renderer: str,
    with_old_report: tuple[Path, Path, dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws, out, old = with_old_report
    before = inputs(ws)

    def boom(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("renderer failed halfway")

    monkeypatch.setattr(renderer, boom)
    result = run_in(ws, "report", "--format", "all", "--out", str(out), "--date", "2020-01-19")
    assert result.exit_code == 3  # an internal error, reported in one line
    assert "renderer failed halfway" in result.output
    assert files(out) == old, "the older report must survive byte for byte"
    assert not temps(ws, out)
    assert inputs(ws) == before


def _enospc(*_args: Any, **_kwargs: Any) -> Any:
    raise OSError(errno.ENOSPC, "No space left on device")


def _eacces(*_args: Any, **_kwargs: Any) -> Any:
    raise PermissionError(errno.EACCES, "Permission denied")


@pytest.mark.parametrize(
    ("target", "fake"),
    [
        ("tempfile.mkstemp", _eacces),  # read-only folder: the temp file cannot be created
        ("os.fsync", _enospc),  # disk full while the temp file is flushed
        ("os.replace", _eacces),  # the rename is refused
    ],
)
def test_unwritable_output_folder_keeps_old_report(
    target: str,
    fake: Callable[..., Any],
    with_old_report: tuple[Path, Path, dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws, out, old = with_old_report
    before = inputs(ws)
    module, name = target.split(".")
    monkeypatch.setattr(f"{module}.{name}", fake)
    result = run_in(ws, "report", "--format", "all", "--out", str(out), "--date", "2020-01-19")
    monkeypatch.undo()
    assert result.exit_code == 1, result.output
    assert "CCHC521" in result.output
    assert files(out) == old
    assert not temps(ws, out)
    assert inputs(ws) == before


def _fail_on_call(n: int) -> Callable[[int], None]:
    real = os.fsync
    calls = {"count": 0}

    def fsync(fd: int) -> None:
        calls["count"] += 1
        if calls["count"] == n:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    return fsync


def test_disk_full_on_third_file_leaves_no_partial_file(
    with_old_report: tuple[Path, Path, dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """Each report file is either the complete old one or the complete new one."""
    ws, out, old = with_old_report
    new = render_ok(ws, tmp_path / "reference")
    monkeypatch.setattr(os, "fsync", _fail_on_call(3))
    result = run_in(ws, "report", "--format", "all", "--out", str(out), "--date", "2020-01-19")
    monkeypatch.undo()
    assert result.exit_code == 1 and "CCHC521" in result.output
    now = files(out)
    assert sorted(now) == sorted(old)
    for name, data in now.items():
        assert data in (old[name], new[name]), f"{name} is partial"
    assert not temps(out)


def test_disk_full_on_third_file_keeps_whole_old_report(
    with_old_report: tuple[Path, Path, dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws, out, old = with_old_report
    monkeypatch.setattr(os, "fsync", _fail_on_call(3))
    result = run_in(ws, "report", "--format", "all", "--out", str(out), "--date", "2020-01-19")
    monkeypatch.undo()
    assert result.exit_code == 1
    assert files(out) == old


@pytest.mark.parametrize("fake", [_enospc, _eacces])
def test_other_writers_leave_nothing_behind(
    fake: Callable[..., Any],
    example_ws: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """schema --out, criteria import --out and scaffold: a failed write is a diagnostic (exit 1),
    never a partial file, a temp file or a changed input."""
    out = tmp_path / "out"
    out.mkdir()
    csv = run_in(example_ws, "tree", "--format", "csv")
    (out / "phuluc.csv").write_bytes(csv.stdout_bytes)
    (example_ws / SCORES / "stnmt.yaml").unlink()
    before = inputs(example_ws)
    like = str(example_ws / "criteria" / "2019.yaml")
    monkeypatch.setattr(os, "fsync", fake)
    runs = [
        ["schema", "STC", "--out", str(out / "stc.schema.json")],
        [
            "criteria",
            "import",
            str(out / "phuluc.csv"),
            "--out",
            str(out / "moi.yaml"),
            "--like",
            like,
        ],
        ["scaffold", "STNMT"],
    ]
    for args in runs:
        result = run_in(example_ws, *args)
        assert result.exit_code == 1, (args, result.output)
        assert "CCHC435" in result.output, (args, result.output)
    monkeypatch.undo()
    assert sorted(files(out)) == ["phuluc.csv"]
    assert inputs(example_ws) == before
    assert not temps(example_ws, out)


# ------------------------------------------------------------------------- killed mid-write

_KILLABLE = """
import os, sys, time
from pathlib import Path
marker = Path(sys.argv[1])
real_fsync = os.fsync
def fsync(fd):
    real_fsync(fd)
    marker.write_text("writing")
    time.sleep(120)
os.fsync = fsync
from cchc_cli.cli.app import main
sys.argv = ["cchc", *sys.argv[2:]]
main()
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_mid_write_keeps_old_report(
    with_old_report: tuple[Path, Path, dict[str, bytes]],
    tmp_path: Path,
) -> None:
    ws, out, old = with_old_report
    before = inputs(ws)
    marker = tmp_path / "writing"
    args = ["-C", str(ws), "report", "--format", "all", "--out", str(out), "--date", "2020-01-19"]
    proc = subprocess.Popen(
        [sys.executable, "-c", _KILLABLE, str(marker), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 90
        while not marker.exists():
            assert proc.poll() is None, "cchc report ended before it wrote anything"
            assert time.monotonic() < deadline, "cchc report never reached the write"
            time.sleep(0.02)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    targets = {name: data for name, data in files(out).items() if not name.endswith(".tmp")}
    assert targets == old, "a killed write must leave the previous files whole"
    leftovers = [p for p in out.iterdir() if p.name.startswith(".") and p.name != MANIFEST_NAME]
    assert leftovers, "the process was killed between the temp file and the rename"
    assert all(p.name.endswith(".tmp") for p in leftovers)
    assert inputs(ws) == before
    # The killed process could not clean up its (hidden) temp file; once it is old enough,
    # the next write of the same report removes it.
    stale = time.time() - atomic.STALE_SECONDS - 60
    for p in leftovers:
        os.utime(p, (stale, stale))
    new = render_ok(ws, out)
    assert new != old
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


# ------------------------------------------------------------------------ atomic primitives


def test_write_many_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    targets = {tmp_path / f"f{i}.txt": f"new {i}".encode() for i in range(4)}
    for path in targets:
        path.write_bytes(b"old")
    monkeypatch.setattr(os, "fsync", _fail_on_call(3))
    with pytest.raises(atomic.WriteFailed) as failed:
        atomic.write_many(targets)
    assert failed.value.target == tmp_path / "f2.txt"
    monkeypatch.undo()
    assert all(p.read_bytes() == b"old" for p in targets)
    assert not temps(tmp_path)
    atomic.write_many(targets)
    assert all(p.read_bytes() == data for p, data in targets.items())
    assert not temps(tmp_path)


def test_only_stale_temp_files_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.md"
    young = tmp_path / ".bao-cao.md.abc123.tmp"
    old = tmp_path / ".bao-cao.md.def456.tmp"
    other = tmp_path / ".khac.md.ghi789.tmp"
    for p in (young, old, other):
        p.write_bytes(b"half")
    stale = time.time() - atomic.STALE_SECONDS - 1
    os.utime(old, (stale, stale))
    os.utime(other, (stale, stale))
    atomic.write_text(target, "xong\n")
    assert target.read_text(encoding="utf-8") == "xong\n"
    assert young.exists() and other.exists() and not old.exists()


def test_written_files_get_ordinary_permissions(tmp_path: Path) -> None:
    """Outputs are readable like any file the user saves (umask applies), not mkstemp's 0600;
    a replaced file keeps its own permissions."""
    import stat

    fresh = tmp_path / "fresh.txt"
    old_umask = os.umask(0o022)
    try:
        atomic.write_bytes(fresh, b"x")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
    kept = tmp_path / "kept.txt"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    atomic.write_many({kept: b"new"})
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640 and kept.read_bytes() == b"new"
