"""Which English catalogue entries translate an older Vietnamese text ("stale")?

Each English entry records in `source:` the fingerprint of the Vietnamese text it translates.
When the Vietnamese changes, the entry is stale until a translator revises the English.

    python scripts/catalogue_sources.py            # list stale entries (exit 1 if any)
    python scripts/catalogue_sources.py --fix      # after revising: record the new fingerprints
    python scripts/catalogue_sources.py --fix CCHC405 CCHC405.hint   # only these keys

`--fix` rewrites only the `source:` lines (or adds one under the key), nothing else.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from cchc_cli.core.i18n import domain_files
from cchc_cli.core.msgfile import fingerprint, parse


def messages(path: str) -> dict[str, object]:
    tree = parse(Path(path).read_text(encoding="utf-8"), path)
    found = tree.get("messages")
    return found if isinstance(found, dict) else {}


def stale() -> list[tuple[str, str, str | None, str, str]]:
    """``(English file, key, recorded fingerprint, current fingerprint, Vietnamese text)``."""
    vi: dict[str, str] = {}
    for path in domain_files("vi").values():
        vi.update({k: v for k, v in messages(path).items() if isinstance(v, str)})
    found = []
    for path in domain_files("en").values():
        for key, entry in messages(path).items():
            if key not in vi:
                continue
            recorded = entry.get("source") if isinstance(entry, dict) else None
            current = fingerprint(vi[key])
            if recorded != current:
                found.append(
                    (path, key, recorded if isinstance(recorded, str) else None, current, vi[key])
                )
    return found


def fix(path: str, key: str, new: str) -> None:
    """Set ``source: new`` in the entry ``key`` of an English file, keeping every other byte.

    An entry written as a bare text (``KEY: >-`` and its lines) becomes ``source:`` + ``text:``.
    """
    file = Path(path)
    lines = file.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(f"  {key}:"))
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith("    ")):
        end += 1
    value = lines[start][len(f"  {key}:") :].strip()
    if value:
        body = ["  " + line if line.strip() else line for line in lines[start + 1 : end]]
        lines[start:end] = [f"  {key}:", f"    source: {new}", f"    text: {value}", *body]
    else:
        for i in range(start + 1, end):
            if re.fullmatch(r"    source: \S+", lines[i]):
                lines[i] = f"    source: {new}"
                break
        else:
            lines.insert(start + 1, f"    source: {new}")
    file.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fix", action="store_true", help="record the current fingerprints")
    parser.add_argument("keys", nargs="*", help="only these keys (with --fix)")
    args = parser.parse_args(argv)
    found = [s for s in stale() if not args.keys or s[1] in args.keys]
    for path, key, recorded, current, text in found:
        if args.fix:
            fix(path, key, current)
            print(f"{key}: source {recorded} -> {current} ({os.path.relpath(path)})")
        else:
            print(
                f"{os.path.relpath(path)}: {key} translates an older Vietnamese text "
                f"(source {recorded}, now {current}); the Vietnamese now reads:\n    {text}"
            )
    if found and not args.fix:
        print("\nRevise these English texts, then run: python scripts/catalogue_sources.py --fix")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
