"""p18 不动产"带封过户": the service the edges call. Each function takes the session and the
acting principal (keyword-only), flushes and never commits: the request's or command's single
transaction makes every step all or nothing. The steps live in cases (court: register, screen),
settlement (notary: agreement, consents; court: approval), sale (contract, signatures, escrow,
registration), payouts (payouts, unsealing, closing, and the collapse path)."""

from __future__ import annotations

from ftz.practices.sealed_transfer.cases import create_case, reject, screen, update_case
from ftz.practices.sealed_transfer.escrow import reconcile
from ftz.practices.sealed_transfer.payouts import (
    close,
    collapse,
    lift_seal,
    pay_remainder,
    payout,
    refund,
    report_paid,
    terminate,
)
from ftz.practices.sealed_transfer.sale import (
    apply_registration,
    certify_escrow,
    deposit,
    notarize_contract,
    set_contract,
    sign,
    transfer_title,
)
from ftz.practices.sealed_transfer.settlement import (
    approve_sale,
    consent,
    notarize_agreement,
    set_agreement,
)
from ftz.practices.sealed_transfer.views import case_out, statistics, summary

__all__ = [
    "apply_registration",
    "approve_sale",
    "case_out",
    "certify_escrow",
    "close",
    "collapse",
    "consent",
    "create_case",
    "deposit",
    "lift_seal",
    "notarize_agreement",
    "notarize_contract",
    "pay_remainder",
    "payout",
    "reconcile",
    "refund",
    "reject",
    "report_paid",
    "screen",
    "set_agreement",
    "set_contract",
    "sign",
    "statistics",
    "summary",
    "terminate",
    "transfer_title",
    "update_case",
]
