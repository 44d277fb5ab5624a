"""Leisure fishing licences (休闲渔业捕捞许可证): issued by fishery officers only within the
vessel's home area's indicators (the use is posted in the same transaction), edited (validity,
sea areas, gear), revoked (the use is released), and the expiry reminders."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, validation_error
from ftz.core.kit.ids import new_id
from ftz.core.workflow import fire
from ftz.practices.leisure_fishery import allocations, indicators, reference, repository
from ftz.practices.leisure_fishery.models import (
    Insurance,
    Licence,
    SafetyOfficer,
    Vessel,
)
from ftz.practices.leisure_fishery.sailing import inspection_state
from ftz.practices.leisure_fishery.schemas import LicenceIn, LicenceUpdate, ReasonIn
from ftz.practices.leisure_fishery.service import (
    add_months,
    require_fishery,
)
from ftz.practices.leisure_fishery.workflow import LicenceFlow


def _validity(valid_from: date, valid_to: date) -> None:
    if valid_to <= valid_from:
        raise validation_error("valid_to", "must be after valid_from")
    years = reference.setting("licence_max_years")
    if valid_to > add_months(valid_from, 12 * years):
        raise validation_error(
            "valid_to",
            f"a licence is valid for at most {years} years "
            f"({reference.settings()['licence_max_years']['source']})",
        )


def _codes(sea_areas: list[str], gear: list[str]) -> None:
    for n, code in enumerate(sea_areas):
        if code not in reference.coastal_codes():
            raise validation_error(f"sea_areas.{n}", f"{code} is not a coastal city or county")
    for n, code in enumerate(gear):
        if code not in reference.gear():
            raise validation_error(f"gear.{n}", f"unknown gear {code!r}")


def issue(session: Session, *, principal: Principal, data: LicenceIn) -> Licence:
    require_fishery(principal, "issue licences")
    vessel = repository.get(session, principal, Vessel, data.vessel_id, "vessel", lock=True)
    _validity(data.valid_from, data.valid_to)
    _codes(data.sea_areas, data.gear)
    if vessel.status != "in_service":
        raise conflict(
            f"vessel {vessel.name} is {vessel.status}: only vessels in service are licensed"
        )
    state, _ = inspection_state(session, vessel.id, reference.today())
    if state != "valid":
        raise conflict(f"vessel {vessel.name} has no valid inspection ({state}): inspect it first")
    overlap = select(Licence).where(
        Licence.vessel_id == vessel.id,
        Licence.status == "active",
        Licence.valid_to >= data.valid_from,
        Licence.valid_from <= data.valid_to,
    )
    clash = session.scalar(overlap)
    if clash is not None:
        raise conflict(
            f"vessel {vessel.name} already holds licence {clash.number} "
            f"({clash.valid_from} – {clash.valid_to})"
        )
    year, licence_id = data.valid_from.year, new_id()
    amount = indicators.Amount(1, vessel.power_w, data.gear_units)
    # Locks the area's account first, so the sequence number below is taken one at a time.
    allocations.use(
        session,
        principal=principal,
        year=year,
        code=vessel.area_code,
        amount=amount,
        licence_id=licence_id,
        note=vessel.registration_no,
    )
    count = session.scalar(
        select(func.count()).where(Licence.area_code == vessel.area_code, Licence.year == year)
    )
    licence = Licence(
        id=licence_id,
        org_id=vessel.org_id,
        vessel_id=vessel.id,
        number=f"LF-{vessel.area_code}-{year}-{int(count or 0) + 1:05d}",
        area_code=vessel.area_code,
        year=year,
        valid_from=data.valid_from,
        valid_to=data.valid_to,
        sea_areas=list(data.sea_areas),
        gear=list(data.gear),
        gear_units=data.gear_units,
        power_w=vessel.power_w,
        status="active",
        note=data.note,
    )
    session.add(licence)
    session.flush()
    return licence


def update(
    session: Session, *, principal: Principal, licence_id: str, data: LicenceUpdate
) -> Licence:
    require_fishery(principal, "amend licences")
    licence = repository.get(session, principal, Licence, licence_id, "licence", lock=True)
    if licence.status != "active":
        raise conflict(f"licence {licence.number} is {licence.status}")
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    if "valid_to" in changes:
        _validity(licence.valid_from, changes["valid_to"])
    _codes(changes.get("sea_areas", []), changes.get("gear", []))
    for key, value in changes.items():
        setattr(licence, key, list(value) if isinstance(value, list) else value)
    session.flush()
    return licence


def revoke(session: Session, *, principal: Principal, licence_id: str, data: ReasonIn) -> Licence:
    require_fishery(principal, "revoke licences")
    licence = repository.get(session, principal, Licence, licence_id, "licence", lock=True)
    fire(
        session,
        LicenceFlow,
        licence,
        "revoke",
        principal=principal,
        owner_org_id=licence.org_id,
        note=data.reason,
    )
    licence.note = data.reason
    amount = indicators.Amount(1, licence.power_w, licence.gear_units)
    allocations.release(
        session,
        principal=principal,
        year=licence.year,
        code=licence.area_code,
        amount=amount,
        licence_id=licence.id,
        note=data.reason,
    )
    session.flush()
    return licence


def reminders(session: Session, *, principal: Principal, on: date | None = None) -> dict[str, Any]:
    """What expires within the reminder window (licences, passenger insurance, safety officers'
    certificates, inspections falling due) and the inspections already overdue."""
    on = on or reference.today()
    days = reference.setting("reminder_days")
    licences = repository.expiring(
        session, principal, Licence, Licence.valid_to, on, days, Licence.status == "active"
    )
    policies = repository.expiring(session, principal, Insurance, Insurance.expires_on, on, days)
    officers = repository.expiring(
        session,
        principal,
        SafetyOfficer,
        SafetyOfficer.valid_to,
        on,
        days,
        SafetyOfficer.active.is_(True),
    )
    vessels = session.scalars(
        repository.scoped(select(Vessel), Vessel, principal).where(Vessel.status == "in_service")
    ).all()
    due: list[dict[str, Any]] = []
    for vessel in vessels:
        state, last = inspection_state(session, vessel.id, on)
        if state in ("none", "failed", "overdue") or (
            last is not None and (last.next_due - on).days <= days
        ):
            due.append(
                {"vessel": vessel, "state": state, "next_due": last.next_due if last else None}
            )
    due.sort(key=lambda d: (d["next_due"] or date.min, d["vessel"].name))
    return {
        "on": on,
        "days": days,
        "licences": licences,
        "insurance": policies,
        "safety_officers": officers,
        "inspections": due,
    }
