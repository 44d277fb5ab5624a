"""The export path of a data export under 《促进和规范数据跨境流动规定》 (CAC, 2024-03-22).

The legal logic is data: rules/export_path.json is a zen-engine graph (facts -> exemptions of
arts. 3-6 -> switch -> arts. 7-8 -> verdict) and rules/validity.json holds the terms of art. 9.
This module validates the scenario, evaluates the graph through the platform's RuleSet and
turns the fired rows into a trace; it holds no thresholds of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, cast

from pydantic import ValidationError

from ftz.core.kit.errors import FieldProblem, FtzError, validation_error
from ftz.core.rules import FiredRow, RuleError, RuleSet
from ftz.practices.data_export.decision_schemas import (
    MECHANISMS,
    Assessment,
    Mechanism,
    ScenarioIn,
    TraceRow,
)
from ftz.practices.data_export.workdays import working_days_before

RULES = Path(__file__).parent / "rules"
EXPORT_PATH = "export_path.json"
VALIDITY = "validity.json"


@cache
def rules() -> RuleSet:
    return RuleSet(RULES)


def parse_scenario(scenario: ScenarioIn | Mapping[str, Any]) -> ScenarioIn:
    """The validated scenario; a 422 naming every offending field otherwise."""
    if isinstance(scenario, ScenarioIn):
        return scenario
    try:
        return ScenarioIn.model_validate(dict(scenario))
    except ValidationError as exc:
        problems = [
            FieldProblem(".".join(str(part) for part in error["loc"]), error["msg"])
            for error in exc.errors()
        ]
        raise FtzError(
            detail="; ".join(f"{p.field}: {p.reason}" for p in problems),
            status=422,
            title="Invalid input",
            type_slug="validation",
            errors=problems,
        ) from exc


def _trace_row(row: FiredRow) -> TraceRow:
    # RuleSet hands back the node's whole output; the exemptions table passes the scenario
    # through (the switch after it needs the facts), so only the named columns are kept.
    out = row.outputs
    return TraceRow(
        table=row.table,
        row_id=row.row_id,
        description=row.description,
        reason_zh=str(out.get("reason_zh") or ""),
        reason_en=str(out.get("reason_en") or ""),
        citation=row.citation,
        article=out.get("article"),
        provision=out.get("provision"),
        decisive=out.get("mechanism") is not None,
    )


def validity_of(mechanism: Mechanism) -> dict[str, Any]:
    """The term of the mechanism (rules/validity.json), with its reason and citation."""
    result = rules().evaluate(VALIDITY, {"mechanism": mechanism}).result
    # zen drops null outputs; every column is kept so "no fixed term" reads as an explicit null.
    return {name: result.get(name) for name in _output_fields(VALIDITY)}


def _output_fields(key: str) -> list[str]:
    nodes = rules().document(key)["nodes"]
    tables = [node for node in nodes if node["type"] == "decisionTableNode"]
    return [str(column["field"]) for table in tables for column in table["content"]["outputs"]]


def assess(scenario: ScenarioIn | Mapping[str, Any]) -> Assessment:
    parsed = parse_scenario(scenario)
    decision = rules().evaluate(EXPORT_PATH, parsed.model_dump(mode="json"))
    result = decision.result if isinstance(decision.result, dict) else {}
    mechanism = result.get("mechanism")
    if mechanism not in MECHANISMS:
        # The arts. 7-8 table has no catch-all row on purpose: a gap is a bug in the rules.
        raise RuleError(detail=f"{EXPORT_PATH}: no rule decided {parsed.model_dump()}", status=500)
    trace = [_trace_row(row) for row in decision.fired]
    return Assessment(
        mechanism=cast(Mechanism, mechanism),
        articles=[str(result["article"])],
        trace=trace,
        validity=validity_of(cast(Mechanism, mechanism)),
    )


def _term(name: str) -> int:
    value = validity_of("security_assessment").get(name)
    if not isinstance(value, int):
        raise RuleError(detail=f"{VALIDITY}: security assessment has no {name}", status=500)
    return value


def assessment_expiry(approved_on: date) -> date:
    """Last day of validity: the same date `valid_years` later (民法典第二百零一、二百零二条:
    the day of issue is not counted; with no corresponding day, the month's last day).
    Art. 203's shift off a holiday is not applied: the term simply ends, and the extension
    must be sought before it ends."""
    year = approved_on.year + _term("valid_years")
    try:
        return approved_on.replace(year=year)
    except ValueError:  # 29 February into a common year
        return date(year, 2, 28)


def extension_window(approved_on: date) -> tuple[date, date]:
    """First and last of the `extension_window_working_days` working days before expiry
    (届满前60个工作日内); the expiry day itself is not "before" expiry."""
    days = working_days_before(
        assessment_expiry(approved_on), _term("extension_window_working_days")
    )
    return days[-1], days[0]


def in_extension_window(approved_on: date, today: date) -> bool:
    first, last = extension_window(approved_on)
    return first <= today <= last


def cumulative_counts(filings: Iterable[tuple[date, int, int]], year: int) -> tuple[int, int]:
    """PI and sensitive-PI individuals of the enterprise's own filings dated in `year`, i.e.
    cumulated since 1 January of it (自当年1月1日起累计), as the scenario's counts."""
    personal = sensitive = 0
    for dated, individuals, sensitive_individuals in filings:
        if individuals < 0 or sensitive_individuals < 0:
            raise validation_error("filings", f"negative count in the filing of {dated}")
        if dated.year == year:
            personal += individuals
            sensitive += sensitive_individuals
    return personal, sensitive
