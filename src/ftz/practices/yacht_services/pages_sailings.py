"""p16 sailing pages: the reports (filters, flags, CSV), the owner's report form, and a report
with its map, flags and "why", excursions out of the zone, passengers (owner and border check),
the track, and the actions of the owner, the border check and the reviewing officer."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import FieldProblem, FtzError, validation_error
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems, form_values
from ftz.core.workflow import allowed_events
from ftz.practices.yacht_services import (
    forms,
    maps,
    monitoring,
    repository,
    sailings,
    tracks,
    zones,
)
from ftz.practices.yacht_services.common import local, local_zone, marinas
from ftz.practices.yacht_services.models import Sailing, Yacht
from ftz.practices.yacht_services.permissions import BORDER, MARITIME, TRANSPORT
from ftz.practices.yacht_services.schemas import (
    BorderDecisionIn,
    ReviewIn,
    SailingEventIn,
    SailingIn,
)
from ftz.practices.yacht_services.web import show
from ftz.practices.yacht_services.workflow import SailingFlow

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
READ = Depends(require("yacht_services.read"))
REPORT = Depends(require("yacht_services.report"))
REVIEW = Depends(require("yacht_services.review"))
BASE = "/yacht-services/sailings"
PERIODS = ("day", "night", "outside_window", "after_curfew")


@router.get("/sailings", response_class=HTMLResponse)
def list_sailings(
    request: Request,
    status: str = Query("", pattern="^(reported|out|arrived|cancelled|)$"),
    flagged: str = Query("", pattern="^(yes|no|)$"),
    period: str = Query("", pattern="^(day|night|outside_window|after_curfew|)$"),
    marina: str = Query("", max_length=16),
    day: date | None = None,
    q: str = Query("", max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    zone = local_zone()
    since = datetime.combine(day, time.min, zone) if day else None
    query = repository.sailing_query(
        who, status=status or None, flagged={"yes": True, "no": False}.get(flagged),
        period=period or None, marina=marina or None, text=q or None, since=since,
        until=since + timedelta(days=1) if since else None,
    )  # fmt: skip
    found = repository.page(session, query, params)
    filters = {"status": status, "flagged": flagged, "period": period, "marina": marina,
               "day": day.isoformat() if day else "", "q": q}  # fmt: skip
    context = {
        "page": found, "filters": filters, "periods": PERIODS, "marinas": marinas(),
        "query": "&".join(f"{k}={v}" for k, v in filters.items()),
        "yachts": repository.yachts_by_id(session, {s.yacht_id for s in found.items}),
        "can_file": who.is_enterprise,
    }  # fmt: skip
    return show(request, "yacht_services/sailings.html", context)


def _new(
    request: Request, session: Session, who: Principal, values: dict[str, str],
    errors: list[FieldProblem], status: int = 200,
) -> Response:  # fmt: skip
    own = repository.rows(session, repository.yacht_query(who))
    soon = local(utcnow() + timedelta(hours=2)).replace(second=0, microsecond=0)
    defaults = {
        "depart_at": soon.strftime("%Y-%m-%dT%H:%M"),
        "return_at": (soon + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "crew": "2",
    }
    context = {"values": {**defaults, **values}, "errors": errors, "yachts": own,
               "marinas": marinas(), "zones": zones.in_force(session, soon.date())}  # fmt: skip
    return show(request, "yacht_services/sailing_new.html", context, status=status)


@router.get("/sailings/new", response_class=HTMLResponse)
def new_sailing(request: Request, session: Session = DB, who: Principal = REPORT) -> Response:
    return _new(request, session, who, {}, [])


@router.post("/sailings/new", response_class=HTMLResponse)
async def file_sailing(
    request: Request, session: Session = DB, who: Principal = REPORT
) -> Response:
    values = await form_values(request)
    try:
        data = SailingIn.model_validate(forms.sailing_body(values))
        with session.begin_nested():
            made = sailings.file(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _new(request, session, who, values, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/{made.id}", status_code=303)


def _detail(
    request: Request, session: Session, who: Principal, sailing_id: str,
    errors: list[FieldProblem], status: int = 200,
) -> Response:  # fmt: skip
    sailing = repository.get(session, who, Sailing, sailing_id)
    track = repository.track_of(session, sailing.id)
    zone = next((z for z in zones.in_force(session, local(sailing.depart_at).date())
                 if z.code == sailing.zone_code), None)  # fmt: skip
    department = "admin" if who.is_admin else who.department
    context = {
        "sailing": sailing, "yacht": session.get(Yacht, sailing.yacht_id), "track": track,
        "errors": errors, "marinas": marinas(),
        "passengers": repository.passengers(session, who, sailing),
        "events": allowed_events(SailingFlow, sailing, who) if who.org_id == sailing.org_id
        else [],
        "map": maps.sailing_map(zone, sailing.route, sailing.excursions,
                                track.feature if track else None),
        "can_track": who.org_id == sailing.org_id and sailing.status in ("out", "arrived")
        and track is None,
        "can_border": department in (BORDER, "admin") and sailing.status == "reported"
        and sailing.border_status in ("declared", "cleared", "refused"),
        "can_review": department in (MARITIME, TRANSPORT, "admin") and sailing.flagged,
        "history": monitoring.history(session, principal=who, entity_id=sailing.id),
    }  # fmt: skip
    return show(request, "yacht_services/sailing.html", context, status=status)


@router.get("/sailings/{sailing_id}", response_class=HTMLResponse)
def sailing_detail(
    request: Request, sailing_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, sailing_id, [])


@router.post("/sailings/{sailing_id}/events", response_class=HTMLResponse)
async def sailing_event(
    request: Request, sailing_id: str, session: Session = DB, who: Principal = REPORT
) -> Response:
    values = await form_values(request)
    try:
        data = SailingEventIn.model_validate(values)
        with session.begin_nested():
            sailings.act(session, principal=who, sailing_id=sailing_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, sailing_id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/{sailing_id}", status_code=303)


@router.post("/sailings/{sailing_id}/border", response_class=HTMLResponse)
async def border_decision(
    request: Request, sailing_id: str, session: Session = DB, who: Principal = REVIEW
) -> Response:
    values = await form_values(request)
    try:
        data = BorderDecisionIn.model_validate(values)
        with session.begin_nested():
            sailings.border_decision(session, principal=who, sailing_id=sailing_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, sailing_id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/{sailing_id}", status_code=303)


@router.post("/sailings/{sailing_id}/review", response_class=HTMLResponse)
async def review(
    request: Request, sailing_id: str, session: Session = DB, who: Principal = REVIEW
) -> Response:
    values = await form_values(request)
    try:
        data = ReviewIn.model_validate(values)
        with session.begin_nested():
            sailings.review(session, principal=who, sailing_id=sailing_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, sailing_id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/{sailing_id}", status_code=303)


@router.post("/sailings/{sailing_id}/track", response_class=HTMLResponse)
async def submit_track(
    request: Request, sailing_id: str, session: Session = DB, who: Principal = REPORT
) -> Response:
    values = await form_values(request)
    try:
        fmt = values.get("format", "csv")
        if fmt not in ("csv", "geojson"):
            raise validation_error("format", "csv or geojson")
        with session.begin_nested():
            tracks.submit(session, principal=who, sailing_id=sailing_id,
                          text=values.get("track", ""), fmt=fmt)  # type: ignore[arg-type]  # fmt: skip
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, sailing_id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/{sailing_id}", status_code=303)
