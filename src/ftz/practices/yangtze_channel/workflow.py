"""An order is posted on the board, booked on a matching offer by its shipper, in transit from
the first departure an operator or port records, delivered when the operator records delivery;
the shipper may cancel it until it departs. Departure and delivery are sent by tracking events
(rules/tracking.json says which event moves the order)."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

ENTERPRISE = frozenset({Role.ENTERPRISE})


class OrderFlow(PersistedMachine):
    posted = State(initial=True)
    booked = State()
    in_transit = State()
    delivered = State(final=True)
    cancelled = State(final=True)

    book = posted.to(booked)
    depart = booked.to(in_transit)
    deliver = in_transit.to(delivered)
    cancel = posted.to(cancelled) | booked.to(cancelled)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "book": ENTERPRISE,
        "depart": ENTERPRISE,
        "deliver": ENTERPRISE,
        "cancel": ENTERPRISE,
    }
