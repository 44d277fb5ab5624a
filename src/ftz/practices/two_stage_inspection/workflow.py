"""The two machines of p20.

A pilot application: applied by the enterprise; customs' risk assessment admits or refuses it
(rules/admission.json); an admitted pilot is revoked on a violation (rules/revocation.json).

A control instruction (布控指令) that hits a good: issued at the port; a filed good of an admitted
pilot waits for the port's external check (rules/external_check.json), which routes the rest of
the instruction to the destination customs when nothing is wrong and escalates it to a full
port inspection otherwise; an instruction that is not two-stage (rules/routing.json) goes to
the full port inspection when issued. The destination check or the port inspection closes it."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})


class PilotFlow(PersistedMachine):
    applied = State(initial=True)
    admitted = State()
    refused = State(final=True)
    revoked = State(final=True)

    admit = applied.to(admitted)
    refuse = applied.to(refused)
    revoke = admitted.to(revoked)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "admit": OFFICER,
        "refuse": OFFICER,
        "revoke": OFFICER,
    }


class InstructionFlow(PersistedMachine):
    issued = State(initial=True)
    routed = State()
    port_inspection = State()
    closed = State(final=True)

    route = issued.to(routed)
    escalate = issued.to(port_inspection)
    destination_check = routed.to(closed)
    port_check = port_inspection.to(closed)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "route": OFFICER,
        "escalate": OFFICER,
        "destination_check": OFFICER,
        "port_check": OFFICER,
    }
