"""The statistics read from the records: each project's figures for a range of quarters (flows
added up, the headcount of the last quarter, investment from the project's record), then the
rule tables applied by `accounting` — a region's report (dual accounting) and a roll-up (each
project once) — and the dashboard beside the seed's figures. Everything is computed over the
projects within the caller's reach; every figure keeps the records and rule rows behind it."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import validation_error
from ftz.core.rules.engine import RuleError
from ftz.practices.industry_transfer import accounting, repository
from ftz.practices.industry_transfer.access import Scope, scope_of
from ftz.practices.industry_transfer.accounting import Figures, Place, Rulebook, RuleRow
from ftz.practices.industry_transfer.models import IndicatorReport, TransferPark, TransferProject
from ftz.practices.industry_transfer.reference import (
    SIDES,
    STAGES,
    Period,
    indicators,
    rules,
)
from ftz.practices.industry_transfer.regions import Region, parse_region
from ftz.practices.industry_transfer.service import pipeline

ROLLUP_LEVELS = ("nation", "province")


def _row(decision: Any, key: str) -> RuleRow:
    if not decision.fired:
        raise RuleError(detail=f"{key} has no row for this case", status=500)
    fired = decision.fired[0]
    return RuleRow(fired.row_id, fired.citation, str(fired.outputs.get("reason_zh", "")),
                   str(fired.outputs.get("reason_en", "")))  # fmt: skip


@cache
def rulebook() -> Rulebook:
    """rules/accounting.json and rules/rollup.json, read for every case they decide."""
    categories = {i.key: i.category for i in indicators()}
    shares = {}
    for category in sorted(set(categories.values())):
        for side in SIDES:
            decision = rules().evaluate("accounting.json", {"category": category, "side": side})
            shares[(category, side)] = (str(decision.result.get("share")),
                                        _row(decision, "accounting.json"))  # fmt: skip
    rollups = {}
    for level in ROLLUP_LEVELS:
        decision = rules().evaluate("rollup.json", {"level": level})
        rollups[level] = (str(decision.result.get("mode")), _row(decision, "rollup.json"))
    return Rulebook(categories=categories, shares=shares, rollups=rollups)


def counted_stages() -> list[str]:
    return [stage for stage in STAGES if pipeline(stage)["in_statistics"]]


def signed_stages() -> list[str]:
    return [stage for stage in STAGES if pipeline(stage)["signed"]]


def period_range(first: str = "", last: str = "") -> tuple[Period | None, Period | None]:
    start = Period.parse(first, "from") if first.strip() else None
    end = Period.parse(last, "to") if last.strip() else None
    if start and end and start > end:
        raise validation_error("to", "the range ends before it starts")
    return start, end


def _place(park: TransferPark) -> Place:
    return Place(park.id, park.code, park.province_code, park.city)


def _figures(project: TransferProject, reports: list[IndicatorReport]) -> Figures:
    values: dict[str, Decimal] = {}
    sources: dict[str, tuple[str, ...]] = {}
    for item in indicators():
        if item.source == "project":
            values[item.key] = Decimal(getattr(project, item.key))
            sources[item.key] = (f"project:{item.key}",)
        elif item.aggregation == "last":
            latest = reports[-1] if reports else None
            values[item.key] = Decimal(getattr(latest, item.key)) if latest else Decimal(0)
            sources[item.key] = (f"{latest.period}:{latest.id}",) if latest else ()
        else:
            values[item.key] = sum((Decimal(getattr(r, item.key)) for r in reports), Decimal(0))
            sources[item.key] = tuple(f"{r.period}:{r.id}" for r in reports)
    return Figures(project.id, project.code, project.name, _place(project.sponsor_park),
                   _place(project.receiving_park), values, sources)  # fmt: skip


def figures(
    session: Session, scope: Scope, first: Period | None, last: Period | None
) -> list[Figures]:
    projects = repository.statistics_projects(session, scope, counted_stages())
    found = repository.reports_for_projects(session, [p.id for p in projects],
                                            str(first) if first else None,
                                            str(last) if last else None)  # fmt: skip
    by_project: dict[str, list[IndicatorReport]] = defaultdict(list)
    for report in found:
        by_project[report.project_id].append(report)
    return [_figures(p, by_project[p.id]) for p in projects]


def _money(values: Any) -> dict[str, str]:
    return {key: str(value) for key, value in values.items()}


def region_out(region: Region) -> dict[str, str]:
    return {"key": region.key, "level": region.level, "label_zh": region.label("zh"),
            "label_en": region.label("en")}  # fmt: skip


def _place_out(place: Place) -> dict[str, str]:
    return {"park_id": place.park_id, "park": place.park_code, "province": place.province,
            "city": place.city}  # fmt: skip


def rules_out(book: Rulebook) -> list[dict[str, str]]:
    rows = []
    for (category, side), (share, row) in sorted(book.shares.items()):
        rows.append({"row_id": row.row_id, "category": category, "side": side, "share": share,
                     "reason_zh": row.reason_zh, "reason_en": row.reason_en,
                     "citation": row.citation})  # fmt: skip
    for level, (mode, row) in book.rollups.items():
        rows.append({"row_id": row.row_id, "level": level, "mode": mode,
                     "reason_zh": row.reason_zh, "reason_en": row.reason_en,
                     "citation": row.citation})  # fmt: skip
    return rows


def indicators_out() -> list[dict[str, str]]:
    return [vars(i) for i in indicators()]


def _header(scope: Scope, first: Period | None, last: Period | None) -> dict[str, Any]:
    return {"scope": scope.kind, "scope_label": scope.label,
            "periods": {"from": str(first) if first else "", "to": str(last) if last else ""},
            "indicators": indicators_out(), "rules": rules_out(rulebook())}  # fmt: skip


def line_out(line: accounting.Line) -> dict[str, Any]:
    f = line.figures
    sources = {k: list(v) for k, v in f.sources.items() if k in line.via}
    periods = {ref.split(":")[0] for refs in sources.values() for ref in refs
               if not ref.startswith("project:")}  # fmt: skip
    return {"project_id": f.project_id, "code": f.code, "name": f.name,
            "sponsor": _place_out(f.sponsor), "receiving": _place_out(f.receiving),
            "values": _money(line.values),
            "via": {k: [list(hit) for hit in hits] for k, hits in line.via.items()},
            "counted_via": sorted({hit for hits in line.via.values() for hit in hits}),
            "sources": sources, "periods": sorted(periods)}  # fmt: skip


def region_report(
    session: Session, *, principal: Principal, region: str, first: str = "", last: str = ""
) -> dict[str, Any]:
    where = parse_region(region)
    start, end = period_range(first, last)
    scope = scope_of(session, principal)
    report = accounting.region_report(figures(session, scope, start, end), where, rulebook())
    return {**_header(scope, start, end), "region": region_out(where),
            "lines": [line_out(line) for line in report.lines], "totals": _money(report.totals),
            "projects": len(report.lines)}  # fmt: skip


def rollup(
    session: Session, *, principal: Principal, scope_region: str, first: str = "", last: str = ""
) -> dict[str, Any]:
    where = parse_region(scope_region)
    if where.level not in ROLLUP_LEVELS:
        raise validation_error("scope", "a roll-up is for the nation (CN) or a province (53)")
    start, end = period_range(first, last)
    scope = scope_of(session, principal)
    done = accounting.rollup(figures(session, scope, start, end), where, rulebook())
    children = [
        {"region": region_out(child.region), "totals": _money(child.totals),
         "projects": len(child.lines), "attributed": _money(done.attributed[child.region])}
        for child in done.children
    ]  # fmt: skip
    overlaps = [
        {"project_id": o.figures.project_id, "code": o.figures.code, "name": o.figures.name,
         "regions": [r.key for r in o.regions], "excess": _money(o.excess)}
        for o in done.overlaps
    ]  # fmt: skip
    check = all(done.children_sum[k] - done.overlap_total[k] == done.total[k]
                for k in done.total)  # fmt: skip
    return {**_header(scope, start, end), "region": region_out(where), "mode": done.mode,
            "rule": vars(done.rule), "children": children,
            "children_sum": _money(done.children_sum), "overlaps": overlaps,
            "overlap_total": _money(done.overlap_total), "total": _money(done.total),
            "projects": done.projects, "balanced": check}  # fmt: skip


def project_accounting(project: TransferProject, reports: list[IndicatorReport]) -> dict[str, Any]:
    """Where this project is counted, indicator by indicator, with the rule row; and, under an
    arrangement, how its tax is shared (a contract) beside how it is counted (in full)."""
    book = rulebook()
    facts = _figures(project, sorted(reports, key=lambda r: r.period))
    sides = []
    for side in SIDES:
        place = facts.place(side)
        counted = {key: (row.row_id if (row := book.counting_row(key, side)) else "")
                   for key in book.indicators}  # fmt: skip
        sides.append({"side": side, "park": project.sponsor_park if side == "sponsor"
                      else project.receiving_park,
                      "regions": [Region(place.province).key,
                                  Region(place.province, place.city).key],
                      "counted": counted})  # fmt: skip
    sharing = None
    if project.arrangement is not None:
        tax = facts.values["tax"]
        host_pct = project.arrangement.host_share_pct
        host = (tax * host_pct / 100).quantize(Decimal("0.01"))
        sharing = {"arrangement": project.arrangement, "tax": tax, "host_pct": host_pct,
                   "host": host, "partner": tax - host}  # fmt: skip
    counted = pipeline(project.stage)
    return {"values": facts.values, "sides": sides, "sharing": sharing,
            "in_statistics": counted["in_statistics"], "pipeline": counted["fired"]}  # fmt: skip
