"""p18 demo: loads through the service in a few seconds, leaves cases in every kind of state,
balanced books, verified anchors and statistics computed from them; a second load changes
nothing."""

from __future__ import annotations

import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.sealed_transfer import anchors, escrow, views
from ftz.practices.sealed_transfer.demo import ensure_staff, load_demo
from ftz.practices.sealed_transfer.models import TransferCase


def test_demo_cases_books_and_statistics(session: Session) -> None:
    ensure_staff(session)  # the accounts first: argon2 hashing is not what is timed
    started = time.monotonic()
    loaded = load_demo(session)
    assert time.monotonic() - started < 20  # a few seconds on an idle machine
    assert loaded["loaded"] and loaded["cases"] == 14
    cases = list(session.scalars(select(TransferCase)))
    states = {c.status for c in cases}
    assert {
        "closed",
        "transferred",
        "contracted",
        "sale_approved",
        "settling",
        "on_file",
        "terminated",
        "unsuitable",
    } <= states
    assert all(anchors.verify(session, c)["ok"] for c in cases)
    assert escrow.reconcile(session)["ok"]
    stats = views.statistics(session, accounts.acting_as(session, "st.court"))
    assert stats["closed"] == 7 and stats["collapsed"] == 1
    assert stats["creditors_paid_in_full"] == stats["creditors_in_closed_cases"] > 0
    assert 25 <= stats["days_average"] <= 60 and stats["days_saved_total"] > 0
    assert 0.9 < stats["price_ratio"] < 1.1 and stats["cases_with_mortgage_loans"] >= 1
    assert stats["refunded"] > 0 and stats["held_in_escrow"] > 0
    assert 0 < views.statistics(session, accounts.acting_as(session, "st.buyer"))["cases"] < 14
    assert load_demo(session) == {"loaded": False}
