"""p29 services: the registry of partner operators and their fixed services (the channel
administration), shippers' orders (planned over the network when posted or edited, classed as
foreign trade by rule) and operators' capacity offers. Keyword-only, flush, never commit."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.audit import AuditEvent, record_event
from ftz.core.audit.service import list_events
from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind
from ftz.core.auth.principal import Principal, visibility
from ftz.core.kit.errors import FtzError, conflict, forbidden, not_found, validation_error
from ftz.core.kit.pagination import PageParams
from ftz.core.workflow import fire
from ftz.domain.network.network import network
from ftz.practices.yangtze_channel import reference, repository, routes
from ftz.practices.yangtze_channel.models import (
    FixedService,
    Offer,
    Operator,
    Order,
    OrderParty,
)
from ftz.practices.yangtze_channel.permissions import DEPARTMENTS
from ftz.practices.yangtze_channel.schemas import (
    OfferIn,
    OperatorEdit,
    OperatorIn,
    OrderIn,
    ServiceEdit,
    ServiceIn,
    StatusChangeIn,
)
from ftz.practices.yangtze_channel.workflow import OrderFlow


def is_administration(principal: Principal) -> bool:
    return not principal.is_enterprise and visibility(principal, DEPARTMENTS) == "all"


def _administration(principal: Principal) -> None:
    if not is_administration(principal):
        raise forbidden("only the channel administration may do this")


def _enterprise(principal: Principal) -> str:
    if not principal.is_enterprise or principal.org_id is None:
        raise forbidden("only an enterprise may do this")
    return principal.org_id


def _node(ref: str, field: str) -> str:
    try:
        return reference.node(ref).id
    except FtzError as exc:
        raise validation_error(field, exc.errors[0].reason if exc.errors else exc.detail) from exc


def _number(session: Session, model: type[Order] | type[Offer], prefix: str) -> str:
    year = reference.today().year
    count = session.scalar(select(func.count()).select_from(model)) or 0
    return f"{prefix}{year}{count + 1:06d}"


def register_operator(session: Session, *, principal: Principal, data: OperatorIn) -> Operator:
    _administration(principal)
    org = accounts.get_org_by_code(session, data.org_code)
    if org is None or org.kind != OrgKind.ENTERPRISE:
        raise validation_error("org_code", f"no enterprise {data.org_code!r}")
    if repository.operator_of_org(session, org.id) or repository.operator_by_code(
        session, data.code
    ):
        raise conflict(f"operator {data.code} or its organization is already registered")
    if data.kind == "port" and not data.node_id:
        raise validation_error("node_id", "a port names its node on the network")
    node_id = _node(data.node_id, "node_id") if data.node_id else ""
    operator = Operator(org_id=org.id, **data.model_dump(exclude={"org_code", "node_id"}))
    operator.node_id = node_id
    session.add(operator)
    session.flush()
    return operator


def _service_stops(refs: list[str], channel: reference.Channel) -> list[str]:
    stops = [_node(s, "stops") for s in refs]
    if len(set(stops)) != len(stops):
        raise validation_error("stops", "a stop is named twice")
    if not set(stops) & set(channel.nodes):
        raise validation_error("stops", f"the stops do not touch channel {channel.code}")
    return stops


def _network_service(service_id: str, mode: str) -> None:
    """A named network service must exist on the shared network and run by the same mode."""
    if not service_id:
        return
    found = network().services.get(service_id)
    if found is None:
        raise validation_error("network_service", f"no timetabled service {service_id!r}")
    if found.mode != mode:
        raise validation_error("network_service", f"{service_id} runs by {found.mode}")


def register_service(session: Session, *, principal: Principal, data: ServiceIn) -> FixedService:
    _administration(principal)
    operator = repository.operator_by_code(session, data.operator_code)
    if operator is None:
        raise validation_error("operator_code", f"no partner operator {data.operator_code!r}")
    channel = reference.channels().get(data.sub_channel)
    if channel is None:
        raise validation_error("sub_channel", f"no channel {data.sub_channel!r}")
    stops = _service_stops(data.stops, channel)
    _network_service(data.network_service, data.mode)
    if repository.service_by_code(session, data.code):
        raise conflict(f"service {data.code} exists")
    service = FixedService(
        operator_id=operator.id, org_id=operator.org_id,
        **data.model_dump(exclude={"operator_code", "stops"}), stops=stops,
    )  # fmt: skip
    session.add(service)
    session.flush()
    return service


def _readiness(data: OrderIn) -> tuple[datetime, date]:
    """When the cargo is ready (local time) and that day: from `ready_at`, or the start of
    `ready_on`; both given must agree on the day."""
    if data.ready_at is None:
        if data.ready_on is None:
            raise validation_error("ready_at", "give the date and time the cargo is ready")
        return reference.day_start(data.ready_on), data.ready_on
    moment = reference.local(data.ready_at)
    if data.ready_on is not None and data.ready_on != moment.date():
        raise validation_error("ready_on", f"the ready day is {moment.date()}, not {data.ready_on}")
    return moment, moment.date()


def _plan_into(order: Order, data: OrderIn) -> None:
    origin, destination = _node(data.origin, "origin"), _node(data.destination, "destination")
    ready_at, ready_on = _readiness(data)
    if data.deliver_by < ready_on:
        raise validation_error("deliver_by", "the deadline is before the cargo is ready")
    try:
        found = routes.plan_route(origin, destination, data.optimize, data.modes, ready_at)
    except FtzError as exc:
        if exc.status != 404:
            raise
        raise validation_error("destination", exc.detail) from exc  # no route: fix the form
    best = routes.summary(found, ready_at)
    nodes = routes.route_nodes(best["legs"])
    foreign = reference.rules().evaluate("foreign_trade.json", {"trade": data.trade})
    for key, value in data.model_dump().items():
        setattr(order, key, value)
    order.ready_at, order.ready_on = ready_at.astimezone(UTC), ready_on
    order.origin, order.destination = origin, destination
    order.route, order.route_nodes = best, nodes
    order.sub_channels = reference.channels_on(nodes)
    order.foreign = bool(foreign.result["foreign"])
    order.foreign_fired = foreign.explanation()


def post_order(session: Session, *, principal: Principal, data: OrderIn) -> Order:
    org_id = _enterprise(principal)
    order = Order(number=_number(session, Order, "YCO"), org_id=org_id, status="posted")
    _plan_into(order, data)
    session.add(order)
    session.flush()
    session.add(OrderParty(order_id=order.id, org_id=org_id, role="shipper"))
    session.flush()
    return order


def edit_order(session: Session, *, principal: Principal, order_id: str, data: OrderIn) -> Order:
    order = repository.get_order(session, principal, order_id, lock=True)
    if order.org_id != principal.org_id:
        raise forbidden("only the shipper edits its order")
    if order.status != "posted":
        raise conflict(f"an order {order.status} can no longer be edited")
    _plan_into(order, data)
    session.flush()
    return order


def cancel_order(session: Session, *, principal: Principal, order_id: str, note: str) -> Order:
    order = repository.get_order(session, principal, order_id, lock=True)
    if order.org_id != principal.org_id:
        raise forbidden("only the shipper cancels its order")
    if order.offer_id:
        offer = session.get(Offer, order.offer_id, with_for_update=True)
        if offer is not None and order.status == "booked":
            offer.booked_teu -= order.teu
            offer.status = "open" if offer.status == "full" else offer.status
    fire(session, OrderFlow, order, "cancel", principal=principal, owner_org_id=order.org_id,
         note=note)  # fmt: skip
    return order


def post_offer(session: Session, *, principal: Principal, data: OfferIn) -> Offer:
    org_id = _enterprise(principal)
    operator = repository.operator_of_org(session, org_id)
    if operator is None or not operator.active:
        raise forbidden("only a registered partner operator offers capacity")
    origin, destination = _node(data.origin, "origin"), _node(data.destination, "destination")
    if origin == destination:
        raise validation_error("destination", "the destination is the origin")
    if data.arrives_on < data.departs_on:
        raise validation_error("arrives_on", "arrival is before departure")
    service_id = None
    if data.service_code:
        service = repository.service_by_code(session, data.service_code)
        if service is None or service.operator_id != operator.id:
            raise validation_error("service_code", f"not one of your services: {data.service_code}")
        if not service.active:
            raise validation_error("service_code", f"service {service.code} is deactivated")
        stops = service.stops
        if (
            origin not in stops
            or destination not in stops
            or stops.index(origin) > stops.index(destination)
        ):
            raise validation_error("destination", "origin and destination are not stops in order")
        if data.mode != service.mode:
            raise validation_error("mode", f"the service runs by {service.mode}")
        service_id = service.id
    offer = Offer(
        number=_number(session, Offer, "YCC"), org_id=org_id, operator_id=operator.id,
        service_id=service_id, status="open", booked_teu=0,
        **data.model_dump(exclude={"service_code", "origin", "destination"}),
        origin=origin, destination=destination,
    )  # fmt: skip
    session.add(offer)
    session.flush()
    return offer


def withdraw_offer(session: Session, *, principal: Principal, offer_id: str) -> Offer:
    offer = repository.get_offer(session, principal, offer_id, lock=True)
    if offer.org_id != principal.org_id:
        raise forbidden("only the operator withdraws its offer")
    if offer.booked_teu:
        raise conflict("orders are booked on this offer")
    offer.status = "withdrawn"
    session.flush()
    return offer


# The registry kept true: the administration edits an operator or a service, deactivates it
# (it then receives no new offers or bookings: rules/match.json M-OPERATOR, M-SERVICE) and
# reactivates it, with the reason kept in the audit trail; the history reads that trail.

STATUS_ACTIONS = ("yangtze_channel.deactivate", "yangtze_channel.reactivate")
Registered = Operator | FixedService


def _changes(data: OperatorEdit | ServiceEdit) -> dict[str, Any]:
    given = {k: v for k, v in data.model_dump(exclude_unset=True).items() if v is not None}
    if not given:
        raise validation_error("body", "give at least one field to change")
    return given


def get_operator(session: Session, operator_id: str, lock: bool = False) -> Operator:
    found = session.get(Operator, operator_id, with_for_update=lock)
    if found is None:
        raise not_found("operator")
    return found


def get_service(session: Session, service_id: str, lock: bool = False) -> FixedService:
    found = session.get(FixedService, service_id, with_for_update=lock)
    if found is None:
        raise not_found("service")
    return found


def edit_operator(
    session: Session, *, principal: Principal, operator_id: str, data: OperatorEdit
) -> Operator:
    _administration(principal)
    operator = get_operator(session, operator_id, lock=True)
    given = _changes(data)
    kind = given.get("kind", operator.kind)
    node_ref = given.get("node_id", operator.node_id)
    if kind == "port" and not node_ref:
        raise validation_error("node_id", "a port names its node on the network")
    if "node_id" in given:
        given["node_id"] = _node(node_ref, "node_id") if node_ref else ""
    for key, value in given.items():
        if getattr(operator, key) != value:
            setattr(operator, key, value)
    session.flush()
    return operator


def edit_service(
    session: Session, *, principal: Principal, service_id: str, data: ServiceEdit
) -> FixedService:
    _administration(principal)
    found = get_service(session, service_id, lock=True)
    given = _changes(data)
    code = given.get("sub_channel", found.sub_channel)
    channel = reference.channels().get(code)
    if channel is None:
        raise validation_error("sub_channel", f"no channel {code!r}")
    given["stops"] = _service_stops(given.get("stops", found.stops), channel)
    _network_service(given.get("network_service", found.network_service),
                     given.get("mode", found.mode))  # fmt: skip
    for key, value in given.items():
        if getattr(found, key) != value:
            setattr(found, key, value)
    session.flush()
    return found


def set_active(
    session: Session,
    *,
    principal: Principal,
    record: Registered,
    active: bool,
    data: StatusChangeIn,
) -> Registered:
    """Deactivate (active False) or reactivate a registered operator or service."""
    _administration(principal)
    if record.active == active:
        raise conflict(f"{record.code} is already {'active' if active else 'deactivated'}")
    record.active = active
    session.flush()
    record_event(
        session,
        action=STATUS_ACTIONS[1 if active else 0],
        entity_type=record.__tablename__,
        entity_id=record.id,
        owner_org_id=record.org_id,
        details={"reason": data.reason, "code": record.code},
    )
    return record


def history(session: Session, *, principal: Principal, record: Registered) -> list[dict[str, Any]]:
    """The record's audit trail, newest first: the administration, and the operator itself
    (another organization answers 404, as for any record it does not own)."""
    if principal.is_enterprise and record.org_id != principal.org_id:
        raise not_found("operator" if isinstance(record, Operator) else "service")
    if not principal.is_enterprise and not is_administration(principal):
        raise not_found("operator" if isinstance(record, Operator) else "service")
    page = list_events(
        session,
        principal=principal,
        entity_type=record.__tablename__,
        entity_id=record.id,
        params=PageParams(page=1, size=200),
    )
    return [_entry(e) for e in page.items]


def _entry(event: AuditEvent) -> dict[str, Any]:
    changes = []
    if event.action in ("create", "update"):
        before = event.changes.get("before", {})
        for name, value in event.changes.get("after", {}).items():
            if name in ("id", "org_id", "operator_id"):
                continue
            changes.append({"field": name, "before": before.get(name), "after": value})
    return {
        "at": event.occurred_at,
        "who": event.actor_username,
        "action": event.action.removeprefix("yangtze_channel."),
        "changes": changes,
        "reason": event.changes.get("reason"),
    }
