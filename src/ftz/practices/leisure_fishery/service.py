"""p17 vessel registry: vessels (class from the length table), inspections (result and next due
from the inspection table), safety officers and insurance, and the sailing check that says,
with the rule rows that fired, whether a vessel may take passengers out on a given day.
Keyword-only, flushes and never commits: the edge's single transaction makes each call whole."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.audit.service import list_events
from ftz.core.auth.models import OrgKind
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.kit.pagination import PageParams
from ftz.practices.leisure_fishery import reference, repository
from ftz.practices.leisure_fishery.models import (
    CatchReport,
    Inspection,
    Insurance,
    Licence,
    SafetyOfficer,
    Vessel,
)
from ftz.practices.leisure_fishery.permissions import ASSOCIATION, FISHERY
from ftz.practices.leisure_fishery.schemas import (
    InspectionIn,
    InsuranceIn,
    SafetyOfficerIn,
    VesselIn,
    VesselUpdate,
)

OPERATOR_STATUSES = ("in_service", "laid_up")  # an operator may lay up and resume, no more


def is_fishery_officer(principal: Principal) -> bool:
    return principal.is_admin or principal.department == FISHERY


def is_association(principal: Principal) -> bool:
    return principal.is_admin or principal.department == ASSOCIATION


def require_fishery(principal: Principal, what: str) -> None:
    if not is_fishery_officer(principal):
        raise forbidden(f"only fishery officers {what}")


def writer(principal: Principal) -> None:
    """Operators write their own vessels' records; fishery officers anyone's."""
    if not principal.is_enterprise and not is_fishery_officer(principal):
        raise forbidden("only the operator or a fishery officer changes a vessel's records")


def watts(kw: Decimal) -> int:
    return int(kw * 1000)


def add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: 28 exists in every month


def _coastal(code: str, field: str) -> None:
    if code not in reference.coastal_codes():
        raise validation_error(field, f"{code} is not one of Hainan's coastal cities or counties")


def classify(length_cm: int) -> tuple[str, list[dict[str, Any]]]:
    result, why = reference.evaluate("vessel_class.json", {"length_m": length_cm / 100})
    return str(result["vessel_class"]), why


def create_vessel(session: Session, *, principal: Principal, data: VesselIn) -> Vessel:
    writer(principal)
    if principal.is_enterprise:
        if data.operator_code:
            raise validation_error("operator_code", "operators register their own vessels only")
        org_id = principal.org_id
    else:
        if not data.operator_code:
            raise validation_error("operator_code", "name the operator's organization code")
        org = repository.operator(session, data.operator_code)
        if org is None or org.kind != OrgKind.ENTERPRISE:
            raise validation_error("operator_code", f"no operator {data.operator_code!r}")
        org_id = org.id
    _coastal(data.area_code, "area_code")
    taken = select(Vessel.id).where(Vessel.registration_no == data.registration_no)
    if session.scalar(taken):
        raise conflict(f"registration number {data.registration_no} is already registered")
    length_cm = int(data.length_m * 100)
    vessel_class, why = classify(length_cm)
    vessel = Vessel(
        org_id=org_id,
        name=data.name,
        registration_no=data.registration_no,
        vessel_class=vessel_class,
        length_cm=length_cm,
        power_w=watts(data.power_kw),
        passenger_capacity=data.passenger_capacity,
        home_port=data.home_port,
        area_code=data.area_code,
        status=data.status,
        why=why,
    )
    session.add(vessel)
    session.flush()
    return vessel


def active_licence(session: Session, vessel_id: str, on: date) -> Licence | None:
    query = select(Licence).where(
        Licence.vessel_id == vessel_id, Licence.status == "active", Licence.valid_to >= on
    )
    return session.scalar(query.order_by(Licence.valid_from))


def update_vessel(
    session: Session, *, principal: Principal, vessel_id: str, data: VesselUpdate
) -> Vessel:
    writer(principal)
    vessel = repository.get(session, principal, Vessel, vessel_id, "vessel", lock=True)
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    restricted = changes.get("status", vessel.status) not in OPERATOR_STATUSES
    if (
        "status" in changes
        and not is_fishery_officer(principal)
        and (restricted or vessel.status not in OPERATOR_STATUSES)
    ):
        raise forbidden("only fishery officers suspend, deregister or reinstate a vessel")
    licence = active_licence(session, vessel.id, reference.today())
    if licence is not None:
        if "area_code" in changes and changes["area_code"] != vessel.area_code:
            raise conflict(
                f"licence {licence.number} holds this area's indicator: revoke it "
                "before moving the vessel to another city or county"
            )
        if "power_kw" in changes and watts(changes["power_kw"]) != vessel.power_w:
            raise conflict(
                f"licence {licence.number} was issued for {vessel.power_w / 1000:g} "
                "kW: a power change needs a new indicator (revoke and re-license)"
            )
        if changes.get("status") == "deregistered":
            raise conflict(f"revoke licence {licence.number} before deregistering the vessel")
    if "area_code" in changes:
        _coastal(changes["area_code"], "area_code")
    if "length_m" in changes:
        vessel.length_cm = int(changes.pop("length_m") * 100)
        vessel.vessel_class, vessel.why = classify(vessel.length_cm)
    if "power_kw" in changes:
        vessel.power_w = watts(changes.pop("power_kw"))
    for key, value in changes.items():
        setattr(vessel, key, value)
    session.flush()
    return vessel


def record_inspection(
    session: Session, *, principal: Principal, vessel_id: str, data: InspectionIn
) -> Inspection:
    require_fishery(principal, "record vessel inspections")
    vessel = repository.get(session, principal, Vessel, vessel_id, "vessel")
    if data.inspected_on > reference.today():
        raise validation_error("inspected_on", "an inspection cannot be recorded in advance")
    major = sum(1 for f in data.findings if f.severity == "major")
    result, why = reference.evaluate(
        "inspection_result.json",
        {"major_findings": major, "minor_findings": len(data.findings) - major},
    )
    inspection = Inspection(
        org_id=vessel.org_id,
        vessel_id=vessel.id,
        kind=data.kind,
        inspected_on=data.inspected_on,
        inspector=data.inspector,
        findings=[f.model_dump() for f in data.findings],
        result=result["result"],
        next_due=add_months(data.inspected_on, int(result["next_due_months"])),
        why=why,
    )
    session.add(inspection)
    session.flush()
    return inspection


def _dates(start: date, end: date, field: str) -> None:
    if end <= start:
        raise validation_error(field, "must be after the start date")


def add_safety_officer(
    session: Session, *, principal: Principal, vessel_id: str, data: SafetyOfficerIn
) -> SafetyOfficer:
    writer(principal)
    vessel = repository.get(session, principal, Vessel, vessel_id, "vessel")
    _dates(data.valid_from, data.valid_to, "valid_to")
    officer = SafetyOfficer(
        org_id=vessel.org_id, vessel_id=vessel.id, active=True, **data.model_dump()
    )
    session.add(officer)
    session.flush()
    return officer


def end_safety_officer(session: Session, *, principal: Principal, officer_id: str) -> SafetyOfficer:
    """The officer leaves the vessel: kept for the record, no longer counted."""
    writer(principal)
    officer = repository.get(session, principal, SafetyOfficer, officer_id, "safety officer")
    officer.active = False
    session.flush()
    return officer


def add_insurance(
    session: Session, *, principal: Principal, vessel_id: str, data: InsuranceIn
) -> Insurance:
    writer(principal)
    vessel = repository.get(session, principal, Vessel, vessel_id, "vessel")
    _dates(data.starts_on, data.expires_on, "expires_on")
    if session.scalar(select(Insurance.id).where(Insurance.policy_no == data.policy_no)):
        raise conflict(f"policy {data.policy_no} is already recorded")
    policy = Insurance(org_id=vessel.org_id, vessel_id=vessel.id, **data.model_dump())
    session.add(policy)
    session.flush()
    return policy


def history(session: Session, *, principal: Principal, entity_ids: list[str]) -> list[Any]:
    """The audit trail of these records, newest first (enterprises see their own rows only)."""
    page = list_events(
        session, principal=principal, entity_ids=entity_ids, params=PageParams(page=1, size=200)
    )
    return list(page.items)


def vessel_history(session: Session, *, principal: Principal, vessel_id: str) -> list[Any]:
    """The vessel's own changes and those of everything recorded about it."""
    vessel = repository.get(session, principal, Vessel, vessel_id, "vessel")
    ids = [vessel.id]
    for model in (Inspection, Licence, SafetyOfficer, Insurance, CatchReport):
        ids += session.scalars(select(model.id).where(model.vessel_id == vessel.id)).all()
    return history(session, principal=principal, entity_ids=ids)
