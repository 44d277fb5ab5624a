"""Judging a sailing: the period by rules/night_period.json (in Sanya local time), the
night-navigation zone serving the departure marina, the route's or the track's excursions out
of that zone (domain/geo, exact along each leg), and the flags of rules/sailing_flags.json with
the rows that fired. The same function judges the report when it is filed and again when the
track arrives, so the officer always sees the latest evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from ftz.domain.geo import Excursion, Track, excursions, timed_route
from ftz.practices.yacht_services import zones
from ftz.practices.yacht_services.common import local, rules
from ftz.practices.yacht_services.models import Yacht

MINUTES_PER_DAY = 24 * 60


@dataclass
class Assessment:
    period: str
    zone: zones.ZoneInForce | None
    excursions: list[dict[str, Any]]
    flags: list[str]
    fired: list[dict[str, Any]] = field(default_factory=list)


def minutes(depart_at: datetime, return_at: datetime) -> tuple[int, int]:
    """Departure and return in minutes from local midnight of the departure day."""
    start = local(depart_at)
    midnight = start.replace(hour=0, minute=0, second=0, microsecond=0)
    return (
        start.hour * 60 + start.minute,
        int((local(return_at) - midnight).total_seconds() // 60),
    )


def period_of(depart_at: datetime, return_at: datetime) -> tuple[str, list[dict[str, Any]]]:
    depart_minute, return_minute = minutes(depart_at, return_at)
    decision = rules().evaluate(
        "night_period.json", {"depart_minute": depart_minute, "return_minute": return_minute}
    )
    return str(decision.result["period"]), decision.explanation()


def describe(found: list[Excursion]) -> list[dict[str, Any]]:
    """Excursions as stored and shown: UTC times plus Sanya local times for people."""
    described = []
    for excursion in found:
        body = excursion.as_dict()
        for key in ("from", "to", "left_at", "returned_at"):
            if body[key] is not None:
                moment = datetime.fromisoformat(body[key].replace("Z", "+00:00"))
                body[f"{key}_local"] = local(moment).strftime("%Y-%m-%d %H:%M:%S")
        described.append(body)
    return described


def assess(
    session: Session,
    *,
    yacht: Yacht,
    marina: str,
    depart_at: datetime,
    return_at: datetime,
    persons: int,
    lookout_aboard: bool,
    route: list[list[float]],
    lead_minutes: int,
    track: Track | None = None,
    max_gap_s: float = float("inf"),
) -> Assessment:
    period, period_rows = period_of(depart_at, return_at)
    zone = zones.for_marina(session, marina, local(depart_at).date())
    found: list[Excursion] = []
    if zone is not None:
        path = track or timed_route(route, depart_at.timestamp(), return_at.timestamp())
        found = excursions(path, zone.zone, max_gap_s)
    gap_minutes = 0.0
    if track is not None and len(track) > 1:
        gap_minutes = float(track.legs_s.max()) / 60.0
    facts = {
        "usage": yacht.usage, "period": period, "left_zone": bool(found),
        "zone_found": zone is not None, "rental_filed": yacht.rental_filed,
        "night_certified": yacht.night_certified, "lookout_aboard": lookout_aboard,
        "spare_seats": yacht.capacity - persons, "lead_minutes": lead_minutes,
        "max_gap_minutes": round(gap_minutes, 2),
    }  # fmt: skip
    decision = rules().evaluate("sailing_flags.json", facts)
    flags = [str(row["flag"]) for row in decision.result]
    return Assessment(period=period, zone=zone, excursions=describe(found), flags=flags,
                      fired=period_rows + decision.explanation())  # fmt: skip
