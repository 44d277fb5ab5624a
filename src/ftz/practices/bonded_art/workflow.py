"""An exhibition across customs districts (seed case 4): the enterprise applies to its home
customs, which asks the destination customs; after consent the home customs checks the culture
authority's approval and captures the work's identity; the enterprise pays the guarantee; the
home customs lets the work out; it is exhibited; then it either returns and is verified (match →
re-entry, else held until checked) or is sold: domestic-sale declaration, duties, settlement.
Roles are checked here; home vs destination customs district in the service."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

OFFICER = frozenset({Role.OFFICER})
ENTERPRISE = frozenset({Role.ENTERPRISE})


class ExhibitionFlow(PersistedMachine):
    applied = State(initial=True)
    consulting = State()
    consented = State()
    captured = State()
    guaranteed = State()
    exhibiting = State()
    returned = State()
    held = State()
    sale_declared = State()
    reentered = State(final=True)
    settled = State(final=True)
    refused = State(final=True)
    withdrawn = State(final=True)

    consult = applied.to(consulting)
    consent = consulting.to(consented)
    refuse = consulting.to(refused)
    capture = consented.to(captured)
    pay_guarantee = captured.to(guaranteed)
    transfer_out = guaranteed.to(exhibiting)
    return_home = exhibiting.to(returned)
    verify_match = returned.to(reentered)
    verify_hold = returned.to(held)
    clear = held.to(reentered)
    declare_sale = exhibiting.to(sale_declared)
    settle = sale_declared.to(settled)
    withdraw = applied.to(withdrawn) | consulting.to(withdrawn) | consented.to(withdrawn)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "consult": OFFICER,
        "consent": OFFICER,
        "refuse": OFFICER,
        "capture": OFFICER,
        "pay_guarantee": ENTERPRISE,
        "transfer_out": OFFICER,
        "return_home": ENTERPRISE,
        "verify_match": OFFICER,
        "verify_hold": OFFICER,
        "clear": OFFICER,
        "declare_sale": ENTERPRISE,
        "settle": OFFICER,
        "withdraw": ENTERPRISE,
    }


# Which customs district owns each officer step ("destination" or "home").
DISTRICT = {"consent": "destination", "refuse": "destination"} | {
    e: "home" for e in ("consult", "capture", "transfer_out", "verify_match", "verify_hold",
                        "clear", "settle")
}  # fmt: skip
EXHIBITED = ("exhibiting", "returned", "held", "sale_declared", "reentered", "settled")
