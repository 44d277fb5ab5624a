"""A declaration: declared by the shipper at the origin; the origin office inspects at the
packing site and certifies it (集装箱海运安全适运证书) or sends it back for rectification; at the
transit port the office checks the arrival, and the box is loaded as recognized unless a rule of
rules/transit.json fires, which reopens it for inspection there (loaded after, or held)."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})
SHIPPER = frozenset({Role.ENTERPRISE})


class DeclarationFlow(PersistedMachine):
    declared = State(initial=True)
    rectifying = State()
    withdrawn = State(final=True)
    certified = State()
    reopened = State()
    loaded = State(final=True)
    held = State(final=True)

    certify = declared.to(certified)
    send_back = declared.to(rectifying)
    resubmit = rectifying.to(declared)
    withdraw = declared.to(withdrawn) | rectifying.to(withdrawn)
    recognize = certified.to(loaded)
    reopen = certified.to(reopened)
    clear = reopened.to(loaded)
    hold = reopened.to(held)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "certify": OFFICER,
        "send_back": OFFICER,
        "resubmit": SHIPPER,
        "withdraw": SHIPPER,
        "recognize": OFFICER,
        "reopen": OFFICER,
        "clear": OFFICER,
        "hold": OFFICER,
    }
