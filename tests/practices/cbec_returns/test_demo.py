"""p08 demo: loads through the service, spreads approved returns over several customs
districts and months, reconciles, and a second load changes nothing."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ftz.core.auth import service as auth
from ftz.practices.cbec_returns import accounts, repository
from ftz.practices.cbec_returns.demo import OFFICER, load_demo


def test_demo_fills_the_statistics(session: Session) -> None:
    loaded = load_demo(session)  # its speed is for `ftz demo load` to show, not a test
    assert loaded["loaded"] and loaded["lists"] >= 300 and loaded["returns"] >= 150
    rows = repository.statistics(session, auth.acting_as(session, OFFICER))
    assert len({r["customs_code"] for r in rows}) >= 4 and len({r["month"] for r in rows}) >= 5
    assert sum(r["tickets"] for r in rows) == loaded["approved"]
    items = sum(r["items"] for r in rows)
    assert 1.1 < items / loaded["approved"] < 1.4  # the seed's 261,300 / 207,800 ≈ 1.26
    assert repository.returns(session, auth.acting_as(session, OFFICER), "requested")
    assert accounts.reconcile(session)["ok"]
    assert load_demo(session) == {"loaded": False}
