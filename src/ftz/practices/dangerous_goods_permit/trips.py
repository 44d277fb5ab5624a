"""Trips: the carrier plans each entry with the station it chose (so the route: A or B), the
driver and the tonnage; the carrier or the escorting officer submits the vehicle's track, which
is judged against the permit (compliance.py). The trip's points then count towards the driver's
and the enterprise's 12-month totals; a total past the rule table's threshold lists the driver
or the enterprise and reports it to the transport authority, with the rule row and a ledger
entry. A listed driver or enterprise can plan no further trip."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.models import Organization
from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.workflow import fire
from ftz.domain.geo import read_track_csv, read_track_geojson
from ftz.practices.dangerous_goods_permit import repository
from ftz.practices.dangerous_goods_permit.common import (
    anchor,
    local,
    local_zone,
    require_department,
    rules,
    settings,
)
from ftz.practices.dangerous_goods_permit.compliance import Terms, check
from ftz.practices.dangerous_goods_permit.models import Blacklisting, Permit, Trip
from ftz.practices.dangerous_goods_permit.permissions import POLICE, TRANSPORT
from ftz.practices.dangerous_goods_permit.schemas import TrackIn, TripIn
from ftz.practices.dangerous_goods_permit.workflow import TripFlow

SLACK = timedelta(hours=12)  # a track may start this long before or after the planned entry


def _next_number(session: Session, permit: Permit) -> str:
    count = session.scalar(select(func.count()).where(Trip.permit_id == permit.id)) or 0
    return f"{permit.number}-T{count + 1:03d}"


def may_operate(session: Session, subject: str, key: str) -> None:
    entry = repository.listed(session, subject, key)
    if entry is not None:
        field = "driver_licence" if subject == "driver" else "permit_id"
        raise validation_error(
            field,
            f"{subject} blacklisted on {entry.listed_at:%Y-%m-%d} "
            f"({entry.points} points): no further trips",
        )


def plan(session: Session, *, principal: Principal, data: TripIn) -> Trip:
    if not principal.is_enterprise:
        raise forbidden("the carrier plans its trips")
    permit = repository.get(session, principal, Permit, data.permit_id)
    if permit.status != "active":
        raise conflict(f"permit {permit.number} is {permit.status}")
    day = local(data.entry_at).date() if data.entry_at.tzinfo else data.entry_at.date()
    if not permit.valid_from <= day <= permit.valid_to:
        raise validation_error(
            "entry_at", f"the permit is valid {permit.valid_from} to {permit.valid_to}"
        )
    may_operate(session, "enterprise", permit.org_id)
    may_operate(session, "driver", data.driver_licence.upper())
    entry_at = data.entry_at if data.entry_at.tzinfo else data.entry_at.replace(tzinfo=local_zone())
    trip = Trip(
        number=_next_number(session, permit),
        permit_id=permit.id,
        org_id=permit.org_id,
        station=data.station,
        driver_name=data.driver_name,
        driver_licence=data.driver_licence.upper(),
        tonnes=data.tonnes,
        entry_at=entry_at,
        status="planned",
        violations=[],
        summary={},
    )
    session.add(trip)
    session.flush()
    return trip


def cancel(session: Session, *, principal: Principal, trip_id: str) -> Trip:
    trip = repository.get(session, principal, Trip, trip_id)
    fire(session, TripFlow, trip, "cancel", principal=principal, owner_org_id=trip.org_id)
    return trip


def read_track(data: TrackIn) -> Any:
    reader = read_track_csv if data.format == "csv" else read_track_geojson
    return reader(data.text, default_tz=local_zone())


def submit_track(session: Session, *, principal: Principal, trip_id: str, data: TrackIn) -> Trip:
    trip = repository.get(session, principal, Trip, trip_id)
    if not principal.is_enterprise:
        require_department(principal, TRANSPORT, POLICE)  # the escort
    if trip.status != "planned":
        raise conflict(f"trip {trip.number} is {trip.status}")
    track = read_track(data)
    start = float(track.t[0])
    if abs(start - trip.entry_at.timestamp()) > SLACK.total_seconds():
        raise validation_error("text", "the track does not start near the planned entry time")
    permit = session.get(Permit, trip.permit_id)
    assert permit is not None
    verdict = check(track, Terms.of(permit), trip.station)
    digest = hashlib.sha256(data.text.encode("utf-8")).hexdigest()
    trip.compliant, trip.route_followed = verdict["compliant"], verdict["route"]
    trip.violations, trip.points, trip.summary = (
        verdict["violations"],
        verdict["points"],
        verdict["summary"],
    )
    trip.track = track.feature({"trip": trip.number})
    trip.track_sha256, trip.checked_at = digest, utcnow()
    fire(session, TripFlow, trip, "check", principal=principal, owner_org_id=trip.org_id)
    entry = {
        "type": "dangerous_goods_permit.track",
        "trip": trip.number,
        "sha256": digest,
        "compliant": trip.compliant,
        "points": trip.points,
        "violations": [[v["type"], v["from"], v["to"], v["points"]] for v in trip.violations],
    }
    trip.ledger_index = anchor(session, entry, f"dg-trip:{trip.id}")
    session.flush()
    if trip.points:
        _accumulate(session, trip)
    return trip


def totals(session: Session, *, subject: str, key: str) -> int:
    """Points in the scoring period, over every carrier (a driver may change employer)."""
    since = utcnow() - timedelta(days=int(settings()["scoring_days"]))
    column = Trip.driver_licence if subject == "driver" else Trip.org_id
    found = session.scalar(
        select(func.coalesce(func.sum(Trip.points), 0)).where(
            column == key, Trip.status == "checked", Trip.checked_at >= since
        )
    )
    return int(found or 0)


def standing(session: Session, subject: str, key: str) -> dict[str, Any]:
    points = totals(session, subject=subject, key=key)
    decision = rules().evaluate("blacklist.json", {"subject": subject, "points": points})
    return {"points": points, **decision.result, "fired": decision.explanation()}


def _accumulate(session: Session, trip: Trip) -> None:
    org = session.get(Organization, trip.org_id)
    subjects = (
        ("driver", trip.driver_licence, trip.driver_name),
        ("enterprise", trip.org_id, org.name_zh if org else trip.org_id),
    )
    for subject, key, name in subjects:
        now = standing(session, subject, key)
        if now["may_operate"] or repository.listed(session, subject, key) is not None:
            continue
        entry = Blacklisting(
            subject=subject,
            subject_key=key,
            subject_name=name,
            org_id=trip.org_id,
            points=now["points"],
            trip_id=trip.id,
            fired=now["fired"],
            reported_to=now["notify"],
            listed_at=utcnow(),
        )
        session.add(entry)
        session.flush()
        notice = {
            "type": "dangerous_goods_permit.blacklist",
            "subject": subject,
            "key_sha256": hashlib.sha256(key.encode()).hexdigest(),
            "points": now["points"],
            "trip": trip.number,
            "rule": now["fired"][0]["row_id"],
            "reported_to": now["notify"],
        }
        entry.ledger_index = anchor(session, notice, f"dg-blacklist:{entry.id}")
        session.flush()
