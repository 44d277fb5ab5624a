"""Application: draft → submitted (step 1, the enterprise's one-stop application) → testing (the
laboratory accepts) → tested or failed (step 2) → issued or refused by the partner body's desk
(step 3: the certificate issued in China). The enterprise may withdraw before testing starts.
Cooperation project: proposed → working_group → drafting → signed → adopted (the standard
published abroad), or abandoned at any open stage; the standards centre moves it."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})
ENTERPRISE = frozenset({Role.ENTERPRISE})


class ApplicationFlow(PersistedMachine):
    draft = State(initial=True)
    submitted = State()
    testing = State()
    tested = State()
    failed = State(final=True)
    issued = State(final=True)
    refused = State(final=True)
    withdrawn = State(final=True)

    submit = draft.to(submitted)
    accept = submitted.to(testing)
    pass_tests = testing.to(tested)
    fail_tests = testing.to(failed)
    issue = tested.to(issued)
    refuse = tested.to(refused)
    withdraw = draft.to(withdrawn) | submitted.to(withdrawn)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "submit": ENTERPRISE,
        "withdraw": ENTERPRISE,
        "accept": OFFICER,
        "pass_tests": OFFICER,
        "fail_tests": OFFICER,
        "issue": OFFICER,
        "refuse": OFFICER,
    }


class ProjectFlow(PersistedMachine):
    state_column: ClassVar[str] = "stage"

    proposed = State(initial=True)
    working_group = State()
    drafting = State()
    signed = State()
    adopted = State(final=True)
    abandoned = State(final=True)

    form_group = proposed.to(working_group)
    start_drafting = working_group.to(drafting)
    sign = drafting.to(signed)
    adopt = signed.to(adopted)
    abandon = proposed.to(abandoned) | working_group.to(abandoned) | drafting.to(abandoned)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        e: OFFICER for e in ("form_group", "start_drafting", "sign", "adopt", "abandon")
    }
