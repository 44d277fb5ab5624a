"""Declarations: declared → released, or selected for inspection and then released (customs);
withdrawn by the enterprise before customs acts. Gate transactions: released or held at once by
the automatic verdict; a hold is cleared after a check (with a note) or turned back."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})
ENTERPRISE = frozenset({Role.ENTERPRISE})


class DeclarationFlow(PersistedMachine):
    declared = State(initial=True)
    selected = State()
    released = State(final=True)
    withdrawn = State(final=True)

    release = declared.to(released) | selected.to(released)
    select = declared.to(selected)
    withdraw = declared.to(withdrawn)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "release": OFFICER,
        "select": OFFICER,
        "withdraw": ENTERPRISE,
    }


class GateFlow(PersistedMachine):
    """A transaction is created already `released` or `held` by the automatic verdict (see
    service.pass_gate); `recorded` and its two events only name that step for the graph."""

    recorded = State(initial=True)
    held = State()
    released = State(final=True)
    cleared = State(final=True)
    turned_back = State(final=True)

    auto_release = recorded.to(released)
    auto_hold = recorded.to(held)
    clear = held.to(cleared)
    turn_back = held.to(turned_back)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "auto_release": OFFICER,
        "auto_hold": OFFICER,
        "clear": OFFICER,
        "turn_back": OFFICER,
    }
