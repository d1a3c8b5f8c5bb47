"""Regenerate README's table of diagnostic codes from the catalogue (run after adding a code).

python scripts/gen_codes_table.py
"""

from __future__ import annotations

import re
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


def main() -> None:
    text = README.read_text(encoding="utf-8")
    start = text.index(START) + len(START)
    end = text.index(END)
    README.write_text(text[:start] + "\n" + table() + "\n" + text[end:], encoding="utf-8")


if __name__ == "__main__":
    main()
