"""Case lifecycle: applied → accepted → mediating → settled → notarized; or failed; or referred
to a court, arbitration or a notary at any open stage."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})


class CaseFlow(PersistedMachine):
    applied = State(initial=True)
    accepted = State()
    mediating = State()
    settled = State()
    notarized = State(final=True)
    failed = State(final=True)
    referred = State(final=True)
    withdrawn = State(final=True)

    accept = applied.to(accepted)
    open_session = accepted.to(mediating) | mediating.to(mediating)
    settle = mediating.to(settled)
    notarize = settled.to(notarized)
    fail = mediating.to(failed) | accepted.to(failed)
    refer = (
        applied.to(referred) | accepted.to(referred) | mediating.to(referred) | settled.to(referred)
    )
    withdraw = applied.to(withdrawn) | accepted.to(withdrawn)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "accept": OFFICER,
        "open_session": OFFICER,
        "settle": OFFICER | {Role.ENTERPRISE, Role.PUBLIC},
        "notarize": frozenset({Role.NOTARY}),
        "fail": OFFICER,
        "refer": OFFICER,
        "withdraw": frozenset({Role.ENTERPRISE}),
    }
