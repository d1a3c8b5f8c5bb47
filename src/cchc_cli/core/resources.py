"""Bundled data (criteria, assignments, templates, examples).

A wheel carries the repository's top-level ``criteria/``, ``assignments/``, ``templates/`` and
``examples/`` folders inside the package as ``cchc_cli/data/<name>`` (pyproject force-include);
an editable install or a source checkout reads them from the repository itself.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
REPO_DIR = PACKAGE_DIR.parents[1]


def data_path(name: str) -> Path:
    """The folder of bundled data ``name`` (e.g. "templates")."""
    packaged = PACKAGE_DIR / "data" / name
    if packaged.is_dir():
        return packaged
    return REPO_DIR / name
