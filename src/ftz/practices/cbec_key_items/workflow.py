"""A screened line that hit the key-items list waits for the parallel check; a customs or
railway officer confirms the violation or clears it. Lines that hit nothing are released at
screening and never enter this machine."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})


class KeyItemLineFlow(PersistedMachine):
    inspection = State(initial=True)
    confirmed = State(final=True)
    cleared = State(final=True)

    confirm = inspection.to(confirmed)
    clear = inspection.to(cleared)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {"confirm": OFFICER, "clear": OFFICER}
