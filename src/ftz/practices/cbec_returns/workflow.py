"""A return declaration: declared by the platform, approved or refused by a customs officer."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})


class ReturnFlow(PersistedMachine):
    requested = State(initial=True)
    approved = State(final=True)
    refused = State(final=True)

    approve = requested.to(approved)
    refuse = requested.to(refused)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {"approve": OFFICER, "refuse": OFFICER}
