"""The practice's figures from its own records, beside the seed's: per-container saving of the
one-box rail–road journey (926 CNY), clearance of a through truck (40 → 10 minutes), per-truck
saving (3,000 CNY), and the two-way loaded share with the empty kilometres it avoided."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.practices.china_vietnam_transport import repository
from ftz.practices.china_vietnam_transport.models import Multimodal, Trip
from ftz.practices.china_vietnam_transport.reference import settings

RUNNING = ("planned", "under_way", "held", "cleared")


def _scalar(session: Session, query: Any) -> float:
    return float(session.scalar(query) or 0)


def figures(session: Session, *, principal: Principal) -> dict[str, Any]:
    seed = settings()["seed"]
    trips = repository.scoped(select(Trip), Trip, principal).where(Trip.status.in_(RUNNING))
    sub = trips.subquery()
    count = int(_scalar(session, select(func.count()).select_from(sub)))
    cleared = select(sub.c.clearance_minutes).where(sub.c.clearance_minutes.is_not(None))
    minutes = _scalar(session, select(func.avg(cleared.subquery().c.clearance_minutes)))
    checked = int(_scalar(session, select(func.count()).select_from(cleared.subquery())))
    returns = select(func.count(), func.coalesce(func.sum(sub.c.distance_km), 0)).where(
        sub.c.outbound_id.is_not(None)
    )
    return_count, empty_km = session.execute(returns).one()
    loaded = int(_scalar(session, select(func.count()).where(sub.c.load_id.is_not(None))))
    green = int(_scalar(session, select(func.count()).where(sub.c.green_channel.is_(True))))
    held = int(_scalar(session, select(func.count()).where(sub.c.seal_verdict == "hold")))
    boxes = repository.scoped(select(Multimodal), Multimodal, principal).where(
        Multimodal.status.in_(("released", "delivered"))
    )
    released = int(_scalar(session, select(func.count()).select_from(boxes.subquery())))
    outbound = count - int(return_count)
    return {
        "trips": count,
        "loaded_trips": loaded,
        "return_trips": int(return_count),
        "two_way_share_pct": round(100 * int(return_count) / outbound, 1) if outbound else 0.0,
        "empty_km_avoided": round(float(empty_km), 1),
        "green_channel_trips": green,
        "held_for_seal": held,
        "checked_trips": checked,
        "clearance_minutes_avg": round(minutes, 1) if checked else None,
        "clearance_minutes_before": seed["clearance_minutes_before"],
        "clearance_minutes_target": seed["clearance_minutes_after"],
        "truck_saving_cny": count * seed["truck_saving_cny"],
        "containers_released": released,
        "container_saving_cny": released * seed["rail_saving_per_container_cny"],
        "seed": seed,
        "source": settings()["source"],
    }
