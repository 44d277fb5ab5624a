"""The three lifecycles of p05, all moved by maritime safety officers.

Proposal: draft → submitted → under consideration → adopted or rejected (a proposal may also
be decided at the session it was submitted to, without a separate consideration step).
Assessment of unlisted goods: requested (by an enterprise, or opened by an officer) → in
assessment → agreed once the three administrations have signed, or refused.
Cargo status: listed, assessed or adopted → proposed → adopted; a rejected proposal sends the
cargo back to where it was (listed if it has an entry in the Code in force, else assessed)."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})


class ProposalFlow(PersistedMachine):
    draft = State(initial=True)
    submitted = State()
    under_consideration = State()
    adopted = State(final=True)
    rejected = State(final=True)

    submit = draft.to(submitted)
    consider = submitted.to(under_consideration)
    adopt = submitted.to(adopted) | under_consideration.to(adopted)
    reject = submitted.to(rejected) | under_consideration.to(rejected)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "submit": OFFICER,
        "consider": OFFICER,
        "adopt": OFFICER,
        "reject": OFFICER,
    }


class AssessmentFlow(PersistedMachine):
    requested = State(initial=True)
    assessing = State()
    agreed = State(final=True)
    refused = State(final=True)

    accept = requested.to(assessing)
    agree = assessing.to(agreed)
    refuse = requested.to(refused) | assessing.to(refused)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "accept": OFFICER,
        "agree": OFFICER,
        "refuse": OFFICER,
    }


class CargoFlow(PersistedMachine):
    listed = State(initial=True)
    assessed = State()
    proposed = State()
    adopted = State()

    propose = listed.to(proposed) | assessed.to(proposed) | adopted.to(proposed)
    adopt = proposed.to(adopted)
    withdraw = proposed.to(listed, cond="in_code") | proposed.to(assessed, unless="in_code")

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "propose": OFFICER,
        "adopt": OFFICER,
        "withdraw": OFFICER,
    }
