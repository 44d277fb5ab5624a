"""p09 API under /api/pallet-air-road: ULDs (build, edit, events, CSV, history), trailers,
the ULD id check, the workflow and the statistics."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.practices.pallet_air_road import events, metrics, repository, service, views
from ftz.practices.pallet_air_road.schemas import (
    EventIn,
    EventOut,
    TrailerIn,
    TrailerOut,
    TrailerPage,
    UldDetail,
    UldIn,
    UldOut,
    UldPage,
)
from ftz.practices.pallet_air_road.uld import parse

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("pallet_air_road.read"))
BUILD = Depends(require("pallet_air_road.build"))
ACT = Depends(require("pallet_air_road.act"))
FLEET = Depends(require("pallet_air_road.fleet"))
STATUS = Query(None, max_length=16)
AIRPORT = Query(None, pattern="^[A-Z]{3}$")
MODE = Query(None, pattern="^(whole_uld|breakdown)$")


@router.get("/ulds", response_model=UldPage)
def list_ulds(
    status: str | None = STATUS, destination: str | None = AIRPORT, mode: str | None = MODE,
    q: str | None = Query(None, max_length=40), params: PageParams = Depends(page_params),
    session: Session = DB, who: Principal = READ,
) -> Any:  # fmt: skip
    query = repository.uld_query(who, status=status, destination=destination, mode=mode, text=q)
    found = repository.page(session, query, params)
    return PageOut.of(found, [UldOut.model_validate(u) for u in found.items])


@router.get("/ulds.csv", response_class=Response)
def ulds_csv(
    status: str | None = STATUS, destination: str | None = AIRPORT, mode: str | None = MODE,
    session: Session = DB, who: Principal = READ,
) -> Response:  # fmt: skip
    query = repository.uld_query(who, status=status, destination=destination, mode=mode)
    return views.csv_response(repository.rows(session, query))


@router.post("/ulds", response_model=UldDetail, status_code=201)
def build_uld(body: UldIn, session: Session = DB, who: Principal = BUILD) -> Any:
    return views.detail(session, service.build(session, principal=who, data=body))


@router.get("/ulds/{uld_id}", response_model=UldDetail)
def get_uld(uld_id: str, session: Session = DB, who: Principal = READ) -> Any:
    return views.detail(session, repository.get_uld(session, who, uld_id))


@router.put("/ulds/{uld_id}", response_model=UldDetail)
def edit_uld(uld_id: str, body: UldIn, session: Session = DB, who: Principal = BUILD) -> Any:
    return views.detail(session, service.edit(session, principal=who, uld_id=uld_id, data=body))


@router.post("/ulds/{uld_id}/events", response_model=UldDetail)
def record_event(uld_id: str, body: EventIn, session: Session = DB, who: Principal = ACT) -> Any:
    """arrive, start_tally, finish_tally, store, start_loading (with trailer_plate),
    finish_loading (ground handler); screen (airport security); clear, hold, release (customs);
    depart, deliver (trucking company); cancel (the builder)."""
    return views.detail(session, events.act(session, principal=who, uld_id=uld_id, data=body))


@router.get("/ulds/{uld_id}/events", response_model=list[EventOut])
def list_events(uld_id: str, session: Session = DB, who: Principal = READ) -> Any:
    uld = repository.get_uld(session, who, uld_id)
    return [EventOut.model_validate(e) for e in repository.events(session, uld.id)]


@router.get("/ulds/{uld_id}/history", response_model=list[dict[str, Any]])
def uld_history(uld_id: str, session: Session = DB, who: Principal = READ) -> Any:
    return views.history(session, repository.get_uld(session, who, uld_id))


@router.get("/uld-id/{code}", response_model=dict[str, Any])
def check_uld_id(code: str, who: Principal = READ) -> Any:
    """Validate and normalize an IATA ULD id (`PMC12345CA`, `AKE 1234 MU`)."""
    return parse(code, "code").describe()


@router.get("/trailers", response_model=TrailerPage)
def list_trailers(
    params: PageParams = Depends(page_params), session: Session = DB, who: Principal = READ
) -> Any:
    found = repository.page(session, repository.trailer_query(who), params)
    return PageOut.of(found, [TrailerOut.model_validate(t) for t in found.items])


@router.post("/trailers", response_model=TrailerOut, status_code=201)
def add_trailer(body: TrailerIn, session: Session = DB, who: Principal = FLEET) -> Any:
    return TrailerOut.model_validate(service.add_trailer(session, principal=who, data=body))


@router.get("/statistics", response_model=dict[str, Any])
def statistics(session: Session = DB, who: Principal = READ) -> Any:
    return metrics.summary(repository.delivered(session, who))


@router.get("/workflow", response_model=dict[str, str])
def workflow(who: Principal = READ) -> Any:
    return {"mermaid": views.workflow()}
