"""Lifecycles: a catch report is filed by the operator and reviewed by a fishery officer; a
licence is active until an officer revokes it (expiry is read from its dates, not a state)."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})


class CatchReportFlow(PersistedMachine):
    filed = State(initial=True)
    reviewed = State(final=True)

    review = filed.to(reviewed)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {"review": OFFICER}


class LicenceFlow(PersistedMachine):
    active = State(initial=True)
    revoked = State(final=True)

    revoke = active.to(revoked)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {"revoke": OFFICER}
