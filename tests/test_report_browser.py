"""The HTML report as a person sees it: opened in headless Chromium, screenshot, printed on A4.

Needs /usr/bin/chromium (Debian package ``chromium``) and the ``playwright`` Python package (no
``playwright install``: the system Chromium is used). Skipped when Chromium is absent, unless
the ``CI`` environment variable is set: in CI a missing browser is a failure.

``CCHC_UPDATE_SCREENSHOT=1 pytest tests/test_report_browser.py`` refreshes the README's
screenshot (docs/report-screenshot.png).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, run_in

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"),
    reason="needs /usr/bin/chromium (apt-get install chromium); required when CI is set",
)


@pytest.fixture(scope="module")
def browser() -> Any:
    assert CHROMIUM.exists(), "CI is set but /usr/bin/chromium is missing: apt-get install chromium"
    if os.environ.get("CI"):
        from playwright.sync_api import sync_playwright  # in CI a missing package is a failure
    else:
        sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


def make_html(tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / "out"
    result = run_in(
        REPO, "report", "--format", "html", "--out", out, "--date", "2020-01-18", *extra
    )
    assert result.exit_code == 0, result.output
    return out / "bao-cao-cchc-2019.html"


def open_page(browser: Any, path: Path) -> tuple[Any, list[str], list[str]]:
    page = browser.new_page(viewport={"width": 1200, "height": 1500})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri(), wait_until="load")
    return page, errors, requests


def test_html_report_in_chromium(browser: Any, tmp_path: Path) -> None:
    path = make_html(tmp_path)
    page, errors, requests = open_page(browser, path)
    assert errors == []
    # self-contained: the page itself is the only thing loaded
    assert requests == [path.as_uri()]
    assert page.locator("h1").first.inner_text() == "BÁO CÁO"
    assert page.locator("svg").count() == 1 + 8  # overview + one chart per area
    assert page.evaluate("document.scripts.length") == 0

    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("CCHC_UPDATE_SCREENSHOT"):
        target = REPO / "docs" / "report-screenshot.png"
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(shot.read_bytes())

    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 3
    # A4 is 595 x 842 points
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", pdf)
    assert box is not None
    assert abs(float(box.group(1)) - 595) < 2 and abs(float(box.group(2)) - 842) < 2
    printed_pages(pdf, tmp_path)
    page.close()


def printed_pages(pdf: bytes, tmp_path: Path) -> None:
    """Printed as the decree asks: no number on page 1, the number at the top of every other
    page; the wide tables on landscape pages (needs poppler, as CI has)."""
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        assert not os.environ.get("CI"), "CI is set but poppler (pdftotext) is missing"
        return
    path = tmp_path / "printed.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    tops = [next((ln.strip() for ln in t.splitlines() if ln.strip()), "") for t in text if t]
    assert not re.match(r"^\d+\b", tops[0])
    for number, top in enumerate(tops[1:], start=2):
        assert re.match(rf"^{number}\b", top), (number, top)
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(len(tops)), str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sizes = re.findall(r"size:\s+([\d.]+) x ([\d.]+)", info)
    assert float(sizes[0][0]) < float(sizes[0][1])  # page 1 portrait
    assert any(float(w) > float(h) for w, h in sizes)  # the wide table across the page


def test_draft_watermark_is_visible(browser: Any, tmp_path: Path) -> None:
    page, errors, _ = open_page(browser, make_html(tmp_path, "--draft"))
    assert errors == []
    mark = page.locator(".watermark")
    assert mark.is_visible() and mark.inner_text() == "DỰ THẢO"
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.watermark')).position") == "fixed"
    )
    assert page.locator(".draft-banner").is_visible()
    assert page.pdf(format="A4").startswith(b"%PDF")
    page.close()
