"""The p20 demo: built through the services from the seed's case (five enterprises, fifteen
goods, about 48 million USD a year), idempotent, every state of both flows present, and the
metrics computed from its records."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.practices.two_stage_inspection import service
from ftz.practices.two_stage_inspection.demo import load_demo
from ftz.practices.two_stage_inspection.models import TsiInstruction, TsiPilot


def test_demo_covers_the_flows_and_is_idempotent(session: Session) -> None:
    current_principal.set(SYSTEM)
    assert load_demo(session) == {"loaded": True, "pilots": 7, "instructions": 10}
    assert load_demo(session) == {"loaded": False}
    pilots = dict(
        session.execute(select(TsiPilot.status, func.count()).group_by(TsiPilot.status)).all()
    )
    assert pilots == {"admitted": 5, "refused": 1, "revoked": 1}
    by = dict(
        session.execute(
            select(TsiInstruction.status, func.count()).group_by(TsiInstruction.status)
        ).all()
    )
    assert by == {"closed": 7, "routed": 1, "issued": 1, "port_inspection": 1}
    data = service.dashboard(session, principal=SYSTEM)
    assert data["enterprises_admitted"] == 5 and data["goods_filed"] == 15
    assert data["filed_annual_value_usd"] == "49600000.00"
    # seven batches routed after the external check the same or the next working day
    assert data["two_stage_batches"] == 7 and data["days_saved_total"] == 10
    assert data["port_days_full"] == 3  # the escalated batch: three working days at the port
