"""p15 lifecycles. Every event belongs to the unit itself (role enterprise, narrowed to the
tech-transfer office by the services): the transfer machine has no approval or filing state and
no event an officer may send, because the unit decides alone (case 15; the tests check it)."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

UNIT = frozenset({Role.ENTERPRISE})


class AchievementFlow(PersistedMachine):
    """Disclosed by an inventor (or the office), registered in the separate register."""

    disclosed = State(initial=True)
    registered = State()
    transferred = State(final=True)
    withdrawn = State(final=True)

    register = disclosed.to(registered)
    transfer = registered.to(transferred)
    withdraw = disclosed.to(withdrawn) | registered.to(withdrawn)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "register": UNIT,
        "transfer": UNIT,
        "withdraw": UNIT,
    }


class TransferFlow(PersistedMachine):
    """Proposal, publicity (agreement pricing only), the unit's decision, the contract."""

    proposed = State(initial=True)
    publicity = State()
    decided = State()
    contracted = State(final=True)
    terminated = State(final=True)

    start_publicity = proposed.to(publicity)
    decide = proposed.to(decided) | publicity.to(decided)
    sign = decided.to(contracted)
    terminate = proposed.to(terminated) | publicity.to(terminated) | decided.to(terminated)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "start_publicity": UNIT,
        "decide": UNIT,
        "sign": UNIT,
        "terminate": UNIT,
    }


class EvaluationFlow(PersistedMachine):
    """Assessed against the criteria; the title committee's result recorded by the office."""

    assessed = State(initial=True)
    promoted = State(final=True)
    declined = State(final=True)

    promote = assessed.to(promoted)
    decline = assessed.to(declined)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {"promote": UNIT, "decline": UNIT}
