"""The sailing check: may a vessel take anglers out on a given day? The facts come from the
records (latest inspection, licence, passenger insurance and its seats, safety officers); the
verdict and its reasons from rules/sailing.json. Used by the vessel page and every catch report."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.practices.leisure_fishery import reference, repository
from ftz.practices.leisure_fishery.models import (
    Inspection,
    Insurance,
    Licence,
    SafetyOfficer,
    Vessel,
)


def inspection_state(session: Session, vessel_id: str, on: date) -> tuple[str, Inspection | None]:
    query = (
        select(Inspection)
        .where(Inspection.vessel_id == vessel_id, Inspection.inspected_on <= on)
        .order_by(Inspection.inspected_on.desc(), Inspection.created_at.desc())
    )
    last = session.scalar(query)
    if last is None:
        return "none", None
    if last.result == "fail":
        return "failed", last
    return ("overdue" if last.next_due < on else "valid"), last


def licence_on(session: Session, vessel_id: str, on: date) -> Licence | None:
    query = select(Licence).where(
        Licence.vessel_id == vessel_id,
        Licence.status == "active",
        Licence.valid_from <= on,
        Licence.valid_to >= on,
    )
    return session.scalar(query)


def sailing_check(
    session: Session, vessel: Vessel, on: date, persons: int | None = None
) -> dict[str, Any]:
    """May the vessel carry anglers on `on`? Facts from the records, verdict from sailing.json."""
    state, _ = inspection_state(session, vessel.id, on)
    policies = [
        p
        for p in repository.children(session, Insurance, vessel.id, Insurance.expires_on)
        if p.cover == "passenger_accident" and p.starts_on <= on <= p.expires_on
    ]
    officers = [
        o
        for o in repository.children(session, SafetyOfficer, vessel.id, SafetyOfficer.valid_to)
        if o.active and o.valid_from <= on <= o.valid_to
    ]
    seats = max((p.seats for p in policies), default=0)
    facts = {
        "vessel_status": vessel.status,
        "licence_valid": licence_on(session, vessel.id, on) is not None,
        "inspection": state,
        "passenger_insurance": bool(policies),
        "insured_seats_short": bool(policies) and persons is not None and persons > seats,
        "safety_officer_valid": bool(officers),
    }
    result, why = reference.evaluate("sailing.json", facts)
    return {
        "on": on.isoformat(),
        "facts": facts,
        "flags": [r["flag"] for r in result],
        "may_sail": not result,
        "why": why,
    }
