"""Permit: active until the transport department revokes it (or it expires, read from its
dates). Trip: planned by the carrier with its chosen station; checked once its track has been
judged; a planned trip may be cancelled."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})
CARRIER_OR_ESCORT = frozenset({Role.ENTERPRISE, Role.OFFICER})


class PermitFlow(PersistedMachine):
    active = State(initial=True)
    revoked = State(final=True)

    revoke = active.to(revoked)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {"revoke": OFFICER}


class TripFlow(PersistedMachine):
    planned = State(initial=True)
    checked = State(final=True)
    cancelled = State(final=True)

    check = planned.to(checked)
    cancel = planned.to(cancelled)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "check": CARRIER_OR_ESCORT,
        "cancel": frozenset({Role.ENTERPRISE}),
    }
