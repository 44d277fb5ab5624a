"""p29 services: the registry of partner operators and their fixed services (the channel
administration), shippers' orders (planned over the network when posted or edited, classed as
foreign trade by rule) and operators' capacity offers. Keyword-only, flush, never commit."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.core.auth.models import OrgKind
from ftz.core.auth.principal import Principal, visibility
from ftz.core.kit.errors import FtzError, conflict, forbidden, validation_error
from ftz.core.workflow import fire
from ftz.practices.yangtze_channel import reference, repository, routes
from ftz.practices.yangtze_channel.models import (
    FixedService,
    Offer,
    Operator,
    Order,
    OrderParty,
)
from ftz.practices.yangtze_channel.permissions import DEPARTMENTS
from ftz.practices.yangtze_channel.schemas import OfferIn, OperatorIn, OrderIn, ServiceIn
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


def register_service(session: Session, *, principal: Principal, data: ServiceIn) -> FixedService:
    _administration(principal)
    operator = repository.operator_by_code(session, data.operator_code)
    if operator is None:
        raise validation_error("operator_code", f"no partner operator {data.operator_code!r}")
    channel = reference.channels().get(data.sub_channel)
    if channel is None:
        raise validation_error("sub_channel", f"no channel {data.sub_channel!r}")
    stops = [_node(s, "stops") for s in data.stops]
    if not set(stops) & set(channel.nodes):
        raise validation_error("stops", f"the stops do not touch channel {channel.code}")
    if repository.service_by_code(session, data.code):
        raise conflict(f"service {data.code} exists")
    service = FixedService(
        operator_id=operator.id, org_id=operator.org_id,
        **data.model_dump(exclude={"operator_code", "stops"}), stops=stops,
    )  # fmt: skip
    session.add(service)
    session.flush()
    return service


def _plan_into(order: Order, data: OrderIn) -> None:
    origin, destination = _node(data.origin, "origin"), _node(data.destination, "destination")
    if data.deliver_by < data.ready_on:
        raise validation_error("deliver_by", "the deadline is before the cargo is ready")
    try:
        found = routes.plan_route(origin, destination, data.optimize, data.modes)
    except FtzError as exc:
        if exc.status != 404:
            raise
        raise validation_error("destination", exc.detail) from exc  # no route: fix the form
    best = routes.summary(found)
    nodes = routes.route_nodes(best["legs"])
    foreign = reference.rules().evaluate("foreign_trade.json", {"trade": data.trade})
    for key, value in data.model_dump().items():
        setattr(order, key, value)
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
