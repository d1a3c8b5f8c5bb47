"""The pack's parts: names safe on Windows, the scan check, the zip streamed from disk, a file
that vanishes while it is copied, the draft and --strict rules."""

from __future__ import annotations

import io
import tracemalloc
import unicodedata
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from cchc_cli.pack.archive import Entry, EvidenceUnreadable, is_own_pack, write_pack
from cchc_cli.pack.content import scan_problem
from cchc_cli.pack.names import MAX_PATH, PackNames, safe_component
from conftest import run


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("bao cao.pdf", "bao cao.pdf"),
        ('a<b>c:d"e|f?g*h.pdf', "a_b_c_d_e_f_g_h.pdf"),
        ("a/b\\c.pdf", "a_b_c.pdf"),
        ("so #3 (50%).pdf", "so _3 (50_).pdf"),
        ("ten.", "ten"),
        ("ten. . ", "ten"),
        ("  dau", "dau"),
        ("CON", "_CON"),
        ("con.pdf", "_con.pdf"),
        ("Lpt9.tar.gz", "_Lpt9.tar.gz"),
        ("COM10.pdf", "COM10.pdf"),
        ("nul .txt", "_nul .txt"),
        ("", "_"),
        ("..", "_"),
        ("tab\there\x7f.pdf", "tab_here_.pdf"),
    ],
)
def test_safe_component(raw: str, safe: str) -> None:
    assert safe_component(raw) == safe


def test_names_are_nfc_unique_case_folded_and_short() -> None:
    names = PackNames()
    decomposed = unicodedata.normalize("NFD", "Kế hoạch.pdf")
    first = names.take("1.1.1", decomposed)
    assert first == "1.1.1/Kế hoạch.pdf" and unicodedata.is_normalized("NFC", first)
    assert names.take("1.1.1", "KẾ HOẠCH.PDF") == "1.1.1/KẾ HOẠCH (2).PDF"
    assert names.take("1.1.1", "Kế hoạch.pdf") == "1.1.1/Kế hoạch (3).pdf"
    assert names.take("1.1.2", "Kế hoạch.pdf") == "1.1.2/Kế hoạch.pdf"
    long = "Quyết định " * 40 + ".pdf"
    cut = names.take("10.10.10", long)
    assert len(cut) <= MAX_PATH and cut.endswith(".pdf") and cut.startswith("10.10.10/")
    again = names.take("10.10.10", long)
    assert again != cut and len(again) <= MAX_PATH and again.endswith(" (2).pdf")
    # the same rules for a folder, which has no extension
    assert names.take("", "3.2.5", is_folder=True) == "3.2.5"
    assert names.take("", "3.2.5", is_folder=True) == "3.2.5 (2)"
    assert names.take("", "CON", is_folder=True) == "_CON"


def test_scan_check(tmp_path: Path) -> None:
    cases = {
        "a.pdf": b"\n%PDF-1.7\n",
        "b.JPG": b"\xff\xd8\xff\xe0JFIF",
        "c.png": b"\x89PNG\r\n\x1a\nxx",
        "d.tif": b"II*\x00xx",
        "e.TIFF": b"MM\x00*xx",
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        assert scan_problem(tmp_path / name) is None, name
    for name, data, key in (
        ("f.docx", b"PK\x03\x04", "pack.scan.type"),
        ("g", b"%PDF-1.4", "pack.scan.type"),
        ("h.pdf", b"PK\x03\x04 a Word file", "pack.scan.content"),
        ("i.png", b"", "pack.scan.content"),
    ):
        (tmp_path / name).write_bytes(data)
        problem = scan_problem(tmp_path / name)
        assert problem is not None and problem.key == key, name


def test_large_evidence_is_streamed_not_read_whole(tmp_path: Path) -> None:
    big = tmp_path / "scan.pdf"
    with big.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        block = bytes(range(256)) * 4096  # 1 MiB that deflate cannot shrink to nothing
        for _ in range(48):
            handle.write(block)
    out = tmp_path / "p.zip"
    tracemalloc.start()
    with out.open("w+b") as handle:
        copied = write_pack(handle, [Entry("1.1/scan.pdf", source=big)], datetime(2020, 1, 18))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert copied == big.stat().st_size
    assert peak < 12 * 1024 * 1024, peak  # a few blocks, not 48 MiB
    with zipfile.ZipFile(out) as archive:
        assert archive.read("1.1/scan.pdf") == big.read_bytes()
    assert is_own_pack(out) and not is_own_pack(big)


def test_a_missing_source_is_named(tmp_path: Path) -> None:
    with pytest.raises(EvidenceUnreadable) as caught:
        write_pack(
            io.BytesIO(), [Entry("1.1/x.pdf", source=tmp_path / "x.pdf")], datetime(2020, 1, 1)
        )
    assert caught.value.path == "1.1/x.pdf"


def test_file_gone_while_packing_is_an_error_at_its_line(
    ws: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An evidence file removed between the checks and the copy: CCHC552 at the score file's
    `file:` line, no pack, no temp file left."""
    import cchc_cli.pack.run as pack_run

    (ws / "evidence" / "a-kh.pdf").write_bytes(b"%PDF-1.4\n")
    real = pack_run.collect

    def collect_then_remove(*args: object) -> object:
        content = real(*args)  # type: ignore[arg-type]
        for packed in content.files:
            packed.source.unlink()
        return content

    monkeypatch.setattr(pack_run, "collect", collect_then_remove)
    out = tmp_path / "out"
    code, _, err = run("-C", str(ws), "pack", "--out", str(out / "p.zip"))
    assert code == 1
    assert "scores/a.yaml:14" in err and "CCHC552" in err and "a-kh.pdf" in err
    assert not out.exists() or list(out.iterdir()) == []


def test_draft_pack_and_strict(ws: Path, tmp_path: Path) -> None:
    import docx

    (ws / "evidence" / "a-kh.pdf").write_bytes(b"%PDF-1.4\n")
    path = ws / "scores" / "a.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("score: 1\n", "score: 0.7\n", 1))
    out = tmp_path / "p.zip"
    code, _, err = run("-C", str(ws), "pack", "--out", str(out))
    assert code == 1 and "CCHC550" in err and "--draft" in err and not out.exists()
    code, _, err = run("-C", str(ws), "pack", "--out", str(out), "--draft")
    assert code == 0 and "CCHC551" in err, err
    archive = zipfile.ZipFile(out)
    signed = docx.Document(io.BytesIO(archive.read("bao-cao/bao-cao-cchc-2019.docx")))
    assert all("DỰ THẢO" in s.header.paragraphs[0].text for s in signed.sections)
    assert "DỰ THẢO" in archive.read("muc-luc.html").decode("utf-8")
    # --strict: the pack's own warnings (a Word file as evidence) block it too
    path.write_text(path.read_text(encoding="utf-8").replace("score: 0.7\n", "score: 1\n", 1))
    (ws / "evidence" / "a-kh.pdf").write_bytes(b"PK\x03\x04")
    code, _, err = run("-C", str(ws), "pack", "--out", str(tmp_path / "s.zip"), "--strict")
    assert code == 1 and "CCHC554" in err and "CCHC550" in err
    assert not (tmp_path / "s.zip").exists()


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "build" not in p.relative_to(root).parts
    }


def test_pack_changes_no_input_and_leaves_no_temp(example_ws: Path, tmp_path: Path) -> None:
    before = _snapshot(example_ws)
    out = tmp_path / "out"
    for args in (
        ["pack"],
        ["pack", "--out", str(out)],
        ["pack", "--agency", "STC", "--draft", "--out", str(out / "stc.zip")],
        ["pack", "--agency", "XYZ", "--out", str(out)],
    ):
        result = run("-C", str(example_ws), *args)
        assert result[0] in (0, 2), (args, result)
        assert _snapshot(example_ws) == before, args
    assert sorted(p.name for p in out.iterdir()) == ["ho-so-cchc-2019.zip", "stc.zip"]
    assert [p.name for p in (example_ws / "build").iterdir()] == ["ho-so-cchc-2019.zip"]
    assert not list(tmp_path.rglob("*.tmp")) and not list(example_ws.rglob("*.tmp"))


@pytest.mark.parametrize("target", ["tempfile.mkstemp", "os.fsync", "os.replace"])
def test_unwritable_target_keeps_the_old_pack(
    target: str, example_ws: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    out = tmp_path / "o" / "p.zip"
    code, _, err = run("-C", str(example_ws), "pack", "--out", str(out), "--date", "2020-01-18")
    assert code == 0, err
    old = out.read_bytes()

    def fail(*_args: object, **_kwargs: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(target, fail)
    code, _, err = run("-C", str(example_ws), "pack", "--out", str(out))
    monkeypatch.undo()
    assert code == 1 and "CCHC557" in err, err
    assert out.read_bytes() == old
    assert sorted(p.name for p in out.parent.iterdir()) == ["p.zip"]
