"""Concurrent payouts and refunds on a committed database (real threads, each its own
transaction, both databases): the case's row lock queues them, so a creditor is never paid
twice and the escrow account is never overdrawn, whatever the interleaving."""

from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import Decimal

from sqlalchemy import Engine

from ftz.core.auth import service as accounts
from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.core.db import make_sessionmaker, unit_of_work
from ftz.core.kit.errors import FtzError
from ftz.practices.sealed_transfer import escrow, repository, service
from ftz.practices.sealed_transfer.models import TransferCase
from ftz.practices.sealed_transfer.schemas import DepositIn, PayoutIn, ReasonIn, RefundIn
from tests.practices.sealed_transfer.helpers import Actors, build

THREADS = 4


def _prepare(engine: Engine, target: str) -> tuple[str, list[tuple[str, int]]]:
    """A committed case in `target`; returns its id and its creditors (id, agreed) by rank."""
    with unit_of_work(make_sessionmaker(engine)) as session:
        current_principal.set(SYSTEM)
        act = Actors(session)
        case = build(session, act, "contracted" if target == "collapsed" else target)
        if target == "collapsed":
            service.deposit(
                session,
                principal=act("st.buyer"),
                case_id=case.id,
                data=DepositIn(amount=Decimal("1000000.00"), reference="DEP-1"),
            )
            service.collapse(
                session,
                principal=act("st.notary"),
                case_id=case.id,
                data=ReasonIn(note="buyer's loan refused"),
            )
        creditors = sorted(
            (p for p in repository.parties(session, case.id) if p.priority),
            key=lambda p: p.priority or 0,
        )
        return case.id, [(p.id, p.agreed_fen) for p in creditors]


def _race(engine: Engine, attempt: Callable[..., object]) -> list[str]:
    """Runs `attempt(session, notary)` in THREADS threads at once; returns each outcome."""
    barrier = threading.Barrier(THREADS)
    outcomes: list[str] = []
    factory = make_sessionmaker(engine)

    def one() -> None:
        try:
            barrier.wait(timeout=60)
            with unit_of_work(factory) as session:
                attempt(session, accounts.acting_as(session, "st.notary"))
            outcomes.append("ok")
        except FtzError as exc:
            outcomes.append(str(exc.status))

    threads = [threading.Thread(target=one) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=180)
    return outcomes


def _books(engine: Engine, case_id: str) -> TransferCase:
    with unit_of_work(make_sessionmaker(engine)) as session:
        case = session.get(TransferCase, case_id)
        assert case is not None
        assert case.escrow_balance_fen == escrow.balance(session, case_id) >= 0
        assert escrow.reconcile(session)["ok"]
        session.expunge(case)
        return case


def test_concurrent_payouts_pay_a_creditor_once(fresh_engine: Engine) -> None:
    case_id, creditors = _prepare(fresh_engine, "transferred")
    first, agreed = creditors[0]
    pay = PayoutIn(party_id=first, amount=Decimal(agreed) / 100, reference="PAY-RACE")
    outcomes = _race(
        fresh_engine, lambda s, p: service.payout(s, principal=p, case_id=case_id, data=pay)
    )
    assert sorted(outcomes) == ["422"] * (THREADS - 1) + ["ok"], outcomes
    case = _books(fresh_engine, case_id)
    assert case.price_fen - case.escrow_balance_fen == agreed


def test_concurrent_partial_payouts_never_exceed_the_agreement(fresh_engine: Engine) -> None:
    case_id, creditors = _prepare(fresh_engine, "transferred")
    first, agreed = creditors[0]
    # Each asks for 40 % of the agreed amount: at most two fit, the others are refused.
    part = PayoutIn(party_id=first, amount=Decimal(agreed * 4 // 10) / 100, reference="PAY-PART")
    outcomes = _race(
        fresh_engine, lambda s, p: service.payout(s, principal=p, case_id=case_id, data=part)
    )
    assert outcomes.count("ok") == 2 and outcomes.count("422") == THREADS - 2, outcomes
    case = _books(fresh_engine, case_id)
    assert case.price_fen - case.escrow_balance_fen == 2 * (agreed * 4 // 10) <= agreed


def test_concurrent_refunds_never_overdraw(fresh_engine: Engine) -> None:
    case_id, _ = _prepare(fresh_engine, "collapsed")
    # 1,000,000 CNY in escrow; each asks for 600,000: only one can be paid.
    refund = RefundIn(amount=Decimal("600000.00"), reference="REF-RACE")
    outcomes = _race(
        fresh_engine, lambda s, p: service.refund(s, principal=p, case_id=case_id, data=refund)
    )
    assert sorted(outcomes) == ["422"] * (THREADS - 1) + ["ok"], outcomes
    case = _books(fresh_engine, case_id)
    assert case.escrow_balance_fen == 40_000_000
