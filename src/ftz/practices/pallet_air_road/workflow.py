"""One ULD from its build abroad to its delivery at the domestic destination airport: air
(built, arrived), ground handling (tally with the ULD as package, whole-ULD warehouse in),
airport security, customs (clear, or hold and release), whole-ULD loading onto a trailer, the
road leg and delivery. `event_roles` checks the role; `event_party` names which party of the
ULD (its forwarder, handler, trucker, or the officers' department) may send each event."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine
from ftz.practices.pallet_air_road.permissions import CUSTOMS, SECURITY

OFFICER = frozenset({Role.OFFICER})
ENTERPRISE = frozenset({Role.ENTERPRISE})


class UldFlow(PersistedMachine):
    built = State(initial=True)
    arrived = State()
    tallying = State()
    tallied = State()
    stored = State()
    screened = State()
    held = State()
    cleared = State()
    loading = State()
    loaded = State()
    on_road = State()
    delivered = State(final=True)
    cancelled = State(final=True)

    arrive = built.to(arrived)
    start_tally = arrived.to(tallying)
    finish_tally = tallying.to(tallied)
    store = tallied.to(stored)
    screen = stored.to(screened)
    clear = screened.to(cleared)
    hold = screened.to(held)
    release = held.to(cleared)
    start_loading = cleared.to(loading)
    finish_loading = loading.to(loaded)
    depart = loaded.to(on_road)
    deliver = on_road.to(delivered)
    cancel = built.to(cancelled)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "arrive": ENTERPRISE, "start_tally": ENTERPRISE, "finish_tally": ENTERPRISE,
        "store": ENTERPRISE, "screen": OFFICER, "clear": OFFICER, "hold": OFFICER,
        "release": OFFICER, "start_loading": ENTERPRISE, "finish_loading": ENTERPRISE,
        "depart": ENTERPRISE, "deliver": ENTERPRISE, "cancel": ENTERPRISE,
    }  # fmt: skip

    event_party: ClassVar[dict[str, str]] = {
        "arrive": "handler", "start_tally": "handler", "finish_tally": "handler",
        "store": "handler", "screen": SECURITY, "clear": CUSTOMS, "hold": CUSTOMS,
        "release": CUSTOMS, "start_loading": "handler", "finish_loading": "handler",
        "depart": "trucker", "deliver": "trucker", "cancel": "forwarder",
    }  # fmt: skip
