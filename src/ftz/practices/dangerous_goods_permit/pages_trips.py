"""p25 trip pages: the trips (filters, CSV), planning a trip from a permit (the carrier picks
the station), a trip with its map (both routes, the track, violations in red), the violations
with their rule rows and points, the track upload, and the points board with the blacklist."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems, form_values
from ftz.core.workflow import allowed_events
from ftz.practices.dangerous_goods_permit import maps, repository, trips, views
from ftz.practices.dangerous_goods_permit.api_common import DB, OPERATE, READ, TRACK
from ftz.practices.dangerous_goods_permit.common import stations
from ftz.practices.dangerous_goods_permit.models import Permit, Trip
from ftz.practices.dangerous_goods_permit.permissions import POLICE, TRANSPORT
from ftz.practices.dangerous_goods_permit.permit_page import permit_page
from ftz.practices.dangerous_goods_permit.schemas import TrackIn, TripIn
from ftz.practices.dangerous_goods_permit.web import show
from ftz.practices.dangerous_goods_permit.workflow import TripFlow

router = APIRouter(include_in_schema=False)
BASE = "/dangerous-goods-permit"


@router.get("/trips", response_class=HTMLResponse)
def list_trips(
    request: Request,
    q: str = Query("", max_length=100),
    compliant: str = Query("", pattern="^(yes|no|)$"),
    station: str = Query("", pattern="^(A|B|)$"),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    query = repository.trip_query(
        who,
        text=q or None,
        station=station or None,
        compliant={"yes": True, "no": False}.get(compliant),
    )
    found = repository.page(session, query, params)
    filters = {"q": q, "compliant": compliant, "station": station}
    return show(
        request,
        "dangerous_goods_permit/trips.html",
        {
            "page": found,
            "filters": filters,
            "stations": stations(),
            "query": "&".join(f"{k}={v}" for k, v in filters.items()),
        },
    )


@router.post("/permits/{permit_id}/trips", response_class=HTMLResponse)
async def plan_trip(
    request: Request, permit_id: str, session: Session = DB, who: Principal = OPERATE
) -> Response:
    permit = repository.get(session, who, Permit, permit_id)
    values = await form_values(request)
    try:
        data = TripIn.model_validate(
            {**{k: v for k, v in values.items() if v}, "permit_id": permit.id}
        )
        with session.begin_nested():
            made = trips.plan(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return permit_page(request, session, who, permit.id, form_problems(exc), values, 422)
    return RedirectResponse(f"{BASE}/trips/{made.id}", status_code=303)


def _trip_page(
    request: Request,
    session: Session,
    who: Principal,
    trip_id: str,
    errors: list[FieldProblem],
    status: int = 200,
) -> Response:
    trip = repository.get(session, who, Trip, trip_id)
    permit = session.get(Permit, trip.permit_id)
    assert permit is not None
    may_track = who.is_enterprise or who.is_admin or who.department in (TRANSPORT, POLICE)
    return show(
        request,
        "dangerous_goods_permit/trip.html",
        {
            "trip": trip,
            "permit": permit,
            "stations": stations(),
            "errors": errors,
            "map": maps.permit_map(permit, trip.track, trip.violations),
            "events": allowed_events(TripFlow, trip, who),
            "can_track": may_track and trip.status == "planned",
            "history": views.history(session, principal=who, entity_id=trip.id),
        },
        status=status,
    )


@router.get("/trips/{trip_id}", response_class=HTMLResponse)
def trip_detail(
    request: Request, trip_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _trip_page(request, session, who, trip_id, [])


@router.post("/trips/{trip_id}/track", response_class=HTMLResponse)
async def submit_track(
    request: Request, trip_id: str, session: Session = DB, who: Principal = TRACK
) -> Response:
    trip = repository.get(session, who, Trip, trip_id)
    form = await request.form()
    text = str(form.get("text") or "")
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        text = (await upload.read()).decode("utf-8", errors="replace")
    fmt = "geojson" if text.lstrip().startswith("{") else "csv"
    try:
        data = TrackIn.model_validate({"format": fmt, "text": text})
        with session.begin_nested():
            trips.submit_track(session, principal=who, trip_id=trip.id, data=data)
    except (FtzError, ValidationError) as exc:
        return _trip_page(request, session, who, trip.id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/trips/{trip.id}", status_code=303)


@router.post("/trips/{trip_id}/cancel", response_class=HTMLResponse)
async def cancel_trip(
    request: Request, trip_id: str, session: Session = DB, who: Principal = OPERATE
) -> Response:
    trip = repository.get(session, who, Trip, trip_id)
    try:
        with session.begin_nested():
            trips.cancel(session, principal=who, trip_id=trip.id)
    except FtzError as exc:
        return _trip_page(request, session, who, trip.id, form_problems(exc), 409)
    return RedirectResponse(f"{BASE}/trips/{trip.id}", status_code=303)


@router.get("/points", response_class=HTMLResponse)
def points(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    return show(
        request,
        "dangerous_goods_permit/points.html",
        {"board": views.points_board(session, principal=who)},
    )
