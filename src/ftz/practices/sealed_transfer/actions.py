"""The steps of a case as one table that the API, the pages and the CLI all mount: the URL
segment, the body, the service function, the permission and how a web form becomes the body.
One table means a step cannot be guarded one way on the API and another on a page."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import Depends
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.web import idempotency
from ftz.practices.sealed_transfer import service
from ftz.practices.sealed_transfer.models import TransferCase
from ftz.practices.sealed_transfer.schemas import (
    AgreementIn,
    CertificateIn,
    ContractIn,
    DepositIn,
    DocumentIn,
    NoteIn,
    PartyRef,
    PayoutIn,
    ReasonIn,
    ReferenceIn,
    RefundIn,
    ScreenIn,
    SignIn,
)

Form = dict[str, str]


def plain(values: Form) -> dict[str, Any]:
    """An empty field is a missing one, so the schema names it as required."""
    return {k: v.strip() for k, v in values.items() if v.strip() != ""}


def screen_form(values: Form) -> dict[str, Any]:
    return {
        **plain(values),
        "title_clear": values.get("title_clear") == "on",
        "debtor_agrees": values.get("debtor_agrees") == "on",
    }


def agreement_form(values: Form) -> dict[str, Any]:
    """`priority-<party>` and `amount-<party>` per creditor; a creditor left without a rank is
    left out of the agreement (and the guard then says who is missing)."""
    lines = []
    for key, value in values.items():
        if key.startswith("priority-") and value.strip():
            party = key.removeprefix("priority-")
            lines.append(
                {
                    "party_id": party,
                    "priority": value.strip(),
                    "amount": values.get(f"amount-{party}", "").strip() or "0",
                }
            )
    top = plain({k: v for k, v in values.items() if k in ("agreement_no", "min_price")})
    return {**top, "allocations": lines}


def contract_form(values: Form) -> dict[str, Any]:
    buyer = {
        k.removeprefix("buyer_"): v for k, v in plain(values).items() if k.startswith("buyer_")
    }
    rest = {k: v for k, v in plain(values).items() if not k.startswith("buyer_")}
    return {**rest, "buyer": buyer}


@dataclass(frozen=True)
class Action:
    step: str
    do: Callable[..., TransferCase]
    body: type[BaseModel]
    permission: str
    summary: str
    method: str = "POST"
    from_form: Callable[[Form], dict[str, Any]] = field(default=plain)

    def endpoint(
        self, shape: Callable[[Session, TransferCase, Principal], BaseModel]
    ) -> Callable[..., Any]:
        """A FastAPI route function whose body parameter is typed as this step's schema. It takes
        an `Idempotency-Key`, so a retried step (a deposit, a payout) answers the first reply
        instead of doing it again."""
        do = self.do
        step = self.step

        def route(
            case_id: str, body: BaseModel, key: str | None, session: Session, principal: Principal
        ) -> JSONResponse:
            def act() -> dict[str, Any]:
                case = do(session, principal=principal, case_id=case_id, data=body)
                return shape(session, case, principal).model_dump(mode="json")

            name = f"sealed_transfer/cases/{case_id}/{step}"
            payload = body.model_dump(mode="json")
            return idempotency.run(session, principal, key, name, payload, 200, act)

        parameter = inspect.Parameter.POSITIONAL_OR_KEYWORD
        signature = inspect.Signature([
            inspect.Parameter("case_id", parameter, annotation=str),
            inspect.Parameter("body", parameter, annotation=self.body),
            inspect.Parameter("key", parameter, annotation=str | None, default=idempotency.KEY),
            inspect.Parameter("session", parameter, annotation=Session,
                              default=Depends(get_db, scope="function")),
            inspect.Parameter("principal", parameter, annotation=Principal,
                              default=Depends(require(self.permission))),
        ])  # fmt: skip
        # FastAPI reads the route's parameters from its signature: this one names the schema.
        route.__signature__ = signature  # type: ignore[attr-defined]
        route.__name__ = f"sealed_transfer_{self.step}"
        return route


C, N, P = "sealed_transfer.court", "sealed_transfer.notary", "sealed_transfer.party"
ACTIONS: dict[str, Action] = {
    "screen": Action(
        "screen",
        service.screen,
        ScreenIn,
        C,
        "Court: screen the case, hand it to a notary office",
        from_form=screen_form,
    ),
    "reject": Action(
        "reject", service.reject, ReasonIn, C, "Court: unsuitable for a sealed transfer"
    ),
    "agreement": Action(
        "set_agreement",
        service.set_agreement,
        AgreementIn,
        N,
        "Notary: draft the agreement (ranks, amounts, minimum price)",
        "PUT",
        agreement_form,
    ),
    "consents": Action(
        "give_consent",
        service.consent,
        PartyRef,
        P,
        "Party (or notary witnessing): consent to the agreement",
    ),
    "notarize-agreement": Action(
        "notarize_agreement",
        service.notarize_agreement,
        NoteIn,
        N,
        "Notary: notarize the agreement",
    ),
    "approve": Action(
        "approve_sale",
        service.approve_sale,
        DocumentIn,
        C,
        "Court: approve the self-sale in sealed status",
    ),
    "contract": Action(
        "set_contract",
        service.set_contract,
        ContractIn,
        N,
        "Notary: draft the mandate and sale contract",
        "PUT",
        contract_form,
    ),
    "signatures": Action(
        "sign", service.sign, SignIn, P, "Buyer or seller (or notary witnessing): sign"
    ),
    "notarize-contract": Action(
        "notarize_contract",
        service.notarize_contract,
        NoteIn,
        N,
        "Notary: notarize the mandate and contract",
    ),
    "deposits": Action(
        "deposit", service.deposit, DepositIn, P, "Buyer (or notary recording it): pay into escrow"
    ),
    "escrow-certificate": Action(
        "certify_escrow",
        service.certify_escrow,
        CertificateIn,
        N,
        "Notary: issue the escrow certificate",
    ),
    "registration": Action(
        "apply_registration",
        service.apply_registration,
        NoteIn,
        N,
        "Notary: apply for the transfer registration",
    ),
    "transfer": Action(
        "transfer_title",
        service.transfer_title,
        CertificateIn,
        "sealed_transfer.registry",
        "Registration authority: transfer the title while sealed",
    ),
    "payouts": Action(
        "payout", service.payout, PayoutIn, N, "Notary: pay a creditor per the agreement"
    ),
    "remainder": Action(
        "pay_remainder",
        service.pay_remainder,
        ReferenceIn,
        N,
        "Notary: pay the remainder to the debtor",
    ),
    "paid": Action(
        "report_paid", service.report_paid, NoteIn, N, "Notary: report the payouts complete"
    ),
    "lift-seal": Action(
        "lift_seal", service.lift_seal, DocumentIn, C, "Court: verify the payouts and lift the seal"
    ),
    "close": Action("close", service.close, NoteIn, C, "Court: close the case"),
    "collapse": Action(
        "collapse",
        service.collapse,
        ReasonIn,
        "sealed_transfer.collapse",
        "Court or notary: the sale collapsed",
    ),
    "refunds": Action("refund", service.refund, RefundIn, N, "Notary: refund the buyer"),
    "terminate": Action(
        "terminate",
        service.terminate,
        NoteIn,
        C,
        "Court: end the self-sale (property stays sealed)",
    ),
}
BY_STEP = {a.step: path for path, a in ACTIONS.items()}
