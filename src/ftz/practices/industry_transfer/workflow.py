"""A transferred project's stages: intention → signed → under construction → in operation, each
step with its date; an intention or a signed project may be withdrawn. The park
administrations concerned send the events (the service checks which park the officer acts
for); every transition is role-checked and audited by `ftz.core.workflow.fire`."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})
# The date column each event fills in.
EVENT_DATES = {
    "sign": "signed_on",
    "start_construction": "construction_on",
    "start_operation": "operation_on",
    "withdraw": "withdrawn_on",
}


class ProjectFlow(PersistedMachine):
    state_column: ClassVar[str] = "stage"

    intention = State(initial=True)
    signed = State()
    under_construction = State()
    in_operation = State(final=True)
    withdrawn = State(final=True)

    sign = intention.to(signed)
    start_construction = signed.to(under_construction)
    start_operation = under_construction.to(in_operation)
    withdraw = intention.to(withdrawn) | signed.to(withdrawn)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "sign": OFFICER,
        "start_construction": OFFICER,
        "start_operation": OFFICER,
        "withdraw": OFFICER,
    }
