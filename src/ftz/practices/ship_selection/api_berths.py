"""p07 API of the "four reductions, five zeros" channel: reserved berths, arrival plans with
their status for all parties, escort requests, and the statistics against the seed's figures."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageParams, page_params
from ftz.practices.ship_selection import berths, exports, repository
from ftz.practices.ship_selection.models import Arrival
from ftz.practices.ship_selection.schemas import (
    ArrivalDetail,
    ArrivalEventIn,
    ArrivalIn,
    ArrivalOut,
    ArrivalPage,
    BerthIn,
    BerthOut,
    EscortEventIn,
    EscortOut,
)

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("ship_selection.read"))
FILE = Depends(require("ship_selection.file"))
REVIEW = Depends(require("ship_selection.review"))
STATUS = Query(None, pattern="^(planned|confirmed|arrived|berthed|departed|cancelled)$")


def arrival_detail(session: Session, arrival: Arrival) -> ArrivalDetail:
    out = ArrivalDetail.model_validate(arrival)
    out.escorts = [EscortOut.model_validate(e) for e in repository.escorts(session, arrival.id)]
    return out


@router.get("/berths", response_model=list[BerthOut])
def list_berths(
    port: str | None = Query(None, max_length=64), session: Session = DB, who: Principal = READ
) -> list[BerthOut]:
    return [BerthOut.model_validate(b) for b in repository.berths(session, port)]


@router.post("/berths", response_model=BerthOut, status_code=201)
def save_berth(body: BerthIn, session: Session = DB, who: Principal = REVIEW) -> BerthOut:
    return BerthOut.model_validate(berths.save_berth(session, principal=who, data=body))


@router.post("/arrivals", response_model=ArrivalDetail, status_code=201)
def plan(body: ArrivalIn, session: Session = DB, who: Principal = FILE) -> ArrivalDetail:
    return arrival_detail(session, berths.plan(session, principal=who, data=body))


@router.get("/arrivals", response_model=ArrivalPage)
def list_arrivals(
    status: str | None = STATUS,
    port: str | None = Query(None, max_length=64),
    q: str | None = Query(None, max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> ArrivalPage:
    page = repository.arrivals(session, who, params, status=status, port=port, text=q)
    return ArrivalPage.of(page, [ArrivalOut.model_validate(a) for a in page.items])


@router.get("/arrivals.csv", response_class=Response)
def export_arrivals(
    status: str | None = STATUS,
    port: str | None = Query(None, max_length=64),
    q: str | None = Query(None, max_length=100),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    text = exports.arrivals_csv(session, who, status=status, port=port, text=q)
    return exports.csv_response(text, "arrival-plans.csv")


@router.get("/arrivals/{arrival_id}", response_model=ArrivalDetail)
def get_arrival(arrival_id: str, session: Session = DB, who: Principal = READ) -> ArrivalDetail:
    return arrival_detail(session, repository.get_arrival(session, who, arrival_id))


@router.post("/arrivals/{arrival_id}/events", response_model=ArrivalDetail)
def arrival_event(
    arrival_id: str, body: ArrivalEventIn, session: Session = DB, who: Principal = READ
) -> ArrivalDetail:
    """confirm with the reserved berth and the five guarantees (maritime officers); arrive,
    berth, depart with the time it happened; cancel."""
    made = berths.act(session, principal=who, arrival_id=arrival_id, data=body)
    return arrival_detail(session, made)


@router.post("/arrivals/{arrival_id}/escorts", response_model=EscortOut, status_code=201)
def request_escort(
    arrival_id: str,
    kind: str = Query(..., pattern="^(patrol|tug|icebreaking)$"),
    session: Session = DB,
    who: Principal = FILE,
) -> EscortOut:
    made = berths.request_escort(session, principal=who, arrival_id=arrival_id, kind=kind)
    return EscortOut.model_validate(made)


@router.post("/escorts/{escort_id}/events", response_model=EscortOut)
def escort_event(
    escort_id: str, body: EscortEventIn, session: Session = DB, who: Principal = REVIEW
) -> EscortOut:
    made = berths.escort_event(session, principal=who, escort_id=escort_id, data=body)
    return EscortOut.model_validate(made)


@router.get("/statistics", response_model=dict[str, Any])
def statistics(session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    return berths.statistics(session, principal=who)
