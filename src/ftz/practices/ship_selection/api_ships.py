"""p07 API over the ship records (domain/vessels): search, detail with every record, create and
edit (maritime officers), records, watch lists, import (JSON or CSV), CSV export, history, and
the MoU risk profiles with the ten dimensions."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from ftz.core.audit.service import list_events
from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import validation_error
from ftz.core.kit.pagination import PageParams, page_params
from ftz.domain.vessels import repository
from ftz.domain.vessels.schemas import (
    AccidentIn,
    AccidentOut,
    CertificateIn,
    CertificateOut,
    CompanyIn,
    CompanyOut,
    InspectionIn,
    InspectionOut,
    ManningIn,
    ManningOut,
    PenaltyIn,
    PenaltyOut,
    ShipIn,
    ShipOut,
    WatchClose,
    WatchIn,
    WatchOut,
)
from ftz.practices.ship_selection import ships
from ftz.practices.ship_selection.profile import report_for_file, report_for_ship
from ftz.practices.ship_selection.schemas import ShipPage

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("ship_selection.read"))
MANAGE = Depends(require("ship_selection.ships"))


class ShipSaved(ShipOut):
    warnings: list[str] = Field(default_factory=list)


class ShipDetail(BaseModel):
    ship: ShipOut
    company: CompanyOut | None
    certificates: list[CertificateOut]
    manning: list[ManningOut]
    inspections: list[InspectionOut]
    accidents: list[AccidentOut]
    penalties: list[PenaltyOut]
    watches: list[WatchOut]


def ship_filter(
    q: str | None = Query(None, max_length=100, description="Name, IMO, MMSI or call sign"),
    ship_type: str | None = Query(None, max_length=32),
    flag: str | None = Query(None, pattern=r"^[A-Za-z]{2}$"),
    watch: str | None = Query(None, pattern="^(key_tracking|assistance_investigation)$"),
) -> repository.ShipFilter:
    return repository.ShipFilter(text=q, ship_type=ship_type, flag=flag, watch=watch)


@router.get("/ships", response_model=ShipPage)
def list_ships(
    filters: repository.ShipFilter = Depends(ship_filter),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> ShipPage:
    page = repository.search_ships(session, filters, params)
    return ShipPage.of(page, [ShipOut.model_validate(s) for s in page.items])


@router.get("/ships.csv", response_class=Response)
def export_ships(
    filters: repository.ShipFilter = Depends(ship_filter),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    body = "\ufeff" + ships.csv_text(session, filters)  # BOM: spreadsheets read the Chinese names
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="ships.csv"'},
    )


@router.post("/ships", response_model=ShipSaved, status_code=201)
def create_ship(body: ShipIn, session: Session = DB, who: Principal = MANAGE) -> ShipSaved:
    made = ships.create(session, principal=who, data=body)
    return ShipSaved.model_validate(made).model_copy(update={"warnings": body.warnings()})


@router.post("/ships/import", response_model=dict[str, Any])
async def import_ships(
    request: Request, session: Session = DB, who: Principal = MANAGE
) -> dict[str, Any]:
    """A fleet file as the request body: JSON (`application/json`: companies, ships and their
    records) or CSV (`text/csv`: ship particulars). Idempotent; nothing is written if any row
    is invalid."""
    kind = request.headers.get("content-type", "").split(";")[0].strip()
    if kind not in ("application/json", "text/csv"):
        raise validation_error("content-type", "send application/json or text/csv")
    content = await request.body()
    fmt = "csv" if kind == "text/csv" else "json"
    return ships.import_fleet(session, principal=who, content=content, fmt=fmt)


@router.get("/ships/{ship_id}", response_model=ShipDetail)
def get_ship(ship_id: str, session: Session = DB, who: Principal = READ) -> ShipDetail:
    ship = repository.get_ship(session, ship_id)
    found = ships.records(session, ship.id)
    return ShipDetail.model_validate(
        {"ship": ship, "company": ship.company, **found}, from_attributes=True
    )


@router.put("/ships/{ship_id}", response_model=ShipSaved)
def update_ship(
    ship_id: str, body: ShipIn, session: Session = DB, who: Principal = MANAGE
) -> ShipSaved:
    made = ships.update(session, principal=who, ship_id=ship_id, data=body)
    return ShipSaved.model_validate(made).model_copy(update={"warnings": body.warnings()})


@router.get("/ships/{ship_id}/history", response_model=list[dict[str, Any]])
def ship_history(
    ship_id: str, session: Session = DB, who: Principal = READ
) -> list[dict[str, Any]]:
    ship = repository.get_ship(session, ship_id)
    page = list_events(session, principal=who, entity_id=ship.id, params=PageParams(size=200))
    return [
        {
            "occurred_at": e.occurred_at,
            "actor": e.actor_username,
            "action": e.action,
            "changes": e.changes,
        }
        for e in page.items
    ]


@router.get("/ships/{ship_id}/risk-profile", response_model=dict[str, Any])
def ship_risk_profile(
    ship_id: str,
    on: date | None = None,
    cargo: str = Query("grain_bulk", pattern="^(grain_bulk|other)$"),
    session: Session = DB,
    who: Principal = READ,
) -> dict[str, Any]:
    """Paris MoU and Tokyo MoU profiles and the ten dimensions from the ship's records."""
    ship = repository.get_ship(session, ship_id)
    return report_for_ship(session, ship, on or date.today(), cargo)


@router.post("/risk-profile", response_model=dict[str, Any])
def risk_profile_of(body: dict[str, Any], who: Principal = READ) -> dict[str, Any]:
    """The same for a ship described in the request (the CLI's SHIP.json), nothing stored."""
    return report_for_file(body)


@router.post("/ships/{ship_id}/certificates", response_model=CertificateOut, status_code=201)
def add_certificates(
    ship_id: str, body: CertificateIn, session: Session = DB, who: Principal = MANAGE
) -> CertificateOut:
    made = ships.add_record(session, principal=who, ship_id=ship_id, kind="certificates", data=body)
    return CertificateOut.model_validate(made)


@router.post("/ships/{ship_id}/manning", response_model=ManningOut, status_code=201)
def add_manning(
    ship_id: str, body: ManningIn, session: Session = DB, who: Principal = MANAGE
) -> ManningOut:
    made = ships.add_record(session, principal=who, ship_id=ship_id, kind="manning", data=body)
    return ManningOut.model_validate(made)


@router.post("/ships/{ship_id}/inspections", response_model=InspectionOut, status_code=201)
def add_inspections(
    ship_id: str, body: InspectionIn, session: Session = DB, who: Principal = MANAGE
) -> InspectionOut:
    made = ships.add_record(session, principal=who, ship_id=ship_id, kind="inspections", data=body)
    return InspectionOut.model_validate(made)


@router.post("/ships/{ship_id}/accidents", response_model=AccidentOut, status_code=201)
def add_accidents(
    ship_id: str, body: AccidentIn, session: Session = DB, who: Principal = MANAGE
) -> AccidentOut:
    made = ships.add_record(session, principal=who, ship_id=ship_id, kind="accidents", data=body)
    return AccidentOut.model_validate(made)


@router.post("/ships/{ship_id}/penalties", response_model=PenaltyOut, status_code=201)
def add_penalties(
    ship_id: str, body: PenaltyIn, session: Session = DB, who: Principal = MANAGE
) -> PenaltyOut:
    made = ships.add_record(session, principal=who, ship_id=ship_id, kind="penalties", data=body)
    return PenaltyOut.model_validate(made)


@router.post("/ships/{ship_id}/watches", response_model=WatchOut, status_code=201)
def add_watches(
    ship_id: str, body: WatchIn, session: Session = DB, who: Principal = MANAGE
) -> WatchOut:
    made = ships.add_record(session, principal=who, ship_id=ship_id, kind="watches", data=body)
    return WatchOut.model_validate(made)


@router.post("/ships/{ship_id}/watches/{watch_id}/close", response_model=WatchOut)
def close_watch(
    ship_id: str, watch_id: str, body: WatchClose, session: Session = DB, who: Principal = MANAGE
) -> WatchOut:
    made = ships.close_watch(session, principal=who, ship_id=ship_id, watch_id=watch_id, data=body)
    return WatchOut.model_validate(made)


@router.get("/companies", response_model=list[CompanyOut])
def list_companies(session: Session = DB, who: Principal = READ) -> list[CompanyOut]:
    return [CompanyOut.model_validate(c) for c in repository.companies(session)]


@router.post("/companies", response_model=CompanyOut, status_code=201)
def save_company(body: CompanyIn, session: Session = DB, who: Principal = MANAGE) -> CompanyOut:
    return CompanyOut.model_validate(ships.save_company(session, principal=who, data=body))
