"""p07 lifecycles. A rating is delivered at once (the rules decide, nobody approves it) and the
shipper records whether it chartered the ship. A grain call is filed, pre-reviewed online,
loaded and cleared after the trimming check. An arrival plan runs through the berth channel;
an escort request is assigned and done by the maritime administration."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})
ENTERPRISE = frozenset({Role.ENTERPRISE})
EITHER = frozenset({Role.OFFICER, Role.ENTERPRISE})


class RatingFlow(PersistedMachine):
    delivered = State(initial=True)
    chartered = State(final=True)
    declined = State(final=True)

    charter = delivered.to(chartered)
    decline = delivered.to(declined)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "charter": ENTERPRISE,
        "decline": ENTERPRISE,
    }


class GrainCallFlow(PersistedMachine):
    draft = State(initial=True)
    submitted = State()
    returned = State()
    approved = State()
    loaded = State()
    cleared = State(final=True)

    submit = draft.to(submitted) | returned.to(submitted)
    approve = submitted.to(approved)
    send_back = submitted.to(returned)
    finish_loading = approved.to(loaded)
    clear = loaded.to(cleared)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "submit": ENTERPRISE,
        "approve": OFFICER,
        "send_back": OFFICER,
        "finish_loading": ENTERPRISE,
        "clear": OFFICER,
    }


class ArrivalFlow(PersistedMachine):
    planned = State(initial=True)
    confirmed = State()
    arrived = State()
    berthed = State()
    departed = State(final=True)
    cancelled = State(final=True)

    confirm = planned.to(confirmed)
    arrive = confirmed.to(arrived)
    berth = arrived.to(berthed)
    depart = berthed.to(departed)
    cancel = planned.to(cancelled) | confirmed.to(cancelled)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "confirm": OFFICER,
        "arrive": EITHER,
        "berth": EITHER,
        "depart": EITHER,
        "cancel": EITHER,
    }


class EscortFlow(PersistedMachine):
    requested = State(initial=True)
    assigned = State()
    done = State(final=True)
    refused = State(final=True)

    assign = requested.to(assigned)
    complete = assigned.to(done)
    refuse = requested.to(refused)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "assign": OFFICER,
        "complete": OFFICER,
        "refuse": OFFICER,
    }
