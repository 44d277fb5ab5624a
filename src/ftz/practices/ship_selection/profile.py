"""The reference view beside the rating: the Paris MoU and Tokyo MoU ship risk profiles
(`ftz.domain.vessels.psc_risk`) together with the ten dimensions, for a ship on record or for
a JSON description of one (`ftz ship-selection risk-profile SHIP.json`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.domain.vessels.models import Ship
from ftz.domain.vessels.psc_risk import risk_profile
from ftz.practices.ship_selection.dimensions import InspectionFact, TenDimensionInput, assess
from ftz.practices.ship_selection.facts import company_performance, facts_for_ship, risk_input


def invalid(exc: ValidationError, what: str) -> FtzError:
    problems = [FieldProblem(".".join(str(p) for p in e["loc"]) or "body", e["msg"])
                for e in exc.errors()]  # fmt: skip
    first = problems[0]
    return FtzError(detail=f"{what}: {first.field}: {first.reason}", status=422,
                    title="Invalid input", type_slug="validation", errors=problems)  # fmt: skip


def report_for_file(raw: Any) -> dict[str, Any]:
    """From the issue's SHIP.json: the MoU inputs, plus any ten-dimension facts. Inspections
    given only as `inspections_36m` (undated) feed the detention and deficiency dimensions as
    recent ones, the cautious reading."""
    if not isinstance(raw, dict):
        raise FtzError(detail="SHIP.json: a JSON object is expected", status=422)
    try:
        facts = TenDimensionInput.model_validate(raw)
        mou = risk_profile(raw)
    except ValidationError as exc:
        raise invalid(exc, "SHIP.json") from exc
    if facts.inspections is None and "inspections_36m" in raw:
        facts.inspections = [
            InspectionFact(deficiencies=i["deficiencies"], detained=i["detained"])
            for i in raw["inspections_36m"]
        ]
    return {**mou, "ten_dimensions": assess(facts)}


def report_for_ship(
    session: Session, ship: Ship, on: date, cargo: str = "grain_bulk"
) -> dict[str, Any]:
    """The same view for a ship on record, from its records up to `on`."""
    facts = facts_for_ship(session, ship, on, cargo)
    ten = assess(facts)
    company = next(d for d in ten["dimensions"] if d["key"] == "company")
    mou_input = risk_input(ship, facts, company_performance(company, facts))
    return {**risk_profile(mou_input), "ten_dimensions": ten, "input": mou_input,
            "assessed_on": on.isoformat()}  # fmt: skip
