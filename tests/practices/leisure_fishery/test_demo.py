"""The p17 demo loads through the service in the seed's proportions: the 500 planned vessels as
the quota, statistics summing to 47.83亿元 and 16 million visitors with the seed's growth rates,
70 key projects of nearly 600亿元, flagged reports waiting for the officer; a second load adds
nothing, and the indicator ledger reconciles."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.leisure_fishery import indicators, statistics
from ftz.practices.leisure_fishery.demo import load_demo
from ftz.practices.leisure_fishery.demo_data import apportion
from ftz.practices.leisure_fishery.models import CatchReport, Vessel
from ftz.practices.leisure_fishery.reference import today


def test_demo_in_the_seeds_proportions(session: Session) -> None:
    summary = load_demo(session)
    assert summary["loaded"] and summary["vessels"] == 120
    assert 0 < summary["flagged"] < summary["catch_reports"] / 2
    officer = accounts.acting_as(session, "lf.officer")
    board = statistics.board(session, officer, 2024)
    current = board["current"]
    assert (current["output_wan"], current["visitors"]) == (478_300, 16_000_000)
    assert (current["output_growth_pct"], current["visitors_growth_pct"]) == (19.22, 20.81)
    assert current["areas"] == 19
    registry = board["registry"]
    assert registry["key_projects"] == 70
    assert 5_900_000 <= registry["key_projects_investment_wan"] < 6_000_000
    assert registry["awaiting_review"] > 0 and registry["active_licences"] > 80
    year = indicators.summary(session, today().year)
    assert year["quota"]["vessels"] == 500 and year["unallocated"]["vessels"] == 60
    assert sum(a["used"]["vessels"] for a in year["areas"]) == registry["active_licences"]
    assert indicators.reconcile(session)["ok"]
    assert load_demo(session) == {"loaded": False}
    assert session.scalar(select(func.count()).select_from(Vessel)) == 120
    flagged = session.scalars(select(CatchReport).where(CatchReport.flagged.is_(True))).all()
    assert all(r.why and all(w["citation"] for w in r.why) for r in flagged)


def test_apportion_adds_up_exactly() -> None:
    parts = apportion(478_300, {"a": 270, "b": 170, "c": 5, "d": 555})
    assert sum(parts.values()) == 478_300 and parts["a"] == 129_141
