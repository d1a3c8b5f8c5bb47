"""Kept for the CLI until it imports ``ReportError`` and ``build_report`` from
:mod:`cchc_cli.report.build` (the report model itself is :mod:`cchc_cli.report.document`).

Delete this module then.
"""

from __future__ import annotations

from cchc_cli.report.build import ReportError, build_report

__all__ = ["ReportError", "build_report"]
