"""The p13 demo: built through the service from the seed's case, idempotent, every state of the
flow present, 2024 boxes under 41-22 and 2026 boxes under 42-24."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import SYSTEM, current_principal
from ftz.practices.nev_containers.demo import load_demo
from ftz.practices.nev_containers.models import Declaration


def test_demo_covers_the_flow_and_is_idempotent(session: Session) -> None:
    current_principal.set(SYSTEM)
    assert load_demo(session) == {"loaded": True, "boxes": 11, "vehicles": 25}
    assert load_demo(session) == {"loaded": False}
    by = dict(
        session.execute(select(Declaration.status, func.count()).group_by(Declaration.status)).all()
    )
    assert by == {"loaded": 7, "declared": 1, "rectifying": 1, "certified": 1, "reopened": 1}
    editions = dict(
        session.execute(
            select(Declaration.edition, func.count()).group_by(Declaration.edition)
        ).all()
    )
    assert editions == {"41-22": 7, "42-24": 4}
