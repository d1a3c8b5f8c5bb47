"""Deadline arithmetic: score files are due BEFORE the plan's ``due_before`` date."""

from __future__ import annotations

from datetime import date, timedelta


def deadline_last_day(due_before: date) -> date:
    """The last day a file may be submitted on."""
    return due_before - timedelta(days=1)


def days_late(when: date, due_before: date) -> int:
    """Days after the last allowed day (0 = on time). Due BEFORE ``due_before``."""
    return max(0, (when - due_before).days + 1)


def days_left(today: date, due_before: date) -> int:
    """Days left including today's remaining work (0 = today is the last day; < 0 = late)."""
    return (due_before - today).days - 1
