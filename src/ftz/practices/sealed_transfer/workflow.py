"""The case's lifecycle, each step owned by one role (seed case 18: 法院筛选 → 公证和解 →
法院同意带封处置 → 公证委托与买卖合同 → 房款提存 → 提存证明并申请登记 → 带封过户 → 按和解协议
支付案款 → 法院核实解封 → 执行完毕). A sale that collapses before the title moves leaves the
property sealed: the buyer's money is refunded and the court ends the self-sale.

The order of steps is also data (rules/steps.json, with sources); a test checks that both agree."""

from __future__ import annotations

from typing import ClassVar

from statemachine import State

from ftz.core.auth.models import Role
from ftz.core.workflow import PersistedMachine

COURT = frozenset({Role.COURT})
NOTARY = frozenset({Role.NOTARY})
REGISTRY = frozenset({Role.OFFICER})


class TransferFlow(PersistedMachine):
    on_file = State(initial=True)
    settling = State()
    unsuitable = State(final=True)
    notarized = State()
    sale_approved = State()
    contracted = State()
    escrowed = State()
    registering = State()
    transferred = State()
    paid_out = State()
    unsealed = State()
    closed = State(final=True)
    collapsed = State()
    terminated = State(final=True)

    screen = on_file.to(settling)
    reject = on_file.to(unsuitable)
    notarize_agreement = settling.to(notarized)
    approve_sale = notarized.to(sale_approved)
    notarize_contract = sale_approved.to(contracted)
    certify_escrow = contracted.to(escrowed)
    apply_registration = escrowed.to(registering)
    transfer_title = registering.to(transferred)
    report_paid = transferred.to(paid_out)
    lift_seal = paid_out.to(unsealed)
    close = unsealed.to(closed)
    # Only before the title moves: afterwards the buyer owns the property and the sale stands.
    collapse = (
        settling.to(collapsed)
        | notarized.to(collapsed)
        | sale_approved.to(collapsed)
        | contracted.to(collapsed)
        | escrowed.to(collapsed)
        | registering.to(collapsed)
    )
    terminate = collapsed.to(terminated)

    event_roles: ClassVar[dict[str, frozenset[str]]] = {
        "screen": COURT,
        "reject": COURT,
        "notarize_agreement": NOTARY,
        "approve_sale": COURT,
        "notarize_contract": NOTARY,
        "certify_escrow": NOTARY,
        "apply_registration": NOTARY,
        "transfer_title": REGISTRY,
        "report_paid": NOTARY,
        "lift_seal": COURT,
        "close": COURT,
        "collapse": COURT | NOTARY,
        "terminate": COURT,
    }


# The states in the order a successful case passes them (the page's progress line).
MAIN_LINE = (
    "on_file",
    "settling",
    "notarized",
    "sale_approved",
    "contracted",
    "escrowed",
    "registering",
    "transferred",
    "paid_out",
    "unsealed",
    "closed",
)
OPEN = frozenset(MAIN_LINE) - {"closed"} | {"collapsed"}

ENTERPRISE = frozenset({Role.ENTERPRISE})
# The steps that do not move the state, with the roles that take them (the parties' steps are
# open to the notary too: it records what it witnessed when a party has no account).
ACTION_ROLES: dict[str, frozenset[str]] = {
    "edit": COURT,
    "set_agreement": NOTARY,
    "give_consent": ENTERPRISE | NOTARY,
    "set_contract": NOTARY,
    "sign": ENTERPRISE | NOTARY,
    "deposit": ENTERPRISE | NOTARY,
    "payout": NOTARY,
    "pay_remainder": NOTARY,
    "refund": NOTARY,
}
