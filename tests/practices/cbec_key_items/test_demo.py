"""The p22 demo: built through the service from the seed's case, idempotent, with released,
cleared, violation and waiting declarations and one warning on the forwarder's credit."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.practices.cbec_key_items.demo import load_demo
from ftz.practices.cbec_key_items.models import KeyItemCredit, KeyItemDeclaration


def test_demo_covers_the_flow_and_is_idempotent(session: Session) -> None:
    current_principal.set(SYSTEM)
    assert load_demo(session) == {"loaded": True, "declarations": 6, "lines": 27}
    assert load_demo(session) == {"loaded": False}
    by = dict(
        session.execute(
            select(KeyItemDeclaration.status, func.count()).group_by(KeyItemDeclaration.status)
        ).all()
    )
    assert by == {"released": 3, "violation": 1, "cleared": 1, "inspection": 1}
    [credit] = session.scalars(select(KeyItemCredit)).all()
    assert (credit.measure, credit.railway_grade, credit.violations) == ("warning", "B", 1)
