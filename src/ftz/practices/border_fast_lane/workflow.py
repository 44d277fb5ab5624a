"""A lane transaction: the rules pass it at once or hold it for a manual check, which an officer
releases or refuses. Devices and officers are both officer accounts; the service tells them apart
by department."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})


class LaneFlow(PersistedMachine):
    at_lane = State(initial=True)
    passed = State(final=True)
    manual_check = State()
    released = State(final=True)
    refused = State(final=True)

    auto_pass = at_lane.to(passed)
    hold = at_lane.to(manual_check)
    release = manual_check.to(released)
    refuse = manual_check.to(refused)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "auto_pass": OFFICER,
        "hold": OFFICER,
        "release": OFFICER,
        "refuse": OFFICER,
    }
