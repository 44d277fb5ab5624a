"""Certification lifecycle: the enterprise assesses itself and submits; the certification body
audits each item and the decision table certifies or not."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine


class CertificationFlow(PersistedMachine):
    draft = State(initial=True)
    submitted = State()
    certified = State(final=True)
    rejected = State(final=True)

    submit = draft.to(submitted)
    reopen = submitted.to(draft)
    certify = submitted.to(certified)
    reject = submitted.to(rejected)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "submit": frozenset({Role.ENTERPRISE}),
        "reopen": frozenset({Role.ENTERPRISE, Role.OFFICER}),
        "certify": frozenset({Role.OFFICER}),
        "reject": frozenset({Role.OFFICER}),
    }
