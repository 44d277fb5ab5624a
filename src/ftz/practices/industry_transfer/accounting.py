"""The statistics rule, applied. Pure functions over plain values (no database), so the
properties can be proved over any set of projects (tests/.../test_accounting_properties.py).

A region's report counts a project when one of its sides (the sponsor park, the receiving park)
lies in the region and the rule table says that side counts the indicator: main indicators for
both sides in full (dual accounting), investment in full for the cooperating, receiving side.
A project counts once per region even when both of its parks lie in it; the value is always the
project's full value, never a share. A roll-up over a scope (the nation, a province) shows the
reports of its child regions (provinces, cities), their plain sum, the overlap that dual
accounting puts into that sum (a project counted in k children adds k-1 copies), and the total
with each project counted once; every project's single count is attributed to one child
(its receiving side's when that counts, else its sponsor's)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from ftz.practices.industry_transfer.regions import Region

SIDES = ("receiving", "sponsor")  # the order a single count is attributed in
ZERO = Decimal(0)


@dataclass(frozen=True)
class Place:
    park_id: str
    park_code: str
    province: str
    city: str

    def within(self, region: Region) -> bool:
        return region.contains(self.province, self.city)


@dataclass(frozen=True)
class Figures:
    """One project's full values for the periods read, and the records each came from."""

    project_id: str
    code: str
    name: str
    sponsor: Place
    receiving: Place
    values: Mapping[str, Decimal]
    sources: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def place(self, side: str) -> Place:
        return self.sponsor if side == "sponsor" else self.receiving


@dataclass(frozen=True)
class RuleRow:
    row_id: str
    citation: str
    reason_zh: str = ""
    reason_en: str = ""


@dataclass(frozen=True)
class Rulebook:
    """The rule tables read once: indicator → category, (category, side) → share and the row
    that says so, roll-up level → mode and its row."""

    categories: Mapping[str, str]
    shares: Mapping[tuple[str, str], tuple[str, RuleRow]]
    rollups: Mapping[str, tuple[str, RuleRow]]

    def counting_row(self, indicator: str, side: str) -> RuleRow | None:
        share, row = self.shares[(self.categories[indicator], side)]
        return row if share == "full" else None

    @property
    def indicators(self) -> tuple[str, ...]:
        return tuple(self.categories)


@dataclass(frozen=True)
class Line:
    """A project in a region's report: per indicator, the sides that put it there (with the
    rule row) and the value counted (the full value, or zero where no side counts it)."""

    figures: Figures
    via: Mapping[str, tuple[tuple[str, str], ...]]
    values: Mapping[str, Decimal]


@dataclass(frozen=True)
class RegionReport:
    region: Region
    lines: tuple[Line, ...]
    totals: Mapping[str, Decimal]


@dataclass(frozen=True)
class Overlap:
    """A project that several child regions count: the regions and the extra copies."""

    figures: Figures
    regions: tuple[Region, ...]
    excess: Mapping[str, Decimal]


@dataclass(frozen=True)
class Rollup:
    scope: Region
    mode: str
    rule: RuleRow
    children: tuple[RegionReport, ...]
    children_sum: Mapping[str, Decimal]
    overlaps: tuple[Overlap, ...]
    overlap_total: Mapping[str, Decimal]
    total: Mapping[str, Decimal]
    attributed: Mapping[Region, Mapping[str, Decimal]]
    projects: int


def _sum(book: Rulebook, rows: Iterable[Mapping[str, Decimal]]) -> dict[str, Decimal]:
    totals = dict.fromkeys(book.indicators, ZERO)
    for row in rows:
        for key in book.indicators:
            totals[key] += row.get(key, ZERO)
    return totals


def line_for(figures: Figures, region: Region, book: Rulebook) -> Line | None:
    via: dict[str, tuple[tuple[str, str], ...]] = {}
    for key in book.indicators:
        hits = []
        for side in SIDES:
            row = book.counting_row(key, side)
            if row is not None and figures.place(side).within(region):
                hits.append((side, row.row_id))
        if hits:
            via[key] = tuple(hits)
    if not via:
        return None
    values = {k: figures.values.get(k, ZERO) if k in via else ZERO for k in book.indicators}
    return Line(figures=figures, via=via, values=values)


def region_report(projects: Iterable[Figures], region: Region, book: Rulebook) -> RegionReport:
    lines = [found for p in projects if (found := line_for(p, region, book)) is not None]
    lines.sort(key=lambda line: line.figures.code)
    return RegionReport(region, tuple(lines), _sum(book, (line.values for line in lines)))


def children_of(scope: Region, projects: Iterable[Figures]) -> list[Region]:
    """The regions one level below `scope` that hold a park of some project."""
    found: set[Region] = set()
    for project in projects:
        for side in SIDES:
            place = project.place(side)
            if not place.within(scope):
                continue
            if scope.level == "nation":
                found.add(Region(place.province))
            elif scope.level == "province":
                found.add(Region(place.province, place.city))
    return sorted(found, key=lambda r: r.key)


def _attributed_child(line: Line, key: str, children: list[Region]) -> Region:
    side = line.via[key][0][0]  # receiving first, see SIDES
    place = line.figures.place(side)
    return next(c for c in children if place.within(c))


def rollup(projects: Iterable[Figures], scope: Region, book: Rulebook) -> Rollup:
    listed = list(projects)
    mode, rule = book.rollups[scope.level]
    children = children_of(scope, listed)
    reports = tuple(region_report(listed, child, book) for child in children)
    own = region_report(listed, scope, book)  # every project with a counting side in scope, once
    children_sum = _sum(book, (r.totals for r in reports))
    counted_in: dict[str, list[tuple[Region, Line]]] = {}
    for report in reports:
        for line in report.lines:
            counted_in.setdefault(line.figures.project_id, []).append((report.region, line))
    overlaps = []
    for line in own.lines:
        seen = counted_in.get(line.figures.project_id, [])
        excess = {
            key: (sum(1 for _, child in seen if key in child.via) - 1) * line.values[key]
            for key in book.indicators
            if key in line.via
        }
        if len(seen) > 1:
            overlaps.append(Overlap(line.figures, tuple(r for r, _ in seen), excess))
    overlap_total = _sum(book, (o.excess for o in overlaps))
    attributed: dict[Region, dict[str, Decimal]] = {
        child: dict.fromkeys(book.indicators, ZERO) for child in children
    }
    for line in own.lines:
        for key in line.via:
            attributed[_attributed_child(line, key, children)][key] += line.values[key]
    total = dict(own.totals) if mode == "once" else children_sum
    return Rollup(
        scope=scope,
        mode=mode,
        rule=rule,
        children=reports,
        children_sum=children_sum,
        overlaps=tuple(overlaps),
        overlap_total=overlap_total,
        total=total,
        attributed=attributed,
        projects=len(own.lines),
    )
