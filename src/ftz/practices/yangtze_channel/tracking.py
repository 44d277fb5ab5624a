"""Shared tracking: the shipper, the booked operator, the partner ports on the route and the
channel administration record events on an order; each party sees every event. Who may record
which event at which stage, and which event moves the order (departure, delivery), is
rules/tracking.json; the fired row is kept on the event."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import validation_error
from ftz.core.workflow import fire
from ftz.practices.yangtze_channel import reference, repository
from ftz.practices.yangtze_channel.models import TrackingEvent
from ftz.practices.yangtze_channel.schemas import EventIn
from ftz.practices.yangtze_channel.workflow import OrderFlow


def record(
    session: Session, *, principal: Principal, order_id: str, data: EventIn
) -> TrackingEvent:
    order = repository.get_order(session, principal, order_id, lock=True)
    party = repository.party_of(session, principal, order)
    node_id = ""
    if data.node_id:
        node_id = data.node_id.strip().lower()
        if node_id not in order.route_nodes:
            raise validation_error("node_id", f"{node_id} is not on the order's route")
    decision = reference.rules().evaluate(
        "tracking.json", {"party": party, "kind": data.kind, "status": order.status}
    )
    if not decision.result.get("allowed"):
        raise validation_error("kind", decision.result["reason_en"])
    occurred = data.occurred_at or reference.now()
    event = TrackingEvent(
        order_id=order.id, org_id=principal.org_id, party=party, kind=data.kind,
        node_id=node_id, occurred_at=occurred, note=data.note,
        recorded_by=principal.username, fired=decision.explanation(),
    )  # fmt: skip
    session.add(event)
    session.flush()
    if decision.result.get("event"):
        fire(session, OrderFlow, order, decision.result["event"], principal=principal,
             owner_org_id=order.org_id, note=f"{data.kind} {node_id}".strip())  # fmt: skip
    return event
