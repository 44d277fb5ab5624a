"""Tracks of a sailing (GPS/AIS export as CSV or GeoJSON, times without an offset read as Sanya
local time). The track is checked against the zone the report used; the report's flags are
judged again with the track's excursions and gaps instead of the planned route, so a yacht that
filed a compliant route but sailed out of the zone is flagged with the segment and the time."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Literal

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden
from ftz.domain.geo import read_track_csv, read_track_geojson
from ftz.practices.yacht_services import repository
from ftz.practices.yacht_services.assessment import assess
from ftz.practices.yacht_services.common import anchor, local_zone, settings
from ftz.practices.yacht_services.models import Sailing, Track, Yacht

TrackFormat = Literal["csv", "geojson"]
SLACK = timedelta(hours=2)  # fixes may start before departure and end after arrival


def submit(
    session: Session, *, principal: Principal, sailing_id: str, text: str, fmt: TrackFormat
) -> Track:
    sailing = repository.get(session, principal, Sailing, sailing_id)
    if not principal.is_enterprise:
        raise forbidden("the yacht's owner submits the track")
    if sailing.status not in ("out", "arrived"):
        raise conflict("a track is submitted once the yacht has departed")
    if repository.track_of(session, sailing.id) is not None:
        raise conflict("this sailing already has a track")
    reader = read_track_csv if fmt == "csv" else read_track_geojson
    track = reader(text, default_tz=local_zone())
    start = datetime.fromtimestamp(float(track.t[0]), UTC)
    end = datetime.fromtimestamp(float(track.t[-1]), UTC)
    if start < sailing.depart_at - SLACK or end > sailing.return_at + timedelta(hours=24):
        raise conflict("the track's times do not belong to this sailing")
    yacht = session.get(Yacht, sailing.yacht_id)
    assert yacht is not None
    max_gap = float(settings()["max_track_gap_s"])
    lead = int((sailing.depart_at - sailing.created_at).total_seconds() // 60)
    judged = assess(session, yacht=yacht, marina=sailing.marina, depart_at=sailing.depart_at,
                    return_at=sailing.return_at, persons=sailing.passengers + sailing.crew,
                    lookout_aboard=sailing.lookout_aboard, route=sailing.route,
                    lead_minutes=lead, track=track, max_gap_s=max_gap)  # fmt: skip
    summary = track.summary(max_gap)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    row = Track(
        sailing_id=sailing.id, org_id=sailing.org_id, points=len(track), started_at=start,
        ended_at=end, distance_m=summary["distance_m"], max_speed_kn=summary["max_speed_kn"],
        max_gap_s=summary["max_gap_s"], feature=track.feature({"sailing": sailing.number}),
        excursions=judged.excursions, sha256=digest,
    )  # fmt: skip
    # The report now carries the evidence of the voyage as sailed.
    sailing.excursions, sailing.flags, sailing.fired = (judged.excursions, judged.flags,
                                                        judged.fired)  # fmt: skip
    sailing.flagged = bool(judged.flags)
    session.add(row)
    session.flush()
    entry = {"type": "yacht_services.track", "sailing": sailing.number, "sha256": digest,
             "points": len(track), "flags": judged.flags,
             "excursions": [[e["from"], e["to"]] for e in judged.excursions]}  # fmt: skip
    row.ledger_index = anchor(session, entry, f"ys-track:{row.id}")
    session.flush()
    return row
