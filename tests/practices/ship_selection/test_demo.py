"""The p07 demo in the seed's figures: 1,200 calls of 2024 saving about 1.16 × 10⁸ CNY (about
4 h each), 14 improper charters avoided, and live grain calls in every state."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from ftz.core.auth.principal import SYSTEM
from ftz.practices.ship_selection import berths
from ftz.practices.ship_selection.demo import load_demo


def test_demo_in_the_seeds_figures(session: Session) -> None:
    summary = load_demo(session)
    assert summary["loaded"] is True and summary["ships"] == 25
    assert load_demo(session) == {"loaded": False}
    stats = berths.statistics(session, principal=SYSTEM)
    assert stats["calls_completed"] == 1200
    assert stats["improper_charters_avoided"] == 14
    assert abs(Decimal(stats["cost_saved_cny"]) - Decimal(116_000_000)) < Decimal(3_000_000)
    assert Decimal("3.7") < Decimal(stats["average_hours_saved"]) <= Decimal(4)
    assert set(stats["ratings"]) >= {"recommended", "caution", "not_recommended"}
