"""p16 API: sailing reports with their flags, departure and arrival, the border check's
passenger pre-declaration, the officer's review, and the track as sailed."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError, not_found, validation_error
from ftz.core.kit.pagination import PageParams, page_params
from ftz.practices.yacht_services import export, monitoring, repository, sailings, tracks
from ftz.practices.yacht_services.api_common import DB, READ, REPORT, REVIEW
from ftz.practices.yacht_services.common import local_zone
from ftz.practices.yacht_services.models import Sailing
from ftz.practices.yacht_services.schemas import (
    BorderDecisionIn,
    PassengerOut,
    ReviewIn,
    SailingEventIn,
    SailingIn,
    SailingOut,
    SailingPage,
    TrackOut,
)

router = APIRouter()
STATUS = Query(None, pattern="^(reported|out|arrived|cancelled)$")
PERIOD = Query(None, pattern="^(day|night|outside_window|after_curfew)$")
MAX_TRACK_BYTES = 20 * 1024 * 1024


def _query(who: Principal, *, day_from: date | None, day_to: date | None, **given: Any) -> Any:
    """Days are Sanya calendar days: from 00:00 of `day_from` to the end of `day_to`."""
    zone = local_zone()
    since = datetime.combine(day_from, time.min, zone) if day_from else None
    until = datetime.combine(day_to, time.max, zone) if day_to else None
    return repository.sailing_query(who, since=since, until=until, **given)


@router.get("/sailings", response_model=SailingPage)
def list_sailings(
    status: str | None = STATUS,
    flagged: bool | None = None,
    period: str | None = PERIOD,
    marina: str | None = Query(None, max_length=16),
    yacht_id: str | None = Query(None, max_length=26),
    day_from: date | None = None,
    day_to: date | None = None,
    q: str | None = Query(None, max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> SailingPage:
    query = _query(who, status=status, flagged=flagged, period=period, marina=marina,
                   yacht_id=yacht_id, day_from=day_from, day_to=day_to, text=q)  # fmt: skip
    found = repository.page(session, query, params)
    items = [SailingOut.model_validate(s) for s in found.items]
    return SailingPage(items=items, total=found.total, page=found.page, size=found.size)


@router.get("/sailings.csv", response_class=Response)
def sailings_csv(
    status: str | None = STATUS, flagged: bool | None = None, period: str | None = PERIOD,
    day_from: date | None = None, day_to: date | None = None, session: Session = DB,
    who: Principal = READ,
) -> Response:  # fmt: skip
    query = _query(who, status=status, flagged=flagged, period=period, day_from=day_from,
                   day_to=day_to)  # fmt: skip
    return export.csv_response(repository.rows(session, query), export.SAILING_COLUMNS,
                               "p16-sailings.csv")  # fmt: skip


@router.post("/sailings", response_model=SailingOut, status_code=201)
def file_sailing(body: SailingIn, session: Session = DB, who: Principal = REPORT) -> SailingOut:
    """A sailing report; the answer carries the period, the zone, the route's excursions out of
    the zone (segment and times) and the flags with the rule rows that fired."""
    return SailingOut.model_validate(sailings.file(session, principal=who, data=body))


@router.get("/sailings/{sailing_id}", response_model=SailingOut)
def get_sailing(sailing_id: str, session: Session = DB, who: Principal = READ) -> SailingOut:
    return SailingOut.model_validate(repository.get(session, who, Sailing, sailing_id))


@router.post("/sailings/{sailing_id}/events", response_model=SailingOut)
def sailing_event(
    sailing_id: str, body: SailingEventIn, session: Session = DB, who: Principal = REPORT
) -> SailingOut:
    made = sailings.act(session, principal=who, sailing_id=sailing_id, data=body)
    return SailingOut.model_validate(made)


@router.get("/sailings/{sailing_id}/passengers", response_model=list[PassengerOut])
def passengers(sailing_id: str, session: Session = DB, who: Principal = READ) -> Any:
    """Declared passengers (the owner and the border check only); document numbers appear only
    as their last four characters."""
    sailing = repository.get(session, who, Sailing, sailing_id)
    found = repository.passengers(session, who, sailing)
    if found is None:
        raise FtzError(detail="passenger data is for the border check and the owner", status=403,
                       title="Forbidden", type_slug="forbidden")  # fmt: skip
    return [PassengerOut.model_validate(p) for p in found]


@router.post("/sailings/{sailing_id}/border", response_model=SailingOut)
def border_decision(
    sailing_id: str, body: BorderDecisionIn, session: Session = DB, who: Principal = REVIEW
) -> SailingOut:
    made = sailings.border_decision(session, principal=who, sailing_id=sailing_id, data=body)
    return SailingOut.model_validate(made)


@router.post("/sailings/{sailing_id}/review", response_model=SailingOut)
def review(
    sailing_id: str, body: ReviewIn, session: Session = DB, who: Principal = REVIEW
) -> SailingOut:
    made = sailings.review(session, principal=who, sailing_id=sailing_id, data=body)
    return SailingOut.model_validate(made)


@router.post("/sailings/{sailing_id}/track", response_model=TrackOut, status_code=201)
async def submit_track(
    sailing_id: str, request: Request, session: Session = DB, who: Principal = REPORT
) -> TrackOut:
    """The track as sailed: `text/csv` (time, lon, lat) or GeoJSON (`application/geo+json`)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip()
    formats = {"text/csv": "csv", "application/geo+json": "geojson", "application/json": "geojson"}
    if kind not in formats:
        raise validation_error("content-type", "send text/csv or application/geo+json")
    body = await request.body()
    if len(body) > MAX_TRACK_BYTES:
        raise validation_error("track", "larger than 20 MB")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise validation_error("track", "not UTF-8 text") from exc
    made = tracks.submit(session, principal=who, sailing_id=sailing_id, text=text,
                         fmt=formats[kind])  # type: ignore[arg-type]  # fmt: skip
    return TrackOut.model_validate(made)


@router.get("/sailings/{sailing_id}/track", response_model=dict[str, Any])
def get_track(sailing_id: str, session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    sailing = repository.get(session, who, Sailing, sailing_id)
    found = repository.track_of(session, sailing.id)
    if found is None:
        raise not_found("track")
    return {**TrackOut.model_validate(found).model_dump(mode="json"), "feature": found.feature}


@router.get("/sailings/{sailing_id}/history", response_model=list[dict[str, Any]])
def sailing_history(
    sailing_id: str, session: Session = DB, who: Principal = READ
) -> list[dict[str, Any]]:
    repository.get(session, who, Sailing, sailing_id)
    return monitoring.history(session, principal=who, entity_id=sailing_id)
