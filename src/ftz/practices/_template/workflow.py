"""The practice's lifecycle: states, events and which roles may send them."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine


class ItemFlow(PersistedMachine):
    draft = State(initial=True)
    approved = State(final=True)

    approve = draft.to(approved)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {"approve": frozenset({Role.OFFICER})}
