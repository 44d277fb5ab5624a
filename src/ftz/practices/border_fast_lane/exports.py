"""CSV of the vehicle and driver lists, with the same search and filter as the lists. Document
numbers appear only as their last four characters; the keyed hash never leaves the database."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.models import Organization
from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import csv_text
from ftz.practices.border_fast_lane import repository
from ftz.practices.border_fast_lane.models import Driver, Vehicle

VEHICLE_COLUMNS = (
    "plate",
    "etag",
    "kind",
    "permit_valid_until",
    "active",
    "forwarder",
    "registered_at",
)
DRIVER_COLUMNS = (
    "name",
    "document_kind",
    "document_last4",
    "document_valid_until",
    "fingerprint_ref",
    "face_ref",
    "enrolment_device",
    "active",
    "forwarder",
    "registered_at",
)


def _forwarders(session: Session, org_ids: set[str]) -> dict[str, str]:
    found = session.execute(
        select(Organization.id, Organization.name_zh).where(Organization.id.in_(org_ids))
    )
    return {org_id: name for org_id, name in found}


def vehicles_csv(
    session: Session, principal: Principal, *, q: str | None, active: bool | None
) -> str:
    query = repository.fleet_query(principal, Vehicle, q=q, active=active)
    vehicles: list[Vehicle] = list(session.scalars(query))
    names = _forwarders(session, {v.org_id for v in vehicles})
    rows = [
        (
            v.plate,
            v.etag,
            v.kind,
            v.permit_valid_until.isoformat(),
            "yes" if v.active else "no",
            names.get(v.org_id, v.org_id),
            v.created_at.isoformat(timespec="seconds"),
        )
        for v in vehicles
    ]
    return csv_text(VEHICLE_COLUMNS, rows)


def drivers_csv(
    session: Session, principal: Principal, *, q: str | None, active: bool | None
) -> str:
    query = repository.fleet_query(principal, Driver, q=q, active=active)
    drivers: list[Driver] = list(session.scalars(query))
    names = _forwarders(session, {d.org_id for d in drivers})
    rows = [
        (
            d.name,
            d.document_kind,
            d.document_hint,
            d.document_valid_until.isoformat(),
            d.fingerprint_ref,
            d.face_ref,
            d.enrolment_device,
            "yes" if d.active else "no",
            names.get(d.org_id, d.org_id),
            d.created_at.isoformat(timespec="seconds"),
        )
        for d in drivers
    ]
    return csv_text(DRIVER_COLUMNS, rows)
