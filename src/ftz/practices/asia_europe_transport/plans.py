"""Saved reefer repositioning decisions: the optimal and the naive plan with the saving, kept
with the parameters' version so a decision can be re-read as it was taken."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ftz.core.audit.service import list_events
from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.pagination import PageParams
from ftz.practices.asia_europe_transport import periods, reefer, repository
from ftz.practices.asia_europe_transport.models import ReeferPlan
from ftz.practices.asia_europe_transport.schemas import ReeferIn


def compare(data: ReeferIn) -> dict[str, Any]:
    """The single-horizon or the multi-period comparison, whichever `data` asks for."""
    if data.periods is not None:
        rows = [p.model_dump() for p in data.periods]
        # Without `period_days`, each period is `horizon_days` long.
        period_days = data.period_days or data.horizon_days
        return periods.compare(period_days, rows)
    return reefer.compare(data.horizon_days, data.stock, data.demand)


def _totals(rows: list[dict[str, Any]], field: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for row in rows:
        for node, count in row.get(field, {}).items():
            found[node] = found.get(node, 0) + int(count)
    return found


def save(session: Session, *, principal: Principal, data: ReeferIn) -> ReeferPlan:
    found = compare(data)
    rows = found.get("periods")
    prefix = f"RP{utcnow().year}-"
    number = f"{prefix}{repository.count_numbers(session, ReeferPlan, prefix) + 1:05d}"
    made = ReeferPlan(
        number=number, org_id=principal.org_id, horizon_days=found["horizon_days"],
        stock=_totals(rows, "stock") if rows else data.stock,
        demand=_totals(rows, "demand") if rows else data.demand,
        period_days=found.get("period_days"), periods=rows,
        optimal=found["optimal"], naive=found["naive"],
        cost_cny=found["optimal"]["cost_cny"], naive_cost_cny=found["naive"]["cost_cny"],
        saving_cny=found["saving_cny"], parameters=found["parameters"], fired=found["fired"],
    )  # fmt: skip
    session.add(made)
    session.flush()
    return made


def history(session: Session, *, principal: Principal, entity_id: str) -> list[dict[str, Any]]:
    """The audit trail of one record, newest first (enterprises: events they own)."""
    found = list_events(session, principal=principal, entity_id=entity_id,
                        params=PageParams(page=1, size=100))  # fmt: skip
    return [{"at": e.occurred_at, "action": e.action, "actor": e.actor_username,
             "changes": e.changes} for e in found.items]  # fmt: skip
