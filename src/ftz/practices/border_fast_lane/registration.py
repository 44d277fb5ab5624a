"""Pre-registration (一次备案) and the forwarder's one declaration (一单两报).

Document numbers are kept only as HMAC-SHA256 keyed by the platform secret (a plain hash of a
short structured number could be reversed by enumeration); fingerprints and faces only as the
enrolment device's template reference ids. A consented declaration becomes the border check's
record in the same transaction, so the forwarder types nothing twice."""

from __future__ import annotations

import hashlib
import hmac

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.config import get_settings
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.ledger import service as ledger
from ftz.practices.border_fast_lane import repository
from ftz.practices.border_fast_lane.models import BorderRecord, Declaration, Driver, Vehicle
from ftz.practices.border_fast_lane.schemas import DeclarationIn, DriverIn, VehicleIn


def document_hash(kind: str, number: str) -> str:
    # A key derived for this purpose only, so the hashes say nothing about other uses of the secret.
    secret = get_settings().resolved_secret_key().encode()
    key = hmac.new(secret, b"ftz/border_fast_lane/document", hashlib.sha256).digest()
    return hmac.new(key, f"{kind}:{number.upper()}".encode(), hashlib.sha256).hexdigest()


def forwarder(principal: Principal) -> str:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("vehicles, drivers and declarations are registered by the forwarder")
    return principal.org_id


def register_vehicle(session: Session, *, principal: Principal, data: VehicleIn) -> Vehicle:
    org_id = forwarder(principal)
    taken = session.scalar(
        select(Vehicle.id).where((Vehicle.plate == data.plate) | (Vehicle.etag == data.etag))
    )
    if taken is not None:
        raise conflict(f"plate {data.plate} or tag {data.etag} is already registered")
    vehicle = Vehicle(org_id=org_id, **data.model_dump())
    session.add(vehicle)
    session.flush()
    return vehicle


def register_driver(session: Session, *, principal: Principal, data: DriverIn) -> Driver:
    org_id = forwarder(principal)
    digest = document_hash(data.document_kind, data.document_number)
    if session.scalar(select(Driver.id).where(Driver.document_hash == digest)) is not None:
        raise conflict("this document is already registered")
    driver = Driver(
        org_id=org_id,
        name=data.name,
        document_kind=data.document_kind,
        document_hash=digest,
        document_hint=data.document_number[-4:],
        document_valid_until=data.document_valid_until,
        fingerprint_ref=data.fingerprint_ref,
        face_ref=data.face_ref,
        enrolment_device=data.enrolment_device,
    )
    session.add(driver)
    session.flush()
    return driver


def file_declaration(session: Session, *, principal: Principal, data: DeclarationIn) -> Declaration:
    org_id = forwarder(principal)
    # Someone else's vehicle or driver answers 404, exactly like a missing one.
    vehicle = repository.get_owned(session, principal, Vehicle, data.vehicle_id)
    driver = repository.get_owned(session, principal, Driver, data.driver_id)
    # A record taken off the fast lane cannot start a new trip until it is reactivated.
    if not vehicle.active:
        raise validation_error("vehicle_id", f"vehicle {vehicle.plate} is deactivated")
    if not driver.active:
        raise validation_error("driver_id", f"driver {driver.name} is deactivated")
    number = (
        f"PXZ{data.trip_date:%Y%m%d}{repository.declarations_on(session, data.trip_date) + 1:05d}"
    )
    entry = ledger.canonical(
        {
            "type": "border_fast_lane.declaration",
            "number": number,
            "org": org_id,
            "vehicle": vehicle.id,
            "driver": driver.id,
            "direction": data.direction,
            "trip_date": data.trip_date.isoformat(),
            "consent": data.consent,
        }
    )
    [index] = ledger.append(session, ledger.EVIDENCE_LOG, [entry], [f"bfl-declaration:{number}"])
    declaration = Declaration(org_id=org_id, number=number, ledger_index=index, **data.model_dump())
    session.add(declaration)
    session.flush()
    if data.consent:
        session.add(
            BorderRecord(
                org_id=org_id,
                declaration_id=declaration.id,
                vehicle_id=vehicle.id,
                driver_id=driver.id,
                direction=data.direction,
                trip_date=data.trip_date,
            )
        )
        session.flush()
    session.refresh(declaration, ["border_record"])
    return declaration
