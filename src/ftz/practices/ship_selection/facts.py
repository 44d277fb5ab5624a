"""From a ship's records to the facts the rules read: the ten dimensions' facts on a given date,
and the input of the Paris/Tokyo MoU risk profiles (`ftz.domain.vessels.psc_risk`).

Dates become whole months or days before the assessment date; which windows matter (12, 24, 36
months, 30 days) is said by the decision tables, not here."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from ftz.domain.vessels import repository as vessels
from ftz.domain.vessels.models import Inspection, Ship
from ftz.domain.vessels.reference import flag_performance, society
from ftz.practices.ship_selection.common import settings
from ftz.practices.ship_selection.dimensions import (
    CertificateFact,
    CompanyFact,
    InspectionFact,
    TenDimensionInput,
    WatchFact,
)


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (0 when later is earlier)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(0, months)


def age_years(ship: Ship, on: date) -> int:
    return max(0, on.year - ship.year_built)


def _window_start(on: date) -> date:
    months = int(settings()["history_months"])
    return on - timedelta(days=round(months * 30.4375))


def _inspection_fact(inspection: Inspection, on: date) -> InspectionFact:
    open_detainable = sum(1 for d in inspection.deficiencies if d.detainable and not d.rectified)
    return InspectionFact(
        months_ago=months_between(inspection.inspected_on, on),
        deficiencies=len(inspection.deficiencies),
        detained=inspection.detained,
        detainable_open=open_detainable,
    )


def _company_fact(session: Session, ship: Ship, on: date) -> CompanyFact:
    company = ship.company
    if company is None:
        return CompanyFact(known=False, doc_valid=False)
    fleet = vessels.fleet_inspections(session, company.id, _window_start(on))
    return CompanyFact(
        doc_valid=bool(company.doc_number)
        and (company.doc_expires_on is None or company.doc_expires_on >= on),
        fleet_inspections_36m=len(fleet),
        fleet_detentions_36m=sum(1 for i in fleet if i.detained),
        fleet_deficiencies_36m=sum(len(i.deficiencies) for i in fleet),
    )


def _latest_certificates(session: Session, ship: Ship, on: date) -> list[CertificateFact]:
    """The newest certificate of each kind issued on or before the date."""
    newest: dict[str, CertificateFact] = {}
    for cert in vessels.certificates(session, ship.id):  # kind, then newest issue first
        if cert.issued_on > on or cert.kind in newest:
            continue
        days = (cert.expires_on - on).days if cert.expires_on else None
        newest[cert.kind] = CertificateFact.model_validate(
            {"kind": cert.kind, "status": cert.status, "days_to_expiry": days}
        )
    return list(newest.values())


def facts_for_ship(
    session: Session, ship: Ship, on: date, cargo: str = "grain_bulk"
) -> TenDimensionInput:
    """Everything on record up to `on`; records dated after it are left out."""
    watches = [w for w in vessels.watches(session, ship.id) if w.opened_on <= on]

    def watch_facts(kind: str) -> list[WatchFact]:
        return [
            WatchFact(
                open=w.closed_on is None or w.closed_on > on,
                months_since_closed=months_between(w.closed_on, on)
                if w.closed_on and w.closed_on <= on
                else None,
            )
            for w in watches
            if w.kind == kind
        ]

    manning = [m for m in vessels.manning(session, ship.id) if m.checked_on <= on]
    inspections = [i for i in vessels.inspections(session, ship.id) if i.inspected_on <= on]
    penalties = [p for p in vessels.penalties(session, ship.id)
                 if p.decided_on <= on and p.status != "revoked"]  # fmt: skip
    accidents = [a for a in vessels.accidents(session, ship.id) if a.occurred_on <= on]
    return TenDimensionInput.model_validate({
        "ship_type": ship.ship_type,
        "age_years": age_years(ship, on),
        "cargo": cargo,
        "certificates": _latest_certificates(session, ship, on),
        "manning": [
            {"required_crew": m.required_crew, "crew_on_board": m.crew_on_board,
             "uncertified": m.uncertified, "days_since_check": (on - m.checked_on).days}
            for m in manning
        ],
        "key_tracking": watch_facts("key_tracking"),
        "assistance_investigations": watch_facts("assistance_investigation"),
        "inspections": [_inspection_fact(i, on) for i in inspections],
        "company": _company_fact(session, ship, on),
        "penalties": [
            {"months_ago": months_between(p.decided_on, on), "fine_cny": float(p.fine_cny)}
            for p in penalties
        ],
        "accidents": [
            {"months_ago": months_between(a.occurred_on, on), "severity": a.severity,
             "responsibility": a.responsibility}
            for a in accidents
        ],
    })  # fmt: skip


def company_performance(company_dimension: dict[str, Any], facts: TenDimensionInput) -> str:
    """The Paris MoU scale (high/medium/low/very_low) read from the company dimension."""
    mapping: dict[str, str] = settings()["company_performance"]
    level = str(company_dimension["level"])
    history = facts.company is not None and facts.company.fleet_inspections_36m >= 3
    if level == "good" and history:
        return mapping["good_with_history"]
    return mapping[level]


def risk_input(ship: Ship, facts: TenDimensionInput, company_level: str) -> dict[str, Any]:
    """The MoU profiles' input for a recorded ship (flag and RO data from domain/vessels)."""
    flag = flag_performance(ship.flag)
    ro = society(ship.class_society or "")
    months = int(settings()["history_months"])
    return {
        "ship_type": ship.ship_type,
        "age_years": facts.age_years,
        "flag_list": flag["list"],
        "flag_imo_audit": bool(flag["imo_audit"]),
        "ro_performance": ro["performance"],
        "ro_recognised": bool(ro["recognised"]),
        "company_performance": company_level,
        "inspections_36m": [
            {"deficiencies": i.deficiencies, "detained": i.detained}
            for i in facts.inspections or []
            if i.months_ago < months
        ],
    }
