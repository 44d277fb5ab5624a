"""Transfer: the buyer files one application for the four items; the seller consents; the
maritime officer accepts it (the 7-working-day clock starts) and completes it, issuing the new
registration even while committed documents are still to come. Either party may withdraw before
acceptance; the officer may reject until completion.

Sailing: reported before departure, out while at sea, arrived when back; a report may be
cancelled before departure."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})
ENTERPRISE = frozenset({Role.ENTERPRISE})


class TransferFlow(PersistedMachine):
    submitted = State(initial=True)
    consented = State()
    accepted = State()
    completed = State(final=True)
    rejected = State(final=True)
    withdrawn = State(final=True)

    consent = submitted.to(consented)
    accept = consented.to(accepted)
    complete = accepted.to(completed)
    reject = submitted.to(rejected) | consented.to(rejected) | accepted.to(rejected)
    withdraw = submitted.to(withdrawn) | consented.to(withdrawn)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "consent": ENTERPRISE,
        "accept": OFFICER,
        "complete": OFFICER,
        "reject": OFFICER,
        "withdraw": ENTERPRISE,
    }


class SailingFlow(PersistedMachine):
    reported = State(initial=True)
    out = State()
    arrived = State(final=True)
    cancelled = State(final=True)

    depart = reported.to(out)
    arrive = out.to(arrived)
    cancel = reported.to(cancelled)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "depart": ENTERPRISE,
        "arrive": ENTERPRISE,
        "cancel": ENTERPRISE,
    }
