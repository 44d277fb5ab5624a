"""Container flows. Import: declared at Yangshan under integrated clearance → released (or
selected and inspected on Yangshan island, then released) → on the barge → at the linked port →
picked up at the linked terminal. Export: booked → received at the linked terminal → on the
barge → at Yangshan → released (or selected, inspected, released) → loaded on the vessel.

`event_roles` says which platform roles may send an event; `EVENT_PARTY` which party (an
officer's department, or the owning enterprise) posts it — checked by the service."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine
from ftz.practices.linked_unloading.permissions import BARGE, CUSTOMS, TERMINAL

OFFICER = frozenset({Role.OFFICER})
ENTERPRISE = frozenset({Role.ENTERPRISE})
ENTERPRISE_PARTY = "enterprise"

EVENT_PARTY: dict[str, str] = {
    "release": CUSTOMS,
    "select_inspection": CUSTOMS,
    "clear_inspection": CUSTOMS,
    "receive": TERMINAL,
    "load_barge": BARGE,
    "arrive": BARGE,
    "pick_up": TERMINAL,
    "load_vessel": TERMINAL,
    "cancel": ENTERPRISE_PARTY,
}


class ImportFlow(PersistedMachine):
    declared = State(initial=True)
    selected = State()
    released = State()
    on_barge = State()
    at_linked_port = State()
    picked_up = State(final=True)
    cancelled = State(final=True)

    release = declared.to(released)
    select_inspection = declared.to(selected)
    clear_inspection = selected.to(released)
    load_barge = released.to(on_barge)
    arrive = on_barge.to(at_linked_port)
    pick_up = at_linked_port.to(picked_up)
    cancel = declared.to(cancelled)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "release": OFFICER,
        "select_inspection": OFFICER,
        "clear_inspection": OFFICER,
        "load_barge": OFFICER,
        "arrive": OFFICER,
        "pick_up": OFFICER,
        "cancel": ENTERPRISE,
    }


class ExportFlow(PersistedMachine):
    booked = State(initial=True)
    received = State()
    on_barge = State()
    at_yangshan = State()
    selected = State()
    released = State()
    loaded = State(final=True)
    cancelled = State(final=True)

    receive = booked.to(received)
    load_barge = received.to(on_barge)
    arrive = on_barge.to(at_yangshan)
    release = at_yangshan.to(released)
    select_inspection = at_yangshan.to(selected)
    clear_inspection = selected.to(released)
    load_vessel = released.to(loaded)
    cancel = booked.to(cancelled) | received.to(cancelled)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "receive": OFFICER,
        "load_barge": OFFICER,
        "arrive": OFFICER,
        "release": OFFICER,
        "select_inspection": OFFICER,
        "clear_inspection": OFFICER,
        "load_vessel": OFFICER,
        "cancel": ENTERPRISE,
    }


FLOWS: dict[str, type[PersistedMachine]] = {"import": ImportFlow, "export": ExportFlow}
FINAL = frozenset({"picked_up", "loaded", "cancelled"})
STATUSES = (
    "declared", "booked", "received", "selected", "released", "on_barge",
    "at_linked_port", "at_yangshan", "picked_up", "loaded", "cancelled",
)  # fmt: skip
