"""The p23 demo loads through the services in the seed's proportions: 45 signed projects with
150亿元 of funds in place in the Kunming area, 28 with 52亿元 contracted in Mohan, 17 intentions
over 6.6亿元; the statistics over it are balanced (regions' sum − overlap = roll-up) and a
second load adds nothing."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth import service as accounts
from ftz.practices.industry_transfer import dashboard, statistics
from ftz.practices.industry_transfer.demo import load_demo
from ftz.practices.industry_transfer.models import IndicatorReport, TransferProject


def test_demo_in_the_seeds_proportions(session: Session, it_tokens: dict[str, str]) -> None:
    summary = load_demo(session)
    assert summary == {
        "loaded": True,
        "projects": 90,
        "indicator_reports": summary["indicator_reports"],
    }
    assert summary["indicator_reports"] > 100
    officer = accounts.acting_as(session, "it.stats")
    board = dashboard.dashboard(session, principal=officer)
    seed = {row["id"]: row for row in board["seed"]}
    assert all(row["matches"] for row in seed.values()), seed
    assert seed["kunming_signed"]["records_projects"] == 45
    assert seed["kunming_signed"]["records_amount"] == Decimal(15_000_000_000)
    assert seed["mohan_signed"]["records_projects"] == 28
    assert seed["mohan_signed"]["records_amount"] == Decimal(5_200_000_000)
    assert seed["mohan_intentions"]["records_amount"] > Decimal(660_000_000)
    nation = statistics.rollup(session, principal=officer, scope_region="CN")
    assert nation["balanced"] and nation["projects"] == 73 and nation["overlaps"]
    yunnan = statistics.rollup(session, principal=officer, scope_region="53")
    assert yunnan["balanced"] and any(o["code"].startswith("MH-") for o in yunnan["overlaps"])
    assert Decimal(yunnan["total"]["actual_investment"]) == Decimal(
        nation["total"]["actual_investment"]
    )
    assert load_demo(session) == {"loaded": False}
    assert session.scalar(select(func.count()).select_from(TransferProject)) == 90
    reports = session.scalars(select(IndicatorReport)).all()
    assert all(r.fired and r.ledger_index >= 0 for r in reports)
