"""p13 declarations: the shipper declares a container at the origin (one declaration from rail
to sea); edits it while it waits; withdraws or resubmits it. The inspections are in
inspections.py. Services flush, never commit."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ftz.core.audit.models import AuditEvent
from ftz.core.audit.service import list_events
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.kit.ids import new_id
from ftz.core.kit.pagination import PageParams
from ftz.core.workflow import fire
from ftz.practices.nev_containers import repository
from ftz.practices.nev_containers.classify import classify
from ftz.practices.nev_containers.common import office_org, place_names, settings
from ftz.practices.nev_containers.models import Declaration, Vehicle
from ftz.practices.nev_containers.schemas import DeclarationIn, EventIn
from ftz.practices.nev_containers.workflow import DeclarationFlow

EDITABLE = ("declared", "rectifying")


def _shipper(principal: Principal) -> str:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("only a shipper (enterprise) declares NEV containers")
    return principal.org_id


def _fill(session: Session, declaration: Declaration, data: DeclarationIn) -> None:
    """Check the places, offices and VINs, classify, and write the declaration's fields."""
    conf = settings()
    if data.origin not in {p["id"] for p in conf["origins"]}:
        raise validation_error("origin", f"not a packing place of this practice: {data.origin}")
    if data.transit_port not in {p["id"] for p in conf["transit_ports"]}:
        raise validation_error("transit_port", f"not a transit port: {data.transit_port}")
    origin = office_org(session, data.origin_office, "origin", "origin_office")
    transit = office_org(session, data.transit_office, "transit", "transit_office")
    vins = [v.vin for v in data.vehicles]
    if len(set(vins)) != len(vins):
        raise validation_error("vehicles", "a VIN is listed twice")
    taken = repository.vin_in_open_declaration(session, vins, declaration.id)
    if taken:
        raise conflict("already declared in another container: " + ", ".join(taken))
    found = classify(data.sea_date, data.opt_in_42_24, data.vehicles)
    fields = data.model_dump(exclude={"vehicles", "origin_office", "transit_office"})
    for key, value in fields.items():
        setattr(declaration, key, value)
    declaration.origin_office_org_id = origin.id
    declaration.transit_office_org_id = transit.id
    declaration.edition = found["edition"]
    declaration.fired = found["fired"]
    declaration.un_numbers = found["un_numbers"]
    declaration.special_provisions = found["special_provisions"]
    declaration.vehicles.clear()
    session.flush()  # the old vehicles go before new rows reuse their VINs
    for position, item in enumerate(found["vehicles"], start=1):
        declaration.vehicles.append(
            Vehicle(id=new_id(), org_id=declaration.org_id, position=position, **item)
        )


def declare(session: Session, *, principal: Principal, data: DeclarationIn) -> Declaration:
    org_id = _shipper(principal)
    declaration = Declaration(
        id=new_id(),
        org_id=org_id,
        number=repository.next_number(session, data.sea_date.year),
        status="declared",
    )
    _fill(session, declaration, data)  # before add: its queries must not autoflush a blank row
    session.add(declaration)
    session.flush()
    return declaration


def edit(
    session: Session, *, principal: Principal, declaration_id: str, data: DeclarationIn
) -> Declaration:
    """Change a declaration before the packing-site inspection certifies it (an order change
    no longer means a new declaration at the transit port)."""
    _shipper(principal)
    declaration = repository.get_declaration(session, principal, declaration_id, lock=True)
    if declaration.status not in EDITABLE:
        raise conflict(f"a {declaration.status} declaration can no longer be edited")
    _fill(session, declaration, data)
    session.flush()
    return declaration


def event(
    session: Session, *, principal: Principal, declaration_id: str, data: EventIn
) -> Declaration:
    declaration = repository.get_declaration(session, principal, declaration_id, lock=True)
    fire(session, DeclarationFlow, declaration, data.event, principal=principal,
         owner_org_id=declaration.org_id, note=data.note)  # fmt: skip
    declaration.note = data.note
    session.flush()
    return declaration


def history(session: Session, *, principal: Principal, entity_id: str) -> list[AuditEvent]:
    """The audit trail of one declaration, newest first (already fetched, so visible)."""
    found = list_events(session, principal=principal, entity_ids=[entity_id],
                        params=PageParams(page=1, size=200))  # fmt: skip
    return list(found.items)


def dashboard(session: Session, *, principal: Principal) -> dict[str, Any]:
    """The platform's counts beside the seed's, and what recognition saved (seed figures per
    box recognized without reopening)."""
    seed = settings()["seed"]
    status = repository.counts(session, principal, Declaration.status)
    recognized = status.get("loaded", 0)
    return {
        "status": status,
        "boxes": sum(n for s, n in status.items() if s != "withdrawn"),
        "vehicles_by_un": repository.vehicle_counts(session, principal),
        "editions": repository.counts(session, principal, Declaration.edition),
        "recognized": recognized,
        "saved_cny": recognized * int(seed["cost_saved_per_box_cny"]),
        "days_saved": [recognized * seed["days_saved_min"], recognized * seed["days_saved_max"]],
        "seed": seed,
        "places": place_names(),
    }
