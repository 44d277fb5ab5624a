"""Trip: planned, then under way (the seal number recorded at origin), then customs at the
destination checks the seal: cleared when intact, held when not; a held trip is released (or
stays held) by customs. Multimodal application: submitted by the railway as operator, released
through to the end by customs after the one inspection, delivered at the destination."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})
ENTERPRISE = frozenset({Role.ENTERPRISE})


class TripFlow(PersistedMachine):
    planned = State(initial=True)
    under_way = State()
    held = State()
    cleared = State(final=True)
    cancelled = State(final=True)

    depart = planned.to(under_way)
    clear = under_way.to(cleared)
    hold = under_way.to(held)
    release = held.to(cleared)
    cancel = planned.to(cancelled)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "depart": ENTERPRISE,
        "clear": OFFICER,
        "hold": OFFICER,
        "release": OFFICER,
        "cancel": ENTERPRISE,
    }


class MultimodalFlow(PersistedMachine):
    submitted = State(initial=True)
    released = State()
    delivered = State(final=True)
    rejected = State(final=True)

    release = submitted.to(released)
    reject = submitted.to(rejected)
    deliver = released.to(delivered)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "release": OFFICER,
        "reject": OFFICER,
        "deliver": ENTERPRISE,
    }
