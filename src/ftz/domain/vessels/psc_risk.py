"""Port State Control ship risk profile (SRP) under the Paris MoU and the Tokyo MOU.

Both regimes score the same seven parameters (ship type, age, flag, recognized organization,
company, deficiencies, detentions) with their own weighting points, call a ship high risk (HRS)
from a points threshold, low risk (LRS) only when every low-risk criterion holds (including at
least one inspection in the last 36 months), and standard risk (SRS) otherwise; the profile sets
the window for the next periodic inspection.

Every number lives in the JDM decision graphs of `rules/` (`paris_mou_srp.json`,
`tokyo_mou_srp.json`: one table per parameter; `srp_profile.json`: thresholds and windows), each
row with its source; this module only shapes the input, sums the points and reads the rows back
as a trace. Sources and the reading of each table: `rules/PROVENANCE.md`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from ftz.core.rules import RuleError, RuleSet

RULES = Path(__file__).with_name("rules")

# The vocabulary of ftz.domain.vessels ship records; which of them the MoUs count as high-risk
# types (e.g. ore carriers as bulk carriers, ro-ro passenger ships as passenger ships) is data.
ShipType = Literal[
    "bulk_carrier", "ore_carrier", "oil_tanker", "chemical_tanker", "gas_carrier",
    "passenger", "ro_ro_passenger", "general_cargo", "multipurpose", "container",
    "ro_ro_cargo", "refrigerated_cargo", "cement_carrier", "tug", "other",
]  # fmt: skip
FlagList = Literal[
    "white", "grey", "black_very_high", "black_high", "black_medium_high", "black_medium"
]  # fmt: skip
Performance = Literal["high", "medium", "low", "very_low"]
Regime = Literal["paris_mou", "tokyo_mou"]

REGIME_GRAPHS: dict[Regime, str] = {
    "paris_mou": "paris_mou_srp.json",
    "tokyo_mou": "tokyo_mou_srp.json",
}
PROFILE_TABLE = "srp_profile.json"


class InspectionRecord(BaseModel):
    """One PSC inspection in the last 36 months."""

    deficiencies: int = Field(ge=0, le=999, description="deficiencies recorded")
    detained: bool


class ShipRiskInput(BaseModel):
    """The SRP parameters of one ship. Extra keys (the ten-dimension inputs) are ignored."""

    ship_type: ShipType
    age_years: float = Field(ge=0, le=150, description="years since the keel was laid")
    flag_list: FlagList
    flag_imo_audit: bool = Field(description="the flag State has undergone the IMO audit")
    ro_performance: Performance
    ro_recognised: bool = Field(
        description="RO recognised by an EU Member State (Paris) / a Tokyo MOU Authority (Tokyo)"
    )
    company_performance: Performance
    inspections_36m: list[InspectionRecord] = Field(default_factory=list, max_length=500)


@cache
def rules() -> RuleSet:
    return RuleSet(RULES)


def _plain(value: Any) -> Any:
    """zen returns counts as floats; whole numbers read better as ints in a trace."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _context(ship: ShipRiskInput) -> dict[str, Any]:
    data = ship.model_dump(exclude={"inspections_36m"})
    data["deficiencies"] = [inspection.deficiencies for inspection in ship.inspections_36m]
    data["detained"] = [inspection.detained for inspection in ship.inspections_36m]
    return data


def _parameters(graph: str) -> list[str]:
    """Parameter keys in the order of the graph's tables (the order of the published table)."""
    keys: list[str] = []
    for node in rules().document(graph)["nodes"]:
        if node.get("type") == "decisionTableNode":
            field = str(node["content"]["outputs"][0]["field"])
            keys.append(field.split(".", 1)[0])
    return keys


def regime_profile(ship: ShipRiskInput, regime: Regime) -> dict[str, Any]:
    """Points, profile, time window and the row of every parameter (with its source)."""
    graph = REGIME_GRAPHS[regime]
    decision = rules().evaluate(graph, _context(ship))
    result: dict[str, Any] = decision.result
    fired = {row.table: row.row_id for row in decision.fired}
    tables = {
        str(node["content"]["outputs"][0]["field"]).split(".", 1)[0]: str(node["name"])
        for node in rules().document(graph)["nodes"]
        if node.get("type") == "decisionTableNode"
    }
    trace: list[dict[str, Any]] = []
    for parameter in _parameters(graph):
        row = result.get(parameter)
        if not isinstance(row, dict):
            raise RuleError(detail=f"{graph}: no row of table {parameter} matched", status=500)
        trace.append(
            {
                "parameter": parameter,
                "value": _plain(row["value"]),
                "points": int(row["points"]),
                "lrs_met": bool(row["lrs_met"]),
                "rule": fired.get(tables[parameter], ""),
                "reason_en": row["reason_en"],
                "reason_zh": row["reason_zh"],
                "source": row["citation"],
            }
        )
    points = sum(item["points"] for item in trace)
    lrs_met = all(item["lrs_met"] for item in trace)
    verdict = (
        rules()
        .evaluate(PROFILE_TABLE, {"regime": regime, "points": points, "lrs_criteria_met": lrs_met})
        .result
    )
    window = [int(month) for month in verdict["window_months"]]
    return {
        "points": points,
        "profile": verdict["profile"],
        "window_months": window,
        "lrs_criteria_met": lrs_met,
        "lrs_unmet": [item["parameter"] for item in trace if not item["lrs_met"]],
        "reason_en": verdict["reason_en"],
        "reason_zh": verdict["reason_zh"],
        "profile_source": verdict["citation"],
        "trace": trace,
        "document": rules().document(graph)["metadata"]["document"],
        "document_version": rules().document(graph)["metadata"]["version"],
    }


def risk_profile(ship: ShipRiskInput | Mapping[str, Any]) -> dict[str, Any]:
    """`{"paris_mou": {...}, "tokyo_mou": {...}}` for a ship (a model or its JSON dict).

    A dict is validated first: bad input raises pydantic's ValidationError naming the field.
    """
    model = ship if isinstance(ship, ShipRiskInput) else ShipRiskInput.model_validate(ship)
    return {regime: regime_profile(model, regime) for regime in REGIME_GRAPHS}
