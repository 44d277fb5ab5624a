"""What the edges show of a case: the API's shapes, the steps a user may take now (by role,
by party and by the prior-state rules), the escrow totals and the statistics."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.practices.sealed_transfer import escrow, repository, rules, settlement
from ftz.practices.sealed_transfer.models import CaseParty, TransferCase
from ftz.practices.sealed_transfer.schemas import (
    CaseOut,
    CaseSummaryOut,
    MovementOut,
    PartyOut,
    SealOut,
    StepOut,
)
from ftz.practices.sealed_transfer.steps import AGREEING, CREDITORS, SIGNING, yuan
from ftz.practices.sealed_transfer.workflow import ACTION_ROLES, TransferFlow

DATA = Path(__file__).parent / "data"
STEP_ORDER = (
    "edit",
    "screen",
    "reject",
    "set_agreement",
    "give_consent",
    "notarize_agreement",
    "approve_sale",
    "set_contract",
    "sign",
    "notarize_contract",
    "deposit",
    "certify_escrow",
    "apply_registration",
    "transfer_title",
    "payout",
    "pay_remainder",
    "report_paid",
    "lift_seal",
    "close",
    "collapse",
    "refund",
    "terminate",
)


@cache
def baseline() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DATA / "baseline.yaml").read_text("utf-8"))
    return loaded


def available(session: Session, case: TransferCase, principal: Principal) -> list[str]:
    """The steps `principal` may take on `case` now; a step's other conditions (consents, money)
    are checked when it is taken and explained if they fail."""
    mine = [
        p
        for p in repository.parties(session, case.id)
        if principal.is_enterprise and p.org_id == principal.org_id
    ]
    found = []
    for step in STEP_ORDER:
        roles = TransferFlow.event_roles.get(step) or ACTION_ROLES[step]
        if not principal.has_role(*roles) or not rules.state_allows(step, case.status):
            continue
        if principal.is_enterprise and not _party_may(step, mine):
            continue
        found.append(step)
    return found


def _party_may(step: str, mine: list[CaseParty]) -> bool:
    roles = {p.role for p in mine}
    wanted = {"give_consent": set(AGREEING), "sign": set(SIGNING.values()), "deposit": {"buyer"}}
    return bool(roles & wanted.get(step, set()))


def party_out(p: CaseParty, case: TransferCase, ranks: dict[str, int]) -> PartyOut:
    return PartyOut(
        id=p.id,
        role=p.role,
        kind=p.kind,
        name=p.name,
        id_display=p.id_display,
        has_account=p.org_id is not None,
        claim=yuan(p.claim_fen),
        claim_basis=p.claim_basis,
        secured_on=p.secured_on,
        default_rank=ranks.get(p.id),
        priority=p.priority,
        agreed=yuan(p.agreed_fen),
        paid=yuan(p.paid_fen),
        outstanding=yuan(p.agreed_fen - p.paid_fen),
        consented=bool(case.agreement_sha256) and p.consent_sha256 == case.agreement_sha256,
        consent_method=p.consent_method,
        signed=bool(case.contract_sha256) and p.signed_sha256 == case.contract_sha256,
        sign_method=p.sign_method,
    )


def summary(case: TransferCase) -> CaseSummaryOut:
    return CaseSummaryOut(
        id=case.id,
        number=case.number,
        status=case.status,
        address=case.address,
        certificate_no=case.certificate_no,
        appraised_value=yuan(case.appraised_fen),
        price=yuan(case.price_fen),
        escrow_balance=yuan(case.escrow_balance_fen),
        registered_on=case.registered_on,
        updated_at=case.updated_at,
    )


def case_out(session: Session, case: TransferCase, principal: Principal) -> CaseOut:
    people = repository.parties(session, case.id)
    ranks = settlement.suggested_ranks(people)
    court, notary = (
        repository.org(session, case.court_org_id),
        repository.org(session, case.notary_org_id),
    )
    totals = escrow.totals(session, case.id)
    return CaseOut(
        **summary(case).model_dump(),
        court=court.name_zh if court else "",
        notary=notary.name_zh if notary else None,
        judgment=yuan(case.judgment_fen),
        property_kind=case.property_kind,
        area_m2=case.area_m2,
        appraised_on=case.appraised_on,
        screening=case.screening,
        agreement_no=case.agreement_no,
        min_price=yuan(case.min_price_fen),
        agreement_sha256=case.agreement_sha256,
        price_check=case.price_check,
        approval_doc_no=case.approval_doc_no,
        contract_no=case.contract_no,
        mandate_no=case.mandate_no,
        contract_sha256=case.contract_sha256,
        escrow_account=case.escrow_account,
        escrow_certificate_no=case.escrow_certificate_no,
        new_certificate_no=case.new_certificate_no,
        lift_doc_no=case.lift_doc_no,
        collapse_reason=case.collapse_reason,
        escrow={k: yuan(v) for k, v in totals.items()} | {"balance": yuan(case.escrow_balance_fen)},
        allowed=available(session, case, principal),
        parties=[party_out(p, case, ranks) for p in people],
        seals=[
            SealOut(
                rank=s.rank,
                court_name=s.court_name,
                order_no=s.order_no,
                sealed_on=s.sealed_on,
                expires_on=s.expires_on,
                lifted=s.lifted_at is not None,
            )
            for s in repository.seals(session, case.id)
        ],
        movements=[
            MovementOut(
                id=m.id,
                kind=m.kind,
                amount=yuan(m.amount_fen),
                party_id=m.party_id,
                source=m.source,
                reference=m.reference,
                at=m.at,
                step_seq=m.step_seq,
            )
            for m in repository.movements(session, case.id)
        ],
        steps=[
            StepOut(
                seq=s.seq,
                step=s.step,
                from_status=s.from_status,
                to_status=s.to_status,
                actor=s.actor,
                at=s.at,
                note=s.note,
                details=s.details,
                entry_sha256=s.entry_sha256,
                ledger_index=s.ledger_index,
            )
            for s in repository.steps(session, case.id)
        ],
    )


def _days(start: datetime | None, end: datetime | None) -> int | None:
    return (end - start).days if start and end else None


def statistics(session: Session, principal: Principal) -> dict[str, Any]:
    """Computed from the records the principal may see: cases by state, the money through the
    escrow accounts, the value kept compared with the auction start floor, and the days from
    screening to closing compared with the auction route (data/baseline.yaml)."""
    cases = repository.visible_cases(session, principal)
    ids = [c.id for c in cases]
    moved: dict[str, int] = dict.fromkeys(escrow.KINDS, 0)
    loans = set()
    for m in repository.movements_of(session, ids):
        moved[m.kind] += m.amount_fen
        if m.source == "mortgage_loan":
            loans.add(m.case_id)
    screened = {s.case_id: s.at for s in repository.steps_of(session, ids) if s.step == "screen"}
    closed = [c for c in cases if c.status == "closed"]
    base = baseline()
    ratio = Decimal(str(base["auction_start_ratio"]))
    route = sum(int(part["days"]) for part in base["auction_route"])
    days = [d for c in closed if (d := _days(screened.get(c.id), c.closed_at)) is not None]
    sold_price = sum(c.price_fen for c in closed)
    sold_appraised = sum(c.appraised_fen for c in closed)
    creditors = [
        p for c in closed for p in repository.parties(session, c.id) if p.role in CREDITORS
    ]
    return {
        "by_status": repository.counts_by_status(session, principal),
        "cases": len(cases),
        "closed": len(closed),
        "collapsed": sum(1 for c in cases if c.status in ("collapsed", "terminated")),
        "open": sum(1 for c in cases if c.status not in ("closed", "terminated", "unsuitable")),
        "appraised_closed": yuan(sold_appraised),
        "price_closed": yuan(sold_price),
        "price_ratio": round(sold_price / sold_appraised, 4) if sold_appraised else None,
        "above_auction_floor": yuan(sold_price - int(ratio * sold_appraised)),
        "deposited": yuan(moved["deposit"]),
        "paid_to_creditors": yuan(moved["payout"]),
        "remainder_to_debtors": yuan(moved["remainder"]),
        "refunded": yuan(moved["refund"]),
        "held_in_escrow": yuan(sum(c.escrow_balance_fen for c in cases)),
        "creditors_paid_in_full": sum(1 for p in creditors if p.paid_fen == p.agreed_fen),
        "creditors_in_closed_cases": len(creditors),
        "cases_with_mortgage_loans": len(loans),
        "days_average": round(sum(days) / len(days), 1) if days else None,
        "auction_route_days": route,
        "days_saved_total": sum(route - d for d in days),
        "days_saved_average": round(sum(route - d for d in days) / len(days), 1) if days else None,
        "baseline": base,
    }
