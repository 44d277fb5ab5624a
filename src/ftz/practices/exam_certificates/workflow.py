"""p12 lifecycles. Applications: registered → checked → examined → decided (or withdrawn).
Each certificate request: requested → eligible | ineligible; eligible → issued | refused."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

APPLICANTS = frozenset({Role.ENTERPRISE, Role.OFFICER})
OFFICERS = frozenset({Role.OFFICER})


class ApplicationFlow(PersistedMachine):
    registered = State(initial=True)
    checked = State()
    examined = State()
    decided = State(final=True)
    withdrawn = State(final=True)

    check = registered.to(checked) | checked.to(checked)
    record_scores = checked.to(examined)
    close = examined.to(decided) | checked.to(decided)
    withdraw = registered.to(withdrawn) | checked.to(withdrawn)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "check": APPLICANTS,
        "record_scores": OFFICERS,
        "close": OFFICERS | APPLICANTS,
        "withdraw": APPLICANTS,
    }


class RequestFlow(PersistedMachine):
    requested = State(initial=True)
    eligible = State()
    ineligible = State()
    issued = State(final=True)
    refused = State(final=True)

    # An application edited before the exam is checked again: both verdicts can change.
    accept = requested.to(eligible) | eligible.to(eligible) | ineligible.to(eligible)
    reject = requested.to(ineligible) | eligible.to(ineligible) | ineligible.to(ineligible)
    issue = eligible.to(issued)
    refuse = eligible.to(refused)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "accept": APPLICANTS,
        "reject": APPLICANTS,
        "issue": OFFICERS,
        "refuse": OFFICERS,
    }
