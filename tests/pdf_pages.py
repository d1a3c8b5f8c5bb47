"""Printing Word documents to PDF with LibreOffice and reading them back page by page (poppler),
for the tests that read what the signing official reads. Not a test module."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")

#: skipped where LibreOffice or poppler is absent, except under CI (set by .ci/run's runner),
#: where a missing program is a failure
needs_office = pytest.mark.skipif(
    not (SOFFICE and POPPLER) and not os.environ.get("CI"),
    reason="needs LibreOffice (soffice) and poppler (pdftotext); required when CI is set",
)


def to_pdf(docs: list[Path], out: Path) -> None:
    """Print ``docs`` to PDF in ``out`` (LibreOffice, headless, with its own profile: other
    LibreOffice runs may be open)."""
    assert SOFFICE and POPPLER, "CI is set but LibreOffice or poppler is missing"
    profile = (out / "lo-profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), *map(str, docs)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip


def pages(pdf: Path) -> list[str]:
    """The text of each page, laid out as printed (``pdftotext -layout``)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


def orientations(pdf: Path, count: int = 99) -> list[str]:
    """ "portrait" or "landscape", for each of the first ``count`` pages."""
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(count), str(pdf)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    return ["landscape" if float(w) > float(h) else "portrait" for w, h in sizes]
