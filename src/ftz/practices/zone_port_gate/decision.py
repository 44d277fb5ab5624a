"""The gate's comparison: what the vehicle carries against the declaration, the manifest and the
release instruction. Python only measures (counts, deviations); which differences hold a
vehicle, the tolerances and the route are the decision tables in rules/."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from stdnum import iso6346

from ftz.core.rules import FiredRow, RuleSet
from ftz.practices.zone_port_gate.models import Declaration, Manifest
from ftz.practices.zone_port_gate.schemas import GateIn

RULES = Path(__file__).parent / "rules"


@cache
def rules() -> RuleSet:
    return RuleSet(RULES)


@dataclass
class Verdict:
    verdict: str  # release | hold
    route: str
    facts: dict[str, Any]
    mismatches: list[dict[str, Any]] = field(default_factory=list)
    why: list[dict[str, Any]] = field(default_factory=list)  # tolerance + route rows


def release_state(declaration: Declaration | None) -> str:
    if declaration is None or declaration.status not in ("released", "selected"):
        return "none"
    if declaration.status == "selected":
        return f"inspect_{declaration.inspection_site or 'zone'}"
    return "released"


def unit_kind(units: list[dict[str, Any]]) -> str:
    kinds = {u["kind"] for u in units}
    return kinds.pop() if len(kinds) == 1 else "mixed"


def _over(weighed: int, expected: int, tolerance: dict[str, Any]) -> bool:
    allowed = max(
        expected * float(tolerance["weight_tolerance_pct"]) / 100,
        float(tolerance["weight_tolerance_kg"]),
    )
    return abs(weighed - expected) > allowed


def _mismatch(row: FiredRow) -> dict[str, Any]:
    return {**row.as_dict(), "check": row.outputs["check"], "source": row.outputs["source"]}


def _seal_mismatches(units: list[dict[str, Any]], recorded: dict[str, list[str]]) -> int:
    """Units read at the gate whose seals differ from those a document records for them."""
    return sum(
        1
        for u in units
        if u["number"] in recorded and sorted(u["seals"]) != sorted(recorded[u["number"]])
    )


def measure(
    reading: GateIn, declaration: Declaration | None, manifest: Manifest | None
) -> tuple[dict[str, Any], list[FiredRow]]:
    """The facts the checks table reads, and the tolerance row that applied."""
    units = [u.model_dump() for u in reading.units]
    seen = {u["number"] for u in units}
    direction = declaration.direction if declaration else "import"
    tolerance = rules().evaluate(
        "tolerances.json", {"direction": direction, "unit_kind": unit_kind(units)}
    )
    facts: dict[str, Any] = {
        "declaration_found": declaration is not None,
        "manifest_found": manifest is not None,
        "direction": direction,
        "release": release_state(declaration),
        "screened": bool(declaration and declaration.screened),
        "plate_matches": declaration is None or declaration.plate == reading.plate,
        "bad_check_digits": sum(
            1 for u in units if u["kind"] == "container" and not iso6346.is_valid(u["number"])
        ),
        "undeclared_units": 0,
        "missing_units": 0,
        "unmanifested_units": len(seen - manifest.unit_numbers) if manifest else 0,
        "seal_mismatches": 0,
        "manifest_seal_mismatches": _seal_mismatches(units, manifest.seals_by_unit)
        if manifest
        else 0,
        "weight_over_declaration": False,
        "weight_over_manifest": bool(
            manifest and _over(reading.weight_kg, manifest.weight_kg, tolerance.result)
        ),
        "tolerance": tolerance.result["weight_tolerance_pct"],
    }
    if declaration is not None:
        declared = {u["number"]: u for u in declaration.units}
        facts["undeclared_units"] = len(seen - declared.keys())
        facts["missing_units"] = len(declared.keys() - seen)
        facts["seal_mismatches"] = _seal_mismatches(
            units, {n: u["seals"] for n, u in declared.items()}
        )
        facts["weight_over_declaration"] = _over(
            reading.weight_kg, declaration.weight_kg, tolerance.result
        )
    return facts, tolerance.fired


def decide(reading: GateIn, declaration: Declaration | None, manifest: Manifest | None) -> Verdict:
    facts, tolerance_rows = measure(reading, declaration, manifest)
    checks = rules().evaluate("checks.json", facts)
    verdict = "hold" if checks.fired else "release"
    routed = route(verdict, facts["direction"], facts["release"])
    return Verdict(
        verdict=verdict,
        route=routed[0],
        facts=facts,
        mismatches=[_mismatch(row) for row in checks.fired],
        why=[row.as_dict() for row in tolerance_rows] + routed[1],
    )


def route(verdict: str, direction: str, release: str) -> tuple[str, list[dict[str, Any]]]:
    decision = rules().evaluate(
        "routing.json", {"verdict": verdict, "direction": direction, "release": release}
    )
    return str(decision.result["route"]), decision.explanation()
