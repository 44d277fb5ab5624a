"""p09 pages: the ULD list (filters, CSV), one ULD (manifest, tally report, events, metrics
against the seed, road-leg map, why, the actions this user may take, history), and recording
an event. Building, trailers and statistics are in pages_more.py."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems, form_values
from ftz.core.web.templating import render
from ftz.practices.pallet_air_road import events, forms, legs, maps, repository, views
from ftz.practices.pallet_air_road.common import LOCAL, destinations
from ftz.practices.pallet_air_road.metrics import SEED
from ftz.practices.pallet_air_road.pages_more import router as more
from ftz.practices.pallet_air_road.schemas import EventIn
from ftz.practices.pallet_air_road.workflow import UldFlow

router = APIRouter(include_in_schema=False)
# First, so that /ulds/new is not read as a ULD id.
router.include_router(more)
DB = Depends(get_db, scope="function")
READ = Depends(require("pallet_air_road.read"))
ACT = Depends(require("pallet_air_road.act"))
BASE = "/pallet-air-road"


@router.get("", response_class=HTMLResponse)
def list_ulds(
    request: Request,
    status: str = Query("", max_length=16),
    destination: str = Query("", pattern="^([A-Z]{3})?$"),
    mode: str = Query("", pattern="^(whole_uld|breakdown|)$"),
    q: str = Query("", max_length=40),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    query = repository.uld_query(who, status=status or None, destination=destination or None,
                                 mode=mode or None, text=q or None)  # fmt: skip
    filters = {"status": status, "destination": destination, "mode": mode, "q": q}
    context = {
        "page": repository.page(session, query, params), "filters": filters,
        "query": "&".join(f"{k}={v}" for k, v in filters.items()),
        "statuses": [s.id for s in UldFlow.states], "destinations": destinations(),
        "can_build": who.is_enterprise, "tz": LOCAL,
    }  # fmt: skip
    return render(request, "pallet_air_road/ulds.html", context)


def _detail(
    request: Request, session: Session, who: Principal, uld_id: str,
    errors: list[FieldProblem], status: int = 200,
) -> Response:  # fmt: skip
    uld = repository.get_uld(session, who, uld_id)
    context = {
        "uld": uld, "events": repository.events(session, uld.id), "id": views.explain(uld),
        "actions": views.my_events(session, who, uld),
        "road_legs": [legs.out(g) for g in repository.road_legs(session, uld.id)],
        "waiting": legs.waiting(session, who, uld), "shares": legs.shares(uld),
        "errors": errors, "seed": SEED,
        "map": maps.road_map(uld.road, uld.entry, uld.destination), "tz": LOCAL,
        "history": views.history(session, uld), "can_edit": uld.status == "built"
        and who.org_id == uld.org_id,
    }  # fmt: skip
    return render(request, "pallet_air_road/uld.html", context, status=status)


@router.get("/ulds/{uld_id}", response_class=HTMLResponse)
def uld_detail(
    request: Request, uld_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, uld_id, [])


@router.post("/ulds/{uld_id}/events", response_class=HTMLResponse)
async def uld_event(
    request: Request, uld_id: str, session: Session = DB, who: Principal = ACT
) -> Response:
    values = await form_values(request)
    try:
        data = EventIn.model_validate(forms.event_body(values))
        with session.begin_nested():
            events.act(session, principal=who, uld_id=uld_id, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 404:
            raise
        return _detail(request, session, who, uld_id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/ulds/{uld_id}", status_code=303)
