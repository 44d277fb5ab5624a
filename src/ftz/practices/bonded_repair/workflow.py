"""Admission: submitted → admitted or rejected (officer); an admitted enterprise asks to exit and
the officer completes the exit once its waste is accounted for. Batch: open while the repair runs;
the final outcome closes it, or flags it when the irreparable rate exceeds the limit. An officer
then reviews a flagged batch: accepts it, or orders a correction, which sends it back to the
enterprise until a corrected final outcome closes it (or flags it again)."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})
ENTERPRISE = frozenset({Role.ENTERPRISE})


class AdmissionFlow(PersistedMachine):
    submitted = State(initial=True)
    admitted = State()
    rejected = State(final=True)
    exiting = State()
    exited = State(final=True)

    admit = submitted.to(admitted)
    reject = submitted.to(rejected)
    request_exit = admitted.to(exiting)
    complete_exit = exiting.to(exited)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "admit": OFFICER,
        "reject": OFFICER,
        "request_exit": ENTERPRISE,
        "complete_exit": OFFICER,
    }


class BatchFlow(PersistedMachine):
    open = State(initial=True)
    closed = State(final=True)
    flagged = State()
    reviewed = State(final=True)
    correcting = State()

    close = open.to(closed) | correcting.to(closed)
    flag = open.to(flagged) | correcting.to(flagged)
    accept = flagged.to(reviewed)
    order_correction = flagged.to(correcting)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "close": ENTERPRISE,
        "flag": ENTERPRISE,
        "accept": OFFICER,
        "order_correction": OFFICER,
    }
