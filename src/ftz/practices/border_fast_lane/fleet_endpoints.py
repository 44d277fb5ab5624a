"""p21 API of the pre-registrations: vehicles and drivers registered, searched, exported, edited,
deactivated and reactivated, with their history."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageParams, page_params, paginate_query
from ftz.practices.border_fast_lane import exports, fleet, registration, repository
from ftz.practices.border_fast_lane.models import Driver, Vehicle
from ftz.practices.border_fast_lane.schemas import (
    DriverEdit,
    DriverIn,
    DriverOut,
    DriverPage,
    HistoryEntry,
    StatusChangeIn,
    VehicleEdit,
    VehicleIn,
    VehicleOut,
    VehiclePage,
)

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("border_fast_lane.read"))
REGISTER = Depends(require("border_fast_lane.register"))
STATUS = Depends(require("border_fast_lane.status"))
SEARCH = Query(None, max_length=40, description="Plate or tag (vehicles); name or last 4 (drivers)")
ACTIVE = Query(None, description="true: on the fast lane; false: deactivated; absent: both")


def _csv(body: str, name: str) -> Response:
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f"attachment; filename={name}.csv"},
    )


@router.post("/vehicles", response_model=VehicleOut, status_code=201)
def register_vehicle(
    body: VehicleIn, session: Session = DB, who: Principal = REGISTER
) -> VehicleOut:
    return VehicleOut.model_validate(
        registration.register_vehicle(session, principal=who, data=body)
    )


@router.get("/vehicles", response_model=VehiclePage)
def list_vehicles(
    q: str | None = SEARCH,
    active: bool | None = ACTIVE,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> VehiclePage:
    query = repository.fleet_query(who, Vehicle, q=q, active=active)
    page = paginate_query(session, query, params)
    items = [VehicleOut.model_validate(v) for v in page.items]
    return VehiclePage(items=items, total=page.total, page=page.page, size=page.size)


@router.get("/vehicles.csv", response_class=Response)
def export_vehicles(
    q: str | None = SEARCH,
    active: bool | None = ACTIVE,
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return _csv(exports.vehicles_csv(session, who, q=q, active=active), "vehicles")


@router.get("/vehicles/{vehicle_id}", response_model=VehicleOut)
def get_vehicle(vehicle_id: str, session: Session = DB, who: Principal = READ) -> VehicleOut:
    return VehicleOut.model_validate(repository.get_owned(session, who, Vehicle, vehicle_id))


@router.patch("/vehicles/{vehicle_id}", response_model=VehicleOut)
def edit_vehicle(
    vehicle_id: str, body: VehicleEdit, session: Session = DB, who: Principal = REGISTER
) -> VehicleOut:
    """Change the permit's validity or the kind (plate and tag identify the vehicle)."""
    edited = fleet.edit_vehicle(session, principal=who, vehicle_id=vehicle_id, data=body)
    return VehicleOut.model_validate(edited)


@router.post("/vehicles/{vehicle_id}/deactivate", response_model=VehicleOut)
def deactivate_vehicle(
    vehicle_id: str, body: StatusChangeIn, session: Session = DB, who: Principal = STATUS
) -> VehicleOut:
    """Off the fast lane: the lane holds it for a manual check; no new declaration."""
    changed = fleet.set_active(
        session, principal=who, model=Vehicle, record_id=vehicle_id, active=False, data=body
    )
    return VehicleOut.model_validate(changed)


@router.post("/vehicles/{vehicle_id}/reactivate", response_model=VehicleOut)
def reactivate_vehicle(
    vehicle_id: str, body: StatusChangeIn, session: Session = DB, who: Principal = STATUS
) -> VehicleOut:
    changed = fleet.set_active(
        session, principal=who, model=Vehicle, record_id=vehicle_id, active=True, data=body
    )
    return VehicleOut.model_validate(changed)


@router.get("/vehicles/{vehicle_id}/history", response_model=list[HistoryEntry])
def vehicle_history(
    vehicle_id: str, session: Session = DB, who: Principal = READ
) -> list[HistoryEntry]:
    return fleet.history(session, principal=who, model=Vehicle, record_id=vehicle_id)


@router.post("/drivers", response_model=DriverOut, status_code=201)
def register_driver(body: DriverIn, session: Session = DB, who: Principal = REGISTER) -> DriverOut:
    return DriverOut.model_validate(registration.register_driver(session, principal=who, data=body))


@router.get("/drivers", response_model=DriverPage)
def list_drivers(
    q: str | None = SEARCH,
    active: bool | None = ACTIVE,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> DriverPage:
    query = repository.fleet_query(who, Driver, q=q, active=active)
    page = paginate_query(session, query, params)
    items = [DriverOut.model_validate(d) for d in page.items]
    return DriverPage(items=items, total=page.total, page=page.page, size=page.size)


@router.get("/drivers.csv", response_class=Response)
def export_drivers(
    q: str | None = SEARCH,
    active: bool | None = ACTIVE,
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return _csv(exports.drivers_csv(session, who, q=q, active=active), "drivers")


@router.get("/drivers/{driver_id}", response_model=DriverOut)
def get_driver(driver_id: str, session: Session = DB, who: Principal = READ) -> DriverOut:
    return DriverOut.model_validate(repository.get_owned(session, who, Driver, driver_id))


@router.patch("/drivers/{driver_id}", response_model=DriverOut)
def edit_driver(
    driver_id: str, body: DriverEdit, session: Session = DB, who: Principal = REGISTER
) -> DriverOut:
    """Change the name, the document (a new number is stored as its keyed hash), its validity,
    or the enrolment device's template references."""
    edited = fleet.edit_driver(session, principal=who, driver_id=driver_id, data=body)
    return DriverOut.model_validate(edited)


@router.post("/drivers/{driver_id}/deactivate", response_model=DriverOut)
def deactivate_driver(
    driver_id: str, body: StatusChangeIn, session: Session = DB, who: Principal = STATUS
) -> DriverOut:
    changed = fleet.set_active(
        session, principal=who, model=Driver, record_id=driver_id, active=False, data=body
    )
    return DriverOut.model_validate(changed)


@router.post("/drivers/{driver_id}/reactivate", response_model=DriverOut)
def reactivate_driver(
    driver_id: str, body: StatusChangeIn, session: Session = DB, who: Principal = STATUS
) -> DriverOut:
    changed = fleet.set_active(
        session, principal=who, model=Driver, record_id=driver_id, active=True, data=body
    )
    return DriverOut.model_validate(changed)


@router.get("/drivers/{driver_id}/history", response_model=list[HistoryEntry])
def driver_history(
    driver_id: str, session: Session = DB, who: Principal = READ
) -> list[HistoryEntry]:
    return fleet.history(session, principal=who, model=Driver, record_id=driver_id)
