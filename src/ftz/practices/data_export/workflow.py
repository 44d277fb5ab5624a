"""Filing lifecycle: draft → submitted → approved (or returned to draft, or rejected). An
approved filing is frozen; a revision is a new draft version, and when that is approved the old
one becomes superseded. Approved security assessments expire after three years."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})
ENTERPRISE = frozenset({Role.ENTERPRISE})


class FilingFlow(PersistedMachine):
    draft = State(initial=True)
    submitted = State()
    approved = State()
    rejected = State(final=True)
    superseded = State(final=True)
    expired = State(final=True)
    withdrawn = State(final=True)

    submit = draft.to(submitted)
    approve = submitted.to(approved)
    return_for_changes = submitted.to(draft)
    reject = submitted.to(rejected)
    supersede = approved.to(superseded)
    expire = approved.to(expired)
    withdraw = draft.to(withdrawn) | submitted.to(withdrawn)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "submit": ENTERPRISE,
        "approve": OFFICER,
        "return_for_changes": OFFICER,
        "reject": OFFICER,
        # The system acts when a newer version is approved or the term runs out.
        "supersede": OFFICER | ENTERPRISE | {Role.ADMIN},
        "expire": OFFICER | {Role.ADMIN},
        "withdraw": ENTERPRISE,
    }
