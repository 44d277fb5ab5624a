"""p02 联动接卸: filing shipments (containers checked against ISO 6346), each party posting its
container events (role- and party-checked, audited, anchored in the evidence ledger), and the
rule verdicts that go with them: inspection site, shipside pickup / direct loading, transit
delay and the route advice."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session
from stdnum import iso6346
from stdnum.exceptions import ValidationError as StdnumError

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import forbidden, validation_error
from ftz.core.kit.ids import new_id
from ftz.core.kit.pagination import Page, PageParams
from ftz.core.ledger import service as ledger
from ftz.core.rules import RuleSet
from ftz.core.workflow import allowed_events, fire
from ftz.practices.linked_unloading import reference, repository
from ftz.practices.linked_unloading.models import Container, Event, Shipment
from ftz.practices.linked_unloading.repository import ContainerFilter, ShipmentFilter
from ftz.practices.linked_unloading.schemas import ShipmentIn
from ftz.practices.linked_unloading.workflow import ENTERPRISE_PARTY, EVENT_PARTY, FLOWS

LOG = ledger.EVIDENCE_LOG
CLOCK_SKEW = timedelta(minutes=5)  # a terminal's clock may run a little ahead of ours
# Where each event happens: at the linked port, otherwise at Yangshan.
AT_LINKED_PORT = {"import": {"arrive", "pick_up"}, "export": {"receive", "load_barge", "cancel"}}


@lru_cache(maxsize=1)
def rules() -> RuleSet:
    return RuleSet(Path(__file__).with_name("rules"))


def decide(key: str, context: dict[str, Any]) -> dict[str, Any]:
    """A verdict with the rows that fired, as stored on the record and shown as "why"."""
    decision = rules().evaluate(key, context)
    return {**decision.result, "input": context, "fired": decision.explanation()}


def container_number(raw: str, field: str = "containers") -> str:
    try:
        return str(iso6346.validate(raw))
    except StdnumError as exc:
        raise validation_error(field, f"{raw!r} is not a valid ISO 6346 container number") from exc


def _anchor(session: Session, event: Event, container: Container) -> None:
    entry = ledger.canonical(
        {
            "type": "linked-unloading-event",
            "container": container.number,
            "shipment": container.shipment.number,
            "event": event.event,
            "from": event.from_status,
            "to": event.to_status,
            "party": event.party,
            "actor": event.actor,
            "location": event.location,
            "at": event.at.isoformat(),
        }
    )
    event.ledger_index = ledger.append(
        session, LOG, [entry], [f"linked_unloading_event:{event.id}"]
    )[0]


def _record(
    session: Session,
    container: Container,
    *,
    event: str,
    source: str,
    party: str,
    principal: Principal,
    at: datetime,
    note: str,
) -> Event:
    location = container.port_code if event in AT_LINKED_PORT[container.direction] else "YSH"
    row = Event(
        id=new_id(),
        container_id=container.id,
        org_id=container.org_id,
        event=event,
        from_status=source,
        to_status=container.status,
        party=party,
        actor=principal.username,
        location=location,
        at=at,
        note=note,
        ledger_index=-1,
    )
    _anchor(session, row, container)
    session.add(row)
    container.last_event_at = at
    return row


def file_shipment(
    session: Session, *, principal: Principal, data: ShipmentIn, at: datetime | None = None
) -> Shipment:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("a shipment is filed by the consignee or shipper's enterprise")
    port = reference.reference().port(data.port_code)
    numbers = [container_number(c.number, f"containers.{i}.number") for i, c in
               enumerate(data.containers)]  # fmt: skip
    if len(set(numbers)) != len(numbers):
        raise validation_error("containers", "a container is listed twice")
    teu = sum(2 if c.size_ft == 40 else 1 for c in data.containers)
    comparison = reference.compare(port.code, data.direction, teu)
    when = at or utcnow()
    shipment = Shipment(
        org_id=principal.org_id,
        number=f"LU-{when:%Y}-{repository.count_shipments(session) + 1:06d}",
        direction=data.direction,
        port_code=port.code,
        consignee=data.consignee.strip(),
        bill_of_lading=data.bill_of_lading.strip().upper(),
        vessel=data.vessel.strip(),
        declared_in_advance=data.declared_in_advance,
        teu=teu,
        comparison=comparison.model_dump(mode="json"),
        fast_track=fast_track_verdict(data.direction, data.declared_in_advance, selected=False),
    )
    session.add(shipment)
    session.flush()
    for number, item in zip(numbers, data.containers, strict=True):
        add_container(session, shipment, number, item.size_ft, principal=principal, at=when)
    session.flush()
    return shipment


def add_container(
    session: Session, shipment: Shipment, number: str, size_ft: int, *, principal: Principal,
    at: datetime,
) -> Container:  # fmt: skip
    """A box joins the shipment in its flow's first state, with its declare/book event."""
    container = Container(
        shipment=shipment,
        org_id=shipment.org_id,
        number=number,
        size_ft=size_ft,
        direction=shipment.direction,
        port_code=shipment.port_code,
        status=FLOWS[shipment.direction].initial_state.id,
        filed_at=at,
        last_event_at=at,
        inspection=decide("inspection_site.json", {"selected": False, "mode": "barge"}),
    )
    session.add(container)
    session.flush()
    event = "declare" if shipment.direction == "import" else "book"
    _record(session, container, event=event, source="", party=ENTERPRISE_PARTY,
            principal=principal, at=at, note="")  # fmt: skip
    return container


def fast_track_verdict(direction: str, in_advance: bool, *, selected: bool) -> dict[str, Any]:
    context = {"direction": direction, "declared_in_advance": in_advance, "selected": selected}
    return decide("fast_track.json", context)


def _check_party(principal: Principal, container: Container, event: str) -> str:
    party = EVENT_PARTY.get(event)
    if party is None:
        raise validation_error("event", f"unknown event {event!r}")
    if principal.is_admin:
        return party
    if party == ENTERPRISE_PARTY:
        if not (principal.is_enterprise and principal.org_id == container.org_id):
            raise forbidden(f"only the container's owner may {event}")
    elif principal.department != party:
        raise forbidden(f"only {party} may post {event!r}")
    return party


def post_event(
    session: Session,
    *,
    principal: Principal,
    container_id: str,
    event: str,
    at: datetime | None = None,
    note: str = "",
) -> Container:
    container = repository.get_owned(session, principal, Container, container_id)
    party = _check_party(principal, container, event)
    when = at or utcnow()
    if when.tzinfo is None:
        raise validation_error("at", "give a time zone, e.g. 2026-11-24T08:00:00+08:00")
    if when < container.last_event_at:
        raise validation_error("at", "is before the container's previous event")
    if when > utcnow() + CLOCK_SKEW:
        raise validation_error("at", "is in the future")
    source = container.status
    fire(session, FLOWS[container.direction], container, event, principal=principal,
         owner_org_id=container.org_id, note=note)  # fmt: skip
    _apply(container, event, when)
    _record(session, container, event=event, source=source, party=party, principal=principal,
            at=when, note=note)  # fmt: skip
    session.flush()
    return container


def _apply(container: Container, event: str, when: datetime) -> None:
    """The derived facts an event settles: barge leg times, delay, inspection site, completion."""
    if event == "load_barge":
        container.barge_departed_at = when
    elif event == "arrive" and container.barge_departed_at is not None:
        container.barge_arrived_at = when
        hours = (when - container.barge_departed_at).total_seconds() / 3600
        container.transit_hours = round(hours, 2)
        expected = reference.barge_hours(reference.reference().port(container.port_code))
        container.delay = decide("transit_delay.json", {"ratio": round(hours / expected, 3)})
    elif event == "select_inspection":
        container.selected = True
        container.inspection = decide("inspection_site.json", {"selected": True, "mode": "barge"})
        shipment = container.shipment
        shipment.fast_track = fast_track_verdict(
            shipment.direction, shipment.declared_in_advance, selected=True
        )
    elif event in ("pick_up", "load_vessel", "cancel"):
        container.completed_at = when
    if event == "cancel":
        resize_shipment(container.shipment)


def live(shipment: Shipment) -> list[Container]:
    """Containers still in the flow: a cancelled box blocks no change and counts for nothing."""
    return [c for c in shipment.containers if c.status != "cancelled"]


def resize_shipment(shipment: Shipment, *, recompare: bool = False) -> None:
    """TEU and the route comparison follow the boxes still in the flow (after a cancellation,
    or an edit: `recompare` also when the TEU is unchanged but the port may have changed). A
    shipment with every box cancelled keeps its last figures (it is void, and the statistics
    count its boxes as cancelled)."""
    teu = sum(c.teu for c in live(shipment))
    if teu and (recompare or teu != shipment.teu):
        shipment.teu = teu
        comparison = reference.compare(shipment.port_code, shipment.direction, teu)
        shipment.comparison = comparison.model_dump(mode="json")


def get_container(session: Session, *, principal: Principal, container_id: str) -> Container:
    return repository.get_owned(session, principal, Container, container_id)


def next_events(principal: Principal, container: Container) -> list[str]:
    """Events this principal may post now: the machine allows them and they are its party's."""
    events = allowed_events(FLOWS[container.direction], container, principal)
    party = "*" if principal.is_admin else principal.department
    return [
        e for e in events
        if party in ("*", EVENT_PARTY[e])
        or (EVENT_PARTY[e] == ENTERPRISE_PARTY and principal.org_id == container.org_id)
    ]  # fmt: skip


def get_shipment(session: Session, *, principal: Principal, shipment_id: str) -> Shipment:
    return repository.get_owned(session, principal, Shipment, shipment_id)


def list_containers(
    session: Session, *, principal: Principal, params: PageParams, where: ContainerFilter
) -> Page[Container]:
    return repository.list_containers(session, principal, params, where)


def list_shipments(
    session: Session, *, principal: Principal, params: PageParams, where: ShipmentFilter
) -> Page[Shipment]:
    return repository.list_shipments(session, principal, params, where)


def advise(
    port_code: str, direction: str, teu: int, deadline_hours: float | None
) -> dict[str, Any]:
    """The route comparison plus the recommended route for a deadline (none: any time)."""
    comparison = reference.compare(port_code, direction, teu)
    hours = {o.mode: o.hours for o in comparison.options}
    limit = deadline_hours if deadline_hours is not None else float("inf")
    if deadline_hours is not None and not 1 <= deadline_hours <= 2000:
        raise validation_error("deadline_hours", "must be between 1 and 2000")
    advice = decide(
        "route_advice.json",
        {
            "barge_meets_deadline": hours["barge"] <= limit,
            "truck_meets_deadline": hours["truck"] <= limit,
        },
    )
    return {"comparison": comparison.model_dump(mode="json"), "advice": advice}
