"""p18 demo: a Jinan court, notary office and registration centre (fictional, marked 演示),
a bank, a debtor company and a buyer with accounts, and fourteen sealed-property cases replayed
through the service at their historic dates: seven closed (some bought with a mortgage loan),
one paying out, one paying into escrow, one approved, one settling, one awaiting screening, one
whose sale collapsed (refunded, still sealed) and one found unsuitable. Seed case 18 gives no
figures, so sizes are illustrative: Jinan housing at 1.1–4.2 million CNY, prices 92–104 % of
the appraisal, settled in 30–50 days."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.sealed_transfer import clock, service
from ftz.practices.sealed_transfer.demo_replay import Replay, case_body, run_case
from ftz.practices.sealed_transfer.demo_staff import (
    BANK,
    BUYER,
    COURT,
    DEBTOR,
    NOTARY,
    NOTARY_OFFICE,
    PLAN,
    REGISTRY,
    ensure_staff,
    uscc_of,
)
from ftz.practices.sealed_transfer.models import TransferCase

__all__ = ["NOTARY_OFFICE", "ensure_staff", "load_demo", "uscc_of"]


def load_demo(session: Session) -> dict[str, Any]:
    ensure_staff(session)
    if session.scalar(select(TransferCase.id).where(TransferCase.number == "(2024)鲁0102执1001号")):
        return {"loaded": False}
    people = {
        u: accounts.acting_as(session, u) for u in (COURT, NOTARY, REGISTRY, BANK, DEBTOR, BUYER)
    }
    rng = random.Random(18)
    today = clock.today()
    n, by_state = 0, dict[str, int]()
    for target, count in PLAN:
        for k in range(count):
            n += 1
            days_ago = 60 + 70 * k if target == "closed" else (8 if target == "on_file" else 45)
            screened = today - timedelta(days=days_ago)
            start = datetime.combine(screened - timedelta(days=2), time(9), tzinfo=clock.LOCAL)
            replay = Replay(session, people, start, rng)
            case = replay.at(0, COURT, service.create_case, data=case_body(n, rng, screened))
            run_case(replay, case, target, n)
            by_state[target] = by_state.get(target, 0) + 1
    return {"loaded": True, "cases": n, "by_state": by_state}
