"""p25 API: permits (issue, edit, revoke, CSV, history), trips with the chosen station, the
track check with its violations and points, the points board and blacklist, the station queue."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.pagination import PageParams, page_params
from ftz.practices.dangerous_goods_permit import permits, queue, repository, trips, views
from ftz.practices.dangerous_goods_permit.api_common import DB, ISSUE, OPERATE, READ, TRACK
from ftz.practices.dangerous_goods_permit.common import local, stations
from ftz.practices.dangerous_goods_permit.compliance import Terms, check
from ftz.practices.dangerous_goods_permit.models import Permit, Trip
from ftz.practices.dangerous_goods_permit.schemas import (
    BlacklistingOut,
    CheckOut,
    PermitIn,
    PermitOut,
    PermitPage,
    TermsIn,
    TrackIn,
    TripIn,
    TripOut,
    TripPage,
)

router = APIRouter()
PERMIT_STATUS = Query(None, pattern="^(active|revoked)$")
TRIP_STATUS = Query(None, pattern="^(planned|checked|cancelled)$")
STATION = Query(None, pattern="^(A|B)$")


class RevokeIn(BaseModel):
    note: str = Field(min_length=1, max_length=2000)


@router.get("/stations", response_model=dict[str, Any])
def list_stations(who: Principal = READ) -> dict[str, Any]:
    return {"stations": list(stations().values())}


@router.get("/queue", response_model=dict[str, Any])
def station_queue(
    day: date | None = None, session: Session = DB, who: Principal = READ
) -> dict[str, Any]:
    """Each station's vehicles, waits and fees for a day, against one single station."""
    return queue.day_view(session, principal=who, day=day or local(utcnow()).date())


@router.get("/permits", response_model=PermitPage)
def list_permits(
    status: str | None = PERMIT_STATUS,
    q: str | None = Query(None, max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> PermitPage:
    found = repository.page(session, repository.permit_query(who, text=q, status=status), params)
    return PermitPage.of(found, [PermitOut.model_validate(p) for p in found.items])


@router.get("/permits.csv", response_class=Response)
def permits_csv(
    status: str | None = PERMIT_STATUS, session: Session = DB, who: Principal = READ
) -> Response:
    found = repository.rows(session, repository.permit_query(who, status=status))
    return views.csv_response(found, views.PERMIT_COLUMNS, "p25-permits.csv")


@router.post("/permits", response_model=PermitOut, status_code=201)
def issue_permit(body: PermitIn, session: Session = DB, who: Principal = ISSUE) -> PermitOut:
    return PermitOut.model_validate(permits.issue(session, principal=who, data=body))


@router.get("/permits/{permit_id}", response_model=PermitOut)
def get_permit(permit_id: str, session: Session = DB, who: Principal = READ) -> PermitOut:
    return PermitOut.model_validate(repository.get(session, who, Permit, permit_id))


@router.patch("/permits/{permit_id}", response_model=PermitOut)
def edit_permit(
    permit_id: str, body: TermsIn, session: Session = DB, who: Principal = ISSUE
) -> PermitOut:
    made = permits.edit(session, principal=who, permit_id=permit_id, data=body)
    return PermitOut.model_validate(made)


@router.post("/permits/{permit_id}/revoke", response_model=PermitOut)
def revoke_permit(
    permit_id: str, body: RevokeIn, session: Session = DB, who: Principal = ISSUE
) -> PermitOut:
    made = permits.revoke(session, principal=who, permit_id=permit_id, note=body.note)
    return PermitOut.model_validate(made)


@router.post("/permits/{permit_id}/check-track", response_model=CheckOut)
def check_track(
    permit_id: str, body: TrackIn, session: Session = DB, who: Principal = READ
) -> CheckOut:
    """A track judged against the permit without recording anything (a trial check)."""
    permit = repository.get(session, who, Permit, permit_id)
    return CheckOut.model_validate(check(trips.read_track(body), Terms.of(permit)))


@router.get("/permits/{permit_id}/history", response_model=list[dict[str, Any]])
def permit_history(permit_id: str, session: Session = DB, who: Principal = READ) -> list[Any]:
    repository.get(session, who, Permit, permit_id)
    return views.history(session, principal=who, entity_id=permit_id)


@router.get("/trips", response_model=TripPage)
def list_trips(
    permit_id: str | None = Query(None, max_length=26),
    status: str | None = TRIP_STATUS,
    compliant: bool | None = None,
    station: str | None = STATION,
    q: str | None = Query(None, max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> TripPage:
    query = repository.trip_query(
        who, permit_id=permit_id, text=q, compliant=compliant, station=station, status=status
    )
    found = repository.page(session, query, params)
    return TripPage.of(found, [TripOut.model_validate(t) for t in found.items])


@router.get("/trips.csv", response_class=Response)
def trips_csv(
    compliant: bool | None = None, session: Session = DB, who: Principal = READ
) -> Response:
    found = repository.rows(session, repository.trip_query(who, compliant=compliant))
    return views.csv_response(found, views.TRIP_COLUMNS, "p25-trips.csv")


@router.post("/trips", response_model=TripOut, status_code=201)
def plan_trip(body: TripIn, session: Session = DB, who: Principal = OPERATE) -> TripOut:
    return TripOut.model_validate(trips.plan(session, principal=who, data=body))


@router.get("/trips/{trip_id}", response_model=TripOut)
def get_trip(trip_id: str, session: Session = DB, who: Principal = READ) -> TripOut:
    return TripOut.model_validate(repository.get(session, who, Trip, trip_id))


@router.post("/trips/{trip_id}/track", response_model=TripOut)
def submit_track(
    trip_id: str, body: TrackIn, session: Session = DB, who: Principal = TRACK
) -> TripOut:
    """The vehicle's track, judged: compliant, route, violations (type, from, to, detail, the
    rule row and points); the points count towards the driver's and enterprise's totals."""
    made = trips.submit_track(session, principal=who, trip_id=trip_id, data=body)
    return TripOut.model_validate(made)


@router.post("/trips/{trip_id}/cancel", response_model=TripOut)
def cancel_trip(trip_id: str, session: Session = DB, who: Principal = OPERATE) -> TripOut:
    return TripOut.model_validate(trips.cancel(session, principal=who, trip_id=trip_id))


@router.get("/trips/{trip_id}/history", response_model=list[dict[str, Any]])
def trip_history(trip_id: str, session: Session = DB, who: Principal = READ) -> list[Any]:
    repository.get(session, who, Trip, trip_id)
    return views.history(session, principal=who, entity_id=trip_id)


@router.get("/points", response_model=dict[str, Any])
def points(session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    """12-month points per driver and enterprise with their level, and the blacklist."""
    board = views.points_board(session, principal=who)
    board["blacklist"] = [
        BlacklistingOut.model_validate(b).model_dump(mode="json") for b in board["blacklist"]
    ]
    return board
