"""Statistics of the three reforms, per pilot unit and in all, from the records themselves:
units, achievements in the separate register, achievements transferred, transfers by mode,
promotions, cash income and rewards, the pool. Beside them, the seed's figures (case 15, as of
2025 Q1) and the demo's scale, so the proportions can be compared."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.practices.tech_transfer import repository
from ftz.practices.tech_transfer.common import settings, viewer_for, yuan
from ftz.practices.tech_transfer.models import (
    Achievement,
    Evaluation,
    Income,
    PilotUnit,
    Pool,
    Transfer,
)

REGISTERED = ("registered", "transferred")


def _count_by(session: Session, column: Any, *filters: Any) -> dict[str, int]:
    query = select(column, func.count()).where(*filters).group_by(column)
    return {str(k): int(n) for k, n in session.execute(query)}


def _sum_by(session: Session, column: Any, value: Any, *filters: Any) -> dict[str, int]:
    query = select(column, func.sum(value)).where(*filters).group_by(column)
    return {str(k): int(n or 0) for k, n in session.execute(query)}


def statistics(session: Session, *, principal: Principal) -> dict[str, Any]:
    viewer = viewer_for(session, principal)
    units = repository.rows(session, viewer, PilotUnit, order=(PilotUnit.joined_on,))
    ids = [u.org_id for u in units]
    within = Achievement.org_id.in_(ids)
    registered = _count_by(session, Achievement.org_id, within, Achievement.status.in_(REGISTERED))
    transferred = _count_by(
        session, Achievement.org_id, within, Achievement.status == "transferred"
    )
    promoted = _count_by(
        session, Evaluation.org_id, Evaluation.org_id.in_(ids), Evaluation.status == "promoted"
    )
    cash = (Income.org_id.in_(ids), Income.kind != "equity_grant")
    income = _sum_by(session, Income.org_id, Income.gross_fen, *cash)
    rewards = _sum_by(session, Income.org_id, Income.reward_fen, *cash)
    pools = _sum_by(session, Pool.org_id, Pool.balance_fen, Pool.org_id.in_(ids))
    modes: dict[str, dict[str, int]] = defaultdict(dict)
    query = (
        select(Transfer.org_id, Transfer.mode, func.count())
        .where(Transfer.org_id.in_(ids), Transfer.status == "contracted")
        .group_by(Transfer.org_id, Transfer.mode)
    )
    for org_id, mode, n in session.execute(query):
        modes[str(org_id)][str(mode)] = int(n)
    names = repository.org_names(session, set(ids))
    rows = [
        {
            "org_id": u.org_id,
            "name_zh": names[u.org_id].name_zh,
            "name_en": names[u.org_id].name_en,
            "kind": u.kind,
            "prefix": u.prefix,
            "registered": registered.get(u.org_id, 0),
            "transferred": transferred.get(u.org_id, 0),
            "transfers_by_mode": modes.get(u.org_id, {}),
            "promotions": promoted.get(u.org_id, 0),
            "income": yuan(income.get(u.org_id, 0)),
            "rewards": yuan(rewards.get(u.org_id, 0)),
            "pool": yuan(pools.get(u.org_id, 0)),
        }
        for u in units
    ]
    totals = {
        "pilot_units": len(units),
        "registered": sum(r["registered"] for r in rows),
        "transferred": sum(r["transferred"] for r in rows),
        "promotions": sum(r["promotions"] for r in rows),
        "income": sum((r["income"] for r in rows), Decimal(0)),
        "rewards": sum((r["rewards"] for r in rows), Decimal(0)),
        "pool": sum((r["pool"] for r in rows), Decimal(0)),
    }
    seed = settings()["seed"]
    ratio = {
        "transferred_of_registered": _ratio(totals["transferred"], totals["registered"]),
        "seed_transferred_of_registered": _ratio(seed["transferred"], seed["achievements"]),
        "registered_per_unit": _ratio(totals["registered"], totals["pilot_units"]),
        "seed_registered_per_unit": _ratio(seed["achievements"], seed["pilot_units"]),
    }
    return {
        "units": rows,
        "totals": totals,
        "seed": seed,
        "demo_scale": settings()["demo_scale"],
        "ratios": ratio,
        "scope": viewer.sees,
    }


def _ratio(a: int, b: int) -> Decimal:
    return (Decimal(a) / Decimal(b)).quantize(Decimal("0.001")) if b else Decimal(0)
