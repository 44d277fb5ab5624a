"""p24 API: the designated routes, trucks and their permits, loads, trips with the permit
check, the green channel and the seal check, and the figures. Return-load matching and the
multimodal applications are in `endpoints_more`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.practices.china_vietnam_transport import (
    endpoints_more,
    export,
    fleet,
    metrics,
    refusals,
    repository,
    trips,
)
from ftz.practices.china_vietnam_transport.api_common import DB, OPERATE, READ, REVIEW, history
from ftz.practices.china_vietnam_transport.models import Load, Permit, RefusedTrip, Trip, Truck
from ftz.practices.china_vietnam_transport.reference import routes
from ftz.practices.china_vietnam_transport.schemas import (
    LoadIn,
    LoadOut,
    LoadPage,
    PermitIn,
    PermitOut,
    PermitPage,
    RefusedTripOut,
    RefusedTripPage,
    ReleaseIn,
    RevokeIn,
    SealCheckIn,
    TripEventIn,
    TripIn,
    TripOut,
    TripPage,
    TruckIn,
    TruckOut,
    TruckPage,
    TruckUpdate,
)

router = APIRouter()
router.include_router(endpoints_more.router)
TEXT = Query(None, max_length=100)
ROUTE = Query(None, max_length=8)
DIRECTION = Query(None, pattern="^(south|north)$")
TRIP_STATUS = Query(None, pattern="^(planned|under_way|held|cleared|cancelled)$")


@router.get("/routes", response_model=list[dict[str, Any]])
def list_routes(who: Principal = READ) -> list[dict[str, Any]]:
    """The five designated direct routes, with distance and hours from the network."""
    return [vars(r) for r in routes().values()]


@router.get("/trucks", response_model=TruckPage)
def list_trucks(
    q: str | None = TEXT,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> TruckPage:
    found = repository.page(session, repository.truck_query(who, text=q), params)
    return PageOut.of(found, [TruckOut.model_validate(t) for t in found.items])


@router.post("/trucks", response_model=TruckOut, status_code=201)
def register_truck(body: TruckIn, session: Session = DB, who: Principal = OPERATE) -> TruckOut:
    return TruckOut.model_validate(fleet.register_truck(session, principal=who, data=body))


@router.get("/trucks/{truck_id}", response_model=TruckOut)
def get_truck(truck_id: str, session: Session = DB, who: Principal = READ) -> TruckOut:
    return TruckOut.model_validate(repository.get(session, who, Truck, truck_id))


@router.patch("/trucks/{truck_id}", response_model=TruckOut)
def edit_truck(
    truck_id: str, body: TruckUpdate, session: Session = DB, who: Principal = OPERATE
) -> TruckOut:
    made = fleet.edit_truck(session, principal=who, truck_id=truck_id, data=body)
    return TruckOut.model_validate(made)


@router.get("/permits", response_model=PermitPage)
def list_permits(
    truck_id: str | None = Query(None, max_length=26),
    route_code: str | None = ROUTE,
    q: str | None = TEXT,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> PermitPage:
    query = repository.permit_query(who, truck_id=truck_id, route_code=route_code, text=q)
    found = repository.page(session, query, params)
    return PageOut.of(found, [PermitOut.model_validate(p) for p in found.items])


@router.post("/permits", response_model=PermitOut, status_code=201)
def issue_permit(body: PermitIn, session: Session = DB, who: Principal = REVIEW) -> PermitOut:
    return PermitOut.model_validate(fleet.issue_permit(session, principal=who, data=body))


@router.post("/permits/{permit_id}/revoke", response_model=PermitOut)
def revoke_permit(
    permit_id: str, body: RevokeIn, session: Session = DB, who: Principal = REVIEW
) -> PermitOut:
    made = fleet.revoke_permit(session, principal=who, permit_id=permit_id, data=body)
    return PermitOut.model_validate(made)


@router.get("/permits/{permit_id}", response_model=PermitOut)
def get_permit(permit_id: str, session: Session = DB, who: Principal = READ) -> PermitOut:
    return PermitOut.model_validate(repository.get(session, who, Permit, permit_id))


@router.get("/loads", response_model=LoadPage)
def list_loads(
    status: str | None = Query(None, pattern="^(open|assigned)$"),
    direction: str | None = DIRECTION,
    route_code: str | None = ROUTE,
    q: str | None = TEXT,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> LoadPage:
    query = repository.load_query(
        who, status=status, direction=direction, route_code=route_code, text=q
    )
    found = repository.page(session, query, params)
    return PageOut.of(found, [LoadOut.model_validate(ld) for ld in found.items])


@router.post("/loads", response_model=LoadOut, status_code=201)
def post_load(body: LoadIn, session: Session = DB, who: Principal = OPERATE) -> LoadOut:
    return LoadOut.model_validate(trips.post_load(session, principal=who, data=body))


@router.get("/loads/{load_id}", response_model=LoadOut)
def get_load(load_id: str, session: Session = DB, who: Principal = READ) -> LoadOut:
    return LoadOut.model_validate(repository.get(session, who, Load, load_id))


@router.get("/trips", response_model=TripPage)
def list_trips(
    status: str | None = TRIP_STATUS,
    route_code: str | None = ROUTE,
    direction: str | None = DIRECTION,
    green: bool | None = None,
    q: str | None = TEXT,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> TripPage:
    query = repository.trip_query(
        who, status=status, route_code=route_code, direction=direction, green=green, text=q
    )
    found = repository.page(session, query, params)
    return PageOut.of(found, [TripOut.model_validate(t) for t in found.items])


@router.get("/trips.csv", response_class=Response)
def trips_csv(
    status: str | None = TRIP_STATUS,
    route_code: str | None = ROUTE,
    q: str | None = TEXT,
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    query = repository.trip_query(who, status=status, route_code=route_code, text=q)
    return export.csv_response(
        repository.rows(session, query), export.TRIP_COLUMNS, "p24-trips.csv"
    )


@router.post("/trips", response_model=TripOut, status_code=201)
def plan_trip(body: TripIn, session: Session = DB, who: Principal = OPERATE) -> TripOut:
    """Refused (422, field truck_id) with the permit table's row when the truck has no valid
    permit for the route; otherwise the trip with the permit and green-channel rows."""
    try:
        return TripOut.model_validate(refusals.attempt(session, principal=who, data=body))
    except refusals.TripRefusedError as refused:
        session.commit()  # the record of the refused attempt; nothing of the trip was kept
        raise refused.error from None


@router.get("/refusals", response_model=RefusedTripPage)
def list_refusals(
    route_code: str | None = ROUTE,
    truck_id: str | None = Query(None, max_length=26),
    q: str | None = TEXT,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> RefusedTripPage:
    """Trip attempts the rules refused, with the rows that fired (the carrier's own only)."""
    query = repository.refused_query(who, route_code=route_code, truck_id=truck_id, text=q)
    found = repository.page(session, query, params)
    return PageOut.of(found, [RefusedTripOut.model_validate(r) for r in found.items])


@router.get("/refusals/{refusal_id}", response_model=RefusedTripOut)
def get_refusal(refusal_id: str, session: Session = DB, who: Principal = READ) -> RefusedTripOut:
    return RefusedTripOut.model_validate(repository.get(session, who, RefusedTrip, refusal_id))


@router.get("/trips/{trip_id}", response_model=TripOut)
def get_trip(trip_id: str, session: Session = DB, who: Principal = READ) -> TripOut:
    return TripOut.model_validate(repository.get(session, who, Trip, trip_id))


@router.post("/trips/{trip_id}/events", response_model=TripOut)
def trip_event(
    trip_id: str, body: TripEventIn, session: Session = DB, who: Principal = OPERATE
) -> TripOut:
    return TripOut.model_validate(trips.act(session, principal=who, trip_id=trip_id, data=body))


@router.post("/trips/{trip_id}/seal", response_model=TripOut)
def check_seal(
    trip_id: str, body: SealCheckIn, session: Session = DB, who: Principal = REVIEW
) -> TripOut:
    made = trips.check_seal(session, principal=who, trip_id=trip_id, data=body)
    return TripOut.model_validate(made)


@router.post("/trips/{trip_id}/release", response_model=TripOut)
def release(
    trip_id: str, body: ReleaseIn, session: Session = DB, who: Principal = REVIEW
) -> TripOut:
    made = trips.release(session, principal=who, trip_id=trip_id, note=body.note)
    return TripOut.model_validate(made)


@router.get("/trips/{trip_id}/history", response_model=list[dict[str, Any]])
def trip_history(
    trip_id: str, session: Session = DB, who: Principal = READ
) -> list[dict[str, Any]]:
    repository.get(session, who, Trip, trip_id)
    return history(session, principal=who, entity_id=trip_id)


@router.get("/metrics", response_model=dict[str, Any])
def figures(session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    return metrics.figures(session, principal=who)
