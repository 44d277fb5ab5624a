"""The through bill: booked by the shipper, paid once for the whole route, issued by the land
port operator, in transit from the first departure, arrived, and surrendered against delivery
(by the holder, or by the pledgee bank while pledged). A booking may be cancelled before it is
paid."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})
ENTERPRISE = frozenset({Role.ENTERPRISE})


class BillFlow(PersistedMachine):
    booked = State(initial=True)
    paid = State()
    issued = State()
    in_transit = State()
    arrived = State()
    surrendered = State(final=True)
    cancelled = State(final=True)

    pay = booked.to(paid)
    issue = paid.to(issued)
    depart = issued.to(in_transit)
    arrive = in_transit.to(arrived)
    surrender = arrived.to(surrendered)
    cancel = booked.to(cancelled)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "pay": ENTERPRISE,
        "issue": OFFICER,
        "depart": OFFICER,
        "arrive": OFFICER,
        "surrender": ENTERPRISE | OFFICER,
        "cancel": ENTERPRISE,
    }
