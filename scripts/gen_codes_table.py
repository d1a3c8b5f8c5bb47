"""Regenerate README's table of diagnostic codes from the catalogue (run after adding a code).

python scripts/gen_codes_table.py            # rewrite the table in README.md
python scripts/gen_codes_table.py --check    # exit 1 if README's table differs (for CI)
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

from cchc_cli.core.i18n import catalogue

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- section: codes -->", "<!-- /section: codes -->"


def table() -> str:
    vi, en = catalogue("vi"), catalogue("en")
    codes = sorted(k for k in vi if re.fullmatch(r"CCHC\d{3}", k))
    rows = [
        "## Bảng mã chẩn đoán (diagnostic codes)",
        "",
        "Mỗi thông báo của cchc có một mã ổn định. Bảng này sinh tự động từ danh mục thông báo "
        "(`python scripts/gen_codes_table.py`); kiểm thử bảo đảm không mã nào bị bỏ sót.",
        "",
        "| Mã | Ý nghĩa | Meaning |",
        "|---|---|---|",
    ]
    for code in codes:
        rows.append(f"| `{code}` | {vi[f'code.{code}']} | {en[f'code.{code}']} |")
    return "\n".join(rows)


def regenerated(text: str) -> str:
    """README's text with the section between the markers replaced by :func:`table`."""
    start = text.index(START) + len(START)
    end = text.index(END)
    return text[:start] + "\n" + table() + "\n" + text[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if README's table is not what it would write"
    )
    args = parser.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    new = regenerated(text)
    if not args.check:
        README.write_text(new, encoding="utf-8")
        return 0
    if new == text:
        return 0
    diff = difflib.unified_diff(
        text.splitlines(), new.splitlines(), "README.md", "generated", lineterm="", n=0
    )
    print("\n".join(diff))
    print("README's code table is out of date: run python scripts/gen_codes_table.py")
    return 1


if __name__ == "__main__":
    sys.exit(main())
