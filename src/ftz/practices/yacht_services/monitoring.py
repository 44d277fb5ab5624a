"""The dispatch centre's and the marinas' views (调度中心, 码头监控): yachts out now with their
return alerts (rules/return_alert.json), reports about to depart, flagged reports awaiting an
officer, berth occupancy by marina; and the statistics against the seed's figures."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm import Session

from ftz.core.audit.service import list_events
from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.pagination import PageParams
from ftz.practices.yacht_services import repository
from ftz.practices.yacht_services.common import local, local_zone, marinas, rules, settings
from ftz.practices.yacht_services.models import Sailing, Transfer, Yacht


def _alert(sailing: Sailing, now: datetime) -> dict[str, Any]:
    overdue = int((now - sailing.return_at).total_seconds() // 60)
    decision = rules().evaluate(
        "return_alert.json", {"period": sailing.period, "minutes_overdue": overdue}
    )
    return {**decision.result, "minutes_overdue": overdue, "fired": decision.explanation()}


def dispatch(
    session: Session, *, principal: Principal, now: datetime | None = None
) -> dict[str, Any]:
    moment = now or utcnow()
    out = repository.rows(session, repository.sailing_query(principal, status="out"))
    upcoming = repository.rows(session, repository.sailing_query(
        principal, status="reported", since=moment - timedelta(hours=2),
        until=moment + timedelta(hours=24)))  # fmt: skip
    waiting = repository.rows(session, repository.sailing_query(principal, flagged=True).where(
        Sailing.disposition == "", Sailing.status != "cancelled").limit(50))  # fmt: skip
    yachts = repository.yachts_by_id(session, {s.yacht_id for s in out + upcoming + waiting})
    return {
        "now": moment,
        "out": [{"sailing": s, "yacht": yachts.get(s.yacht_id), "alert": _alert(s, moment)}
                for s in sorted(out, key=lambda s: s.return_at)],
        "upcoming": [{"sailing": s, "yacht": yachts.get(s.yacht_id)}
                     for s in sorted(upcoming, key=lambda s: s.depart_at)],
        "flagged": [{"sailing": s, "yacht": yachts.get(s.yacht_id)} for s in waiting],
    }  # fmt: skip


def berths(session: Session, *, principal: Principal) -> list[dict[str, Any]]:
    """Per marina: berths, yachts based there, out now, at berth and free (visible yachts)."""
    visible = repository.rows(session, repository.yacht_query(principal))
    based = Counter(y.home_port for y in visible)
    out_query = repository.sailing_query(principal, status="out").join(
        Yacht, Yacht.id == Sailing.yacht_id
    )
    away = Counter(
        y.home_port for y in session.scalars(out_query.with_only_columns(Yacht))
    )  # fmt: skip
    result = []
    for code, place in marinas().items():
        at_berth = based[code] - away[code]
        result.append({**place, "based": based[code], "out": away[code], "at_berth": at_berth,
                       "free": max(place["berths"] - at_berth, 0),
                       "occupancy_pct": round(100 * at_berth / place["berths"], 1)})  # fmt: skip
    return result


def statistics(session: Session, *, principal: Principal, year: int) -> dict[str, Any]:
    """Sailings, persons and night sailings by month of `year` (Sanya time), the fleet, and the
    transfers with their working days, each set beside the seed scaled to the demo."""
    zone = local_zone()
    start = datetime(year, 1, 1, tzinfo=zone)
    end = datetime(year + 1, 1, 1, tzinfo=zone)
    query = repository.sailing_query(principal, since=start, until=end).where(
        Sailing.status != "cancelled"
    )
    columns = query.with_only_columns(Sailing.depart_at, Sailing.passengers, Sailing.period,
                                      Sailing.flagged, Sailing.usage).order_by(None)  # fmt: skip
    months: dict[str, dict[str, int]] = {
        f"{year}-{m:02d}": {"sailings": 0, "passengers": 0, "night": 0, "night_passengers": 0,
                            "flagged": 0} for m in range(1, 13)}  # fmt: skip
    for depart_at, passengers, period, flagged, _usage in session.execute(columns):
        slot = months[local(depart_at).strftime("%Y-%m")]
        slot["sailings"] += 1
        slot["passengers"] += passengers
        slot["flagged"] += int(flagged)
        if period == "night":
            slot["night"] += 1
            slot["night_passengers"] += passengers
    totals = {key: sum(m[key] for m in months.values()) for key in next(iter(months.values()))}
    fleet = Counter(
        y.usage for y in repository.rows(session, repository.yacht_query(principal))
    )  # fmt: skip
    completed = repository.rows(session, repository.transfer_query(principal, status="completed"))
    done = [t for t in completed if t.completed_at and local(t.completed_at).year == year]
    days = [t.elapsed_working_days for t in done if t.elapsed_working_days is not None]
    seed, scale = settings()["seed"], int(settings()["demo_scale"])
    open_transfers = session.scalar(
        repository.transfer_query(principal).where(Transfer.status.in_(
            ("submitted", "consented", "accepted"))).with_only_columns(func.count()).order_by(None)
    )  # fmt: skip
    return {
        "year": year, "months": months, "totals": totals,
        "fleet": {"total": sum(fleet.values()), **fleet},
        "transfers": {"completed": len(done), "open": int(open_transfers or 0),
                      "mean_working_days": round(sum(days) / len(days), 1) if days else None,
                      "within_limit": sum(1 for t in done if t.sla == "met"),
                      "limit_working_days": seed["limit_working_days"],
                      "before_working_days": seed["before_working_days"]},
        "seed": seed, "scale": scale,
        "scaled_seed": {"yachts": round(seed["yachts"] / scale),
                        "sailings": round(seed["sailings"] / scale),
                        "visitors": round(seed["visitors"] / scale),
                        "night_pilot_visitors": round(seed["night_pilot_visitors"] / scale),
                        "transfers": round(seed["transfers"] / scale)},
    }  # fmt: skip


def history(session: Session, *, principal: Principal, entity_id: str) -> list[dict[str, Any]]:
    """The audit trail of one record, newest first (enterprises: events they own)."""
    found = list_events(session, principal=principal, entity_id=entity_id,
                        params=PageParams(page=1, size=100))  # fmt: skip
    return [{"at": e.occurred_at, "action": e.action, "actor": e.actor_username,
             "changes": e.changes,
             "summary": json.dumps(e.changes, ensure_ascii=False, default=str)}
            for e in found.items]  # fmt: skip
