"""The p18 invariants, enforced by the service (not only the pages): no payout before the
title is transferred, no unsealing before every creditor in the agreement is paid, the escrow
balance is deposits − payouts − refunds and never negative, payouts never exceed the agreed
amounts and follow the agreed ranks, every step anchored; a refused step changes nothing; the
database refuses what the service would never write."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ftz.core.kit.errors import FtzError
from ftz.practices.sealed_transfer import anchors, escrow, repository, service
from ftz.practices.sealed_transfer.models import CaseParty, CaseStep, EscrowMovement, TransferCase
from ftz.practices.sealed_transfer.schemas import (
    CertificateIn,
    DepositIn,
    DocumentIn,
    NoteIn,
    PayoutIn,
    ReferenceIn,
)
from tests.practices.sealed_transfer.helpers import Actors, advance, build


def _creditors(session: Session, case: TransferCase) -> list[CaseParty]:
    return sorted(
        (p for p in repository.parties(session, case.id) if p.priority), key=lambda p: p.priority
    )


def _refused(session: Session, call, *rows: str) -> FtzError:  # type: ignore[no-untyped-def]
    """The call fails with the named rule rows and leaves no trace (it runs in a savepoint, as
    every edge runs a step)."""
    steps = session.scalar(select(func.count()).select_from(CaseStep))
    with pytest.raises(FtzError) as caught, session.begin_nested():
        call()
    session.expire_all()
    for row in rows:
        assert row in caught.value.detail, (row, caught.value.detail)
    assert session.scalar(select(func.count()).select_from(CaseStep)) == steps
    return caught.value


def test_no_payout_before_the_title_is_transferred(session: Session) -> None:
    act = Actors(session)
    case = build(session, act, "escrowed")  # the whole price is in escrow, the title is not moved
    first = _creditors(session, case)[0]
    pay = PayoutIn(party_id=first.id, amount=Decimal("1.00"), reference="EARLY")
    rest = ReferenceIn(reference="EARLY")
    notary = act("st.notary")
    for state in ("escrowed", "registering"):
        assert case.status == state
        error = _refused(
            session,
            lambda: service.payout(session, principal=notary, case_id=case.id, data=pay),
            "ST-PAYOUT",
        )
        assert error.status == 409
        _refused(
            session,
            lambda: service.pay_remainder(session, principal=notary, case_id=case.id, data=rest),
            "ST-PAY-REMAINDER",
        )
        advance(session, act, case)
    assert case.status == "transferred" and escrow.totals(session, case.id)["payout"] == 0
    service.payout(session, principal=act("st.notary"), case_id=case.id, data=pay)
    assert escrow.totals(session, case.id)["payout"] == 100


def test_no_unsealing_before_every_creditor_is_paid(session: Session) -> None:
    act = Actors(session)
    case = build(session, act, "transferred")
    creditors = _creditors(session, case)
    lift = DocumentIn(document_no="(2025)鲁0102执0001号之三")
    _refused(
        session,
        lambda: service.lift_seal(session, principal=act("st.court"), case_id=case.id, data=lift),
        "ST-LIFT-SEAL",
    )
    for p in creditors[:-1]:
        service.payout(
            session,
            principal=act("st.notary"),
            case_id=case.id,
            data=PayoutIn(party_id=p.id, amount=Decimal(p.agreed_fen) / 100, reference="PAY"),
        )
    last = creditors[-1]
    _refused(
        session,
        lambda: service.report_paid(
            session,
            principal=act("st.notary"),
            case_id=case.id,
            data=NoteIn(),
        ),
        "PR-REPORT-UNPAID",
    )
    # Even if a case were (wrongly) marked paid out, the court's own check reads the payouts.
    case.status = "paid_out"
    session.flush()
    _refused(
        session,
        lambda: service.lift_seal(session, principal=act("st.court"), case_id=case.id, data=lift),
        "PR-UNSEAL-UNPAID",
    )
    last_paid = last.paid_fen
    last.paid_fen = last.agreed_fen  # a stored figure that lies: the payouts do not add up
    session.flush()
    error = _refused(
        session,
        lambda: service.lift_seal(session, principal=act("st.court"), case_id=case.id, data=lift),
    )
    assert error.status == 409 and "the seal stays" in error.detail
    assert all(s.lifted_at is None for s in repository.seals(session, case.id))
    last.paid_fen, case.status = last_paid, "transferred"
    session.flush()


def test_payouts_follow_the_ranks_and_never_exceed_the_agreement(session: Session) -> None:
    act = Actors(session)
    case = build(session, act, "transferred")
    first, second, third = _creditors(session, case)

    def pay(p: CaseParty, fen: int) -> TransferCase:
        data = PayoutIn(party_id=p.id, amount=Decimal(fen) / 100, reference="PAY")
        return service.payout(session, principal=act("st.notary"), case_id=case.id, data=data)

    _refused(session, lambda: pay(second, 100), "PR-PAY-PRIORITY")
    _refused(session, lambda: pay(first, first.agreed_fen + 1), "PR-PAY-OVER-AGREED")
    pay(first, first.agreed_fen - 1)
    _refused(session, lambda: pay(second, 100), "PR-PAY-PRIORITY")
    pay(first, 1)
    _refused(session, lambda: pay(first, 1), "PR-PAY-OVER-AGREED")
    pay(second, second.agreed_fen)
    pay(third, third.agreed_fen)
    remainder = case.escrow_balance_fen
    assert remainder == case.price_fen - sum(p.agreed_fen for p in (first, second, third))
    service.pay_remainder(
        session, principal=act("st.notary"), case_id=case.id, data=ReferenceIn(reference="REM")
    )
    assert escrow.totals(session, case.id) == {
        "deposit": case.price_fen,
        "payout": case.price_fen - remainder,
        "remainder": remainder,
        "refund": 0,
    }
    assert case.escrow_balance_fen == escrow.balance(session, case.id) == 0


def test_deposits_never_exceed_the_price_and_the_books_balance(session: Session) -> None:
    act = Actors(session)
    case = build(session, act, "contracted")

    def deposit(yuan: str) -> TransferCase:
        data = DepositIn(amount=Decimal(yuan), reference="DEP")
        return service.deposit(session, principal=act("st.buyer"), case_id=case.id, data=data)

    deposit("1000000.00")
    _refused(session, lambda: deposit("900000.01"), "PR-DEPOSIT-OVER")
    _refused(
        session,
        lambda: service.certify_escrow(
            session,
            principal=act("st.notary"),
            case_id=case.id,
            data=CertificateIn(certificate_no="C-0001"),
        ),
        "PR-CERTIFY-SHORT",
    )
    deposit("900000.00")
    assert case.escrow_balance_fen == escrow.balance(session, case.id) == case.price_fen
    stranger = act("st.bank")
    with pytest.raises(FtzError) as denied, session.begin_nested():
        service.deposit(
            session,
            principal=stranger,
            case_id=case.id,
            data=DepositIn(amount=Decimal(1), reference="XX"),
        )
    assert denied.value.status == 403
    assert escrow.reconcile(session)["ok"]


def test_every_step_is_anchored_and_the_anchors_verify(session: Session) -> None:
    act = Actors(session)
    case = build(session, act, "closed")
    found = repository.steps(session, case.id)
    assert [s.seq for s in found] == list(range(1, case.steps_taken + 1))
    assert len({s.ledger_index for s in found}) == len(found)
    assert anchors.verify(session, case)["ok"]
    found[3].note = "changed afterwards"  # the entry committed to the original note
    session.flush()
    assert not anchors.verify(session, case)["ok"]


def test_the_database_refuses_a_negative_balance_or_an_overpaid_creditor(session: Session) -> None:
    act = Actors(session)
    case = build(session, act, "transferred")
    with pytest.raises(IntegrityError), session.begin_nested():
        session.execute(
            text("UPDATE sealed_transfer_case SET escrow_balance_fen = -1 WHERE id = :id"),
            {"id": case.id},
        )
    first = _creditors(session, case)[0]
    with pytest.raises(IntegrityError), session.begin_nested():
        session.execute(
            text("UPDATE sealed_transfer_party SET paid_fen = agreed_fen + 1 WHERE id = :id"),
            {"id": first.id},
        )
    with pytest.raises(IntegrityError), session.begin_nested():
        session.execute(
            text("UPDATE sealed_transfer_movement SET amount_fen = 0 WHERE case_id = :id"),
            {"id": case.id},
        )
    session.expire_all()
    assert session.scalar(select(func.count()).select_from(EscrowMovement)) >= 1
