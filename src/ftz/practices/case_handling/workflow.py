"""A case: open while the judge tries it (the three searches, answers, checklists, report);
`finalize` freezes the report; a president or division chief then reads and approves it (阅核)
or sends it back; `close` ends the case with a judgment (after approval, or straight from the
final report when the rules ask only for filing), or with mediation or withdrawal at any time."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

COURT = frozenset({Role.COURT})


class CaseFlow(PersistedMachine):
    open = State(initial=True)
    report_final = State()
    approved = State()
    closed = State(final=True)

    finalize = open.to(report_final)
    approve = report_final.to(approved)
    send_back = report_final.to(open)
    close = open.to(closed) | report_final.to(closed) | approved.to(closed)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "finalize": COURT,
        "approve": COURT,
        "send_back": COURT,
        "close": COURT,
    }
