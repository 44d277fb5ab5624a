"""Matching an order to capacity offers by rules/match.json (every failing check fires, or the
single M-FIT row; a deactivated operator or service fits nothing), and booking: the shipper
books a fitting offer, the order's route is re-planned onto the offer's service or legs (timed
from the cargo's readiness), its spare TEU drops, the operator and the partner ports on the
booked route become parties of the order (they see it and track it), and the booking is
anchored in the evidence ledger."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.ledger import service as ledger
from ftz.core.workflow import fire
from ftz.practices.yangtze_channel import reference, repository, routes
from ftz.practices.yangtze_channel.models import FixedService, Offer, Operator, Order, OrderParty
from ftz.practices.yangtze_channel.workflow import OrderFlow


def facts(order: Order, offer: Offer, operator: Operator,
          service: FixedService | None) -> dict[str, Any]:  # fmt: skip
    """What the table decides on: the comparisons are facts, the limits live in the table."""
    nodes = order.route_nodes
    covers = (
        offer.origin in nodes
        and offer.destination in nodes
        and nodes.index(offer.origin) < nodes.index(offer.destination)
    )
    return {
        "operator_active": operator.active,
        "service_active": service is None or service.active,
        "cargo_accepted": order.cargo_type in offer.cargo_types,
        "mode_allowed": not order.modes or offer.mode in order.modes,
        "covers_route": covers,
        "depart_gap_days": (offer.departs_on - order.ready_on).days,
        "arrival_margin_days": (order.deliver_by - offer.arrives_on).days,
        "spare_teu": offer.capacity_teu - offer.booked_teu - order.teu,
    }


def _registry(session: Session, offer: Offer) -> tuple[Operator, FixedService | None]:
    operator = session.get(Operator, offer.operator_id)
    assert operator is not None  # a foreign key
    service = session.get(FixedService, offer.service_id) if offer.service_id else None
    return operator, service


def judge(session: Session, order: Order, offer: Offer) -> tuple[str, list[dict[str, Any]]]:
    decision = reference.rules().evaluate(
        "match.json", facts(order, offer, *_registry(session, offer))
    )
    verdicts = {row["verdict"] for row in decision.result}
    return ("match" if verdicts == {"match"} else "no_match"), decision.explanation()


def candidates(
    session: Session, *, principal: Principal, order_id: str, only_matching: bool = False
) -> list[dict[str, Any]]:
    """Open offers judged against the order, fitting ones first (the shipper and the
    administration)."""
    order = repository.get_order(session, principal, order_id)
    if principal.is_enterprise and order.org_id != principal.org_id:
        raise forbidden("only the shipper looks for capacity for its order")
    offers = session.scalars(
        select(Offer).where(Offer.status == "open").order_by(Offer.departs_on, Offer.number)
    ).all()
    names = repository.operator_names(session, {o.operator_id for o in offers})
    found = []
    for offer in offers:
        verdict, fired = judge(session, order, offer)
        if only_matching and verdict != "match":
            continue
        operator = names[offer.operator_id]
        found.append({"offer": offer, "operator": operator.name_zh, "verdict": verdict,
                      "fired": fired})  # fmt: skip
    found.sort(key=lambda c: c["verdict"] != "match")
    return found


def book(session: Session, *, principal: Principal, order_id: str, offer_id: str) -> Order:
    order = repository.get_order(session, principal, order_id, lock=True)
    if order.org_id != principal.org_id:
        raise forbidden("only the shipper books its order")
    if order.status != "posted":
        raise conflict(f"an order {order.status} cannot be booked")
    offer = session.get(Offer, offer_id, with_for_update=True)
    if offer is None or offer.status != "open":
        raise validation_error("offer_id", "no open offer with this id")
    verdict, fired = judge(session, order, offer)
    if verdict != "match":
        reasons = "; ".join(r["outputs"]["reason_en"] for r in fired)
        raise validation_error("offer_id", f"the offer does not fit: {reasons}")
    _, fixed = _registry(session, offer)
    # The planned route becomes the booked one: re-planned onto the offer's service or legs.
    route = routes.booked_route(order, offer, fixed.network_service if fixed else "",
                                fixed.stops if fixed else ())  # fmt: skip
    order.route, order.route_nodes = route, routes.route_nodes(route["legs"])
    order.sub_channels = reference.channels_on(order.route_nodes)
    offer.booked_teu += order.teu
    if offer.booked_teu >= offer.capacity_teu:
        offer.status = "full"
    order.offer_id, order.operator_org_id = offer.id, offer.org_id
    order.match_fired, order.booked_at = fired, reference.now()
    _add_parties(session, order, offer)
    entry = {"type": "yangtze_channel.booking", "order": order.number, "offer": offer.number,
             "teu": order.teu, "origin": order.origin, "destination": order.destination,
             "route": order.route_nodes, "rows": [r["row_id"] for r in fired]}  # fmt: skip
    [index] = ledger.append(session, ledger.EVIDENCE_LOG, [ledger.canonical(entry)],
                            [f"yc-booking:{order.number}"])  # fmt: skip
    order.ledger_index = int(index)
    fire(session, OrderFlow, order, "book", principal=principal, owner_org_id=order.org_id,
         note=offer.number)  # fmt: skip
    return order


def _add_parties(session: Session, order: Order, offer: Offer) -> None:
    present = set(session.scalars(select(OrderParty.org_id).where(OrderParty.order_id == order.id)))
    joining = [(offer.org_id, "operator")]
    ports = session.scalars(
        select(Operator).where(Operator.kind == "port", Operator.active.is_(True))
    )
    joining += [(p.org_id, "port") for p in ports if p.node_id in order.route_nodes]
    for org_id, role in joining:
        if org_id not in present:
            session.add(OrderParty(order_id=order.id, org_id=org_id, role=role))
            present.add(org_id)
    session.flush()
