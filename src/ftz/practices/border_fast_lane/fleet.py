"""Keeping the pre-registrations true: the forwarder edits its vehicles and drivers, and either the
forwarder or the border check takes one off the fast lane (and back on).

Who may do what: the forwarder edits, deactivates and reactivates its own organization's records
(another organization's answers 404); a border-check officer may deactivate any record. A record
goes back on the lane only by the authority that took it off, so a forwarder cannot undo the
border check. Each change is one transaction; the audit trail keeps the column changes and an
explicit event with the reason and the authority."""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.audit import AuditEvent, record_event
from ftz.core.audit.service import list_events
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.kit.pagination import PageParams
from ftz.practices.border_fast_lane import repository
from ftz.practices.border_fast_lane.models import Driver, Vehicle
from ftz.practices.border_fast_lane.permissions import DEPARTMENTS
from ftz.practices.border_fast_lane.registration import document_hash, forwarder
from ftz.practices.border_fast_lane.repository import Registered
from ftz.practices.border_fast_lane.schemas import (
    DriverEdit,
    HistoryEntry,
    StatusChangeIn,
    VehicleEdit,
)

Authority = Literal["forwarder", "border_check"]
# Never shown in a history: a keyed hash tells a person nothing and need not leave the database.
HIDDEN_VALUES = frozenset({"document_hash"})
STATUS_ACTIONS = ("border_fast_lane.deactivate", "border_fast_lane.reactivate")


def _nothing_to_change(data: VehicleEdit | DriverEdit) -> None:
    if not data.model_fields_set or all(
        getattr(data, name) is None for name in data.model_fields_set
    ):
        raise validation_error("body", "give at least one field to change")


def edit_vehicle(
    session: Session, *, principal: Principal, vehicle_id: str, data: VehicleEdit
) -> Vehicle:
    forwarder(principal)
    vehicle = repository.get_owned(session, principal, Vehicle, vehicle_id)
    _nothing_to_change(data)
    if data.kind is not None:
        vehicle.kind = data.kind
    if data.permit_valid_until is not None:
        vehicle.permit_valid_until = data.permit_valid_until
    session.flush()
    return vehicle


def edit_driver(
    session: Session, *, principal: Principal, driver_id: str, data: DriverEdit
) -> Driver:
    forwarder(principal)
    driver = repository.get_owned(session, principal, Driver, driver_id)
    _nothing_to_change(data)
    kind = data.document_kind or driver.document_kind
    if data.document_number is not None:
        digest = document_hash(kind, data.document_number)
        holder = session.scalar(select(Driver.id).where(Driver.document_hash == digest))
        if holder is not None and holder != driver.id:
            raise conflict("this document is already registered")
        driver.document_hash = digest
        driver.document_hint = data.document_number[-4:]
    elif kind != driver.document_kind:
        # Only the keyed hash of the old number is kept, so a new kind needs the number again.
        raise validation_error("document_number", "a new document kind needs its number")
    driver.document_kind = kind
    for name in ("name", "document_valid_until", "fingerprint_ref", "face_ref", "enrolment_device"):
        value = getattr(data, name)
        if value is not None:
            setattr(driver, name, value)
    session.flush()
    return driver


def authority_of(principal: Principal) -> Authority:
    if principal.is_enterprise:
        return "forwarder"
    if principal.is_admin or principal.department in DEPARTMENTS:
        return "border_check"
    raise forbidden("only the forwarder or the border check changes a registration's status")


def deactivated_by(session: Session, record: Vehicle | Driver) -> str | None:
    """Which authority took the record off the lane the last time (None: never)."""
    found = session.scalar(
        select(AuditEvent.changes)
        .where(
            AuditEvent.entity_type == record.__tablename__,
            AuditEvent.entity_id == record.id,
            AuditEvent.action == STATUS_ACTIONS[0],
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )
    return str(found.get("authority")) if found else None


def set_active(
    session: Session,
    *,
    principal: Principal,
    model: type[Registered],
    record_id: str,
    active: bool,
    data: StatusChangeIn,
) -> Registered:
    authority = authority_of(principal)
    record = repository.get_owned(session, principal, model, record_id)
    if record.active == active:
        raise conflict(f"already {'active' if active else 'deactivated'}")
    if active:
        took_off = deactivated_by(session, record) or "forwarder"
        if took_off != authority:
            raise forbidden(f"deactivated by the {took_off.replace('_', ' ')}, who reactivates it")
    record.active = active
    session.flush()
    record_event(
        session,
        action=STATUS_ACTIONS[0 if not active else 1],
        entity_type=record.__tablename__,
        entity_id=record.id,
        owner_org_id=record.org_id,
        details={"reason": data.reason, "authority": authority},
    )
    return record


def history(
    session: Session, *, principal: Principal, model: type[Registered], record_id: str
) -> list[HistoryEntry]:
    """The record's audit trail, newest first, without the document's keyed hash."""
    record = repository.get_owned(session, principal, model, record_id)
    page = list_events(
        session,
        principal=principal,
        entity_type=record.__tablename__,
        entity_id=record.id,
        params=PageParams(page=1, size=200),
    )
    return [_entry(e) for e in page.items]


def _entry(event: AuditEvent) -> HistoryEntry:
    changes: list[dict[str, Any]] = []
    if event.action in ("create", "update"):
        before = event.changes.get("before", {})
        for name, value in event.changes.get("after", {}).items():
            if name in ("id", "org_id"):
                continue
            hidden = name in HIDDEN_VALUES
            changes.append(
                {
                    "field": name,
                    "before": None if hidden else before.get(name),
                    "after": "(new)" if hidden else value,
                }
            )
    action = event.action.removeprefix("border_fast_lane.")
    return HistoryEntry(
        at=event.occurred_at,
        who=event.actor_username,
        action=action,
        changes=changes,
        reason=event.changes.get("reason"),
    )
