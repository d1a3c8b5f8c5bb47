"""Several indices side by side: provinces ranked, and one year against an earlier one.

Pure data from :class:`~cchc_cli.appraisal.index.AppraisedIndex` values; ``cchc index`` prints
them (:mod:`cchc_cli.appraisal.view_multi`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from cchc_cli.appraisal.index import AppraisedIndex, AreaIndex, IndexPart
from cchc_cli.appraisal.semantics import part_key
from cchc_cli.core.ids import natural_key

# ------------------------------------------------------------------------------ ranking


@dataclass(frozen=True)
class RankedProvince:
    #: the workspace folder's name (tells two workspaces of one province apart)
    folder: str
    index: AppraisedIndex
    #: competition ranking: equal totals share a rank, the next rank skips (1, 2, 2, 4)
    rank: int


def rank_provinces(entries: list[tuple[str, AppraisedIndex]]) -> list[RankedProvince]:
    """Provinces by total, highest first (ties: by province name, then folder)."""
    ordered = sorted(entries, key=lambda e: (-e[1].total, e[1].province.casefold(), e[0]))
    ranked: list[RankedProvince] = []
    for position, (folder, index) in enumerate(ordered, start=1):
        tied = ranked and ranked[-1].index.total == index.total
        rank = ranked[-1].rank if tied else position
        ranked.append(RankedProvince(folder=folder, index=index, rank=rank))
    return ranked


def part_names(indices: list[AppraisedIndex]) -> list[str]:
    """Every part of any of the indices, in the published order."""
    return sorted({p.name for index in indices for p in index.parts}, key=part_key)


def rounds(indices: list[AppraisedIndex]) -> list[tuple[int, str]]:
    """The distinct (year, methodology) of the indices, in order."""
    return sorted({(index.year, index.methodology) for index in indices})


# ------------------------------------------------------------------------------ two years


@dataclass(frozen=True)
class AreaChange:
    before: AreaIndex
    after: AreaIndex

    @property
    def id(self) -> str:
        return self.after.id

    @property
    def change(self) -> Decimal:
        return self.after.appraised - self.before.appraised

    @property
    def percent_change(self) -> Decimal | None:
        if self.before.percent is None or self.after.percent is None:
            return None
        return self.after.percent - self.before.percent

    @property
    def same_max(self) -> bool:
        return self.before.max == self.after.max

    @property
    def same_title(self) -> bool:
        return self.before.node.title.strip() == self.after.node.title.strip()


@dataclass(frozen=True)
class PartChange:
    before: IndexPart
    after: IndexPart

    @property
    def name(self) -> str:
        return self.after.name

    @property
    def change(self) -> Decimal:
        return self.after.points - self.before.points


@dataclass(frozen=True)
class NotCompared:
    """One thing the comparison could not compare (or only as a percentage).

    ``kind``: ``methodology``, ``total_max``, ``area_max``, ``area_title`` (both sides have it,
    differently), ``area_only_before``, ``area_only_after``, ``part_only_before``,
    ``part_only_after`` (one side only). ``before``/``after``: what each side has (a text, a
    maximum or points; None on the side that lacks it)."""

    kind: str
    id: str | None
    before: str | Decimal | None
    after: str | Decimal | None


@dataclass
class Comparison:
    """``after`` (this workspace) against ``before`` (the other, usually an earlier year)."""

    before: AppraisedIndex
    after: AppraisedIndex
    #: the other workspace's folder, as given
    other: str
    areas: list[AreaChange] = field(default_factory=list)
    parts: list[PartChange] = field(default_factory=list)
    #: what could not be compared: areas and parts found on one side only
    areas_only_before: list[AreaIndex] = field(default_factory=list)
    areas_only_after: list[AreaIndex] = field(default_factory=list)
    parts_only_before: list[IndexPart] = field(default_factory=list)
    parts_only_after: list[IndexPart] = field(default_factory=list)

    @property
    def same_methodology(self) -> bool:
        return self.before.methodology.strip() == self.after.methodology.strip()

    @property
    def same_max(self) -> bool:
        return self.before.max == self.after.max

    @property
    def change(self) -> Decimal:
        return self.after.total - self.before.total

    @property
    def percent_change(self) -> Decimal | None:
        if self.before.percent is None or self.after.percent is None:
            return None
        return self.after.percent - self.before.percent

    def not_compared(self) -> list[NotCompared]:
        """What could not be compared, or only as a percentage."""
        b, a = self.before, self.after
        found: list[NotCompared] = []
        if not self.same_methodology:
            found.append(NotCompared("methodology", None, b.methodology, a.methodology))
        if not self.same_max:
            found.append(NotCompared("total_max", None, b.max, a.max))
        found += [
            NotCompared("area_only_before", x.id, x.node.title, None)
            for x in self.areas_only_before
        ]
        found += [
            NotCompared("area_only_after", x.id, None, x.node.title) for x in self.areas_only_after
        ]
        found += [
            NotCompared("part_only_before", p.name, p.points, None) for p in self.parts_only_before
        ]
        found += [
            NotCompared("part_only_after", p.name, None, p.points) for p in self.parts_only_after
        ]
        for c in self.areas:
            if not c.same_max:
                found.append(NotCompared("area_max", c.id, c.before.max, c.after.max))
            if not c.same_title:
                found.append(
                    NotCompared("area_title", c.id, c.before.node.title, c.after.node.title)
                )
        return found


def compare(before: AppraisedIndex, after: AppraisedIndex, other: str) -> Comparison:
    """Areas matched by id, parts by name; the rest is listed as not comparable."""
    old_areas = {a.id: a for a in before.areas}
    new_areas = {a.id: a for a in after.areas}
    old_parts = {p.name: p for p in before.parts}
    new_parts = {p.name: p for p in after.parts}
    both = sorted(old_areas.keys() & new_areas.keys(), key=natural_key)
    shared = sorted(old_parts.keys() & new_parts.keys(), key=part_key)
    return Comparison(
        before=before,
        after=after,
        other=other,
        areas=[AreaChange(old_areas[i], new_areas[i]) for i in both],
        parts=[PartChange(old_parts[n], new_parts[n]) for n in shared],
        areas_only_before=[a for a in before.areas if a.id not in new_areas],
        areas_only_after=[a for a in after.areas if a.id not in old_areas],
        parts_only_before=[p for p in before.parts if p.name not in new_parts],
        parts_only_after=[p for p in after.parts if p.name not in old_parts],
    )
