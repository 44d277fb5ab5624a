"""p21 HTTP API: declarations (forwarders), the lane (devices), exceptions and statistics
(border-check officers); the registrations are in `fleet_endpoints`."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import csv_response
from ftz.core.kit.pagination import PageParams, page_params
from ftz.practices.border_fast_lane import fleet_endpoints, lane, registration, repository
from ftz.practices.border_fast_lane.models import Declaration, LaneTransaction
from ftz.practices.border_fast_lane.schemas import (
    DeclarationIn,
    DeclarationOut,
    DeclarationPage,
    LaneReadIn,
    ResolveIn,
    TransactionOut,
    TransactionPage,
)

router = APIRouter()
router.include_router(fleet_endpoints.router)
DB = Depends(get_db, scope="function")
READ = Depends(require("border_fast_lane.read"))
REGISTER = Depends(require("border_fast_lane.register"))


@router.post("/declarations", response_model=DeclarationOut, status_code=201)
def file_declaration(
    body: DeclarationIn, session: Session = DB, who: Principal = REGISTER
) -> DeclarationOut:
    return DeclarationOut.model_validate(
        registration.file_declaration(session, principal=who, data=body)
    )


@router.get("/declarations", response_model=DeclarationPage)
def list_declarations(
    trip_date: date | None = None,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> DeclarationPage:
    filters = [Declaration.trip_date == trip_date] if trip_date else []
    page = repository.listing(session, who, Declaration, params, *filters)
    items = [DeclarationOut.model_validate(d) for d in page.items]
    return DeclarationPage(items=items, total=page.total, page=page.page, size=page.size)


@router.get("/declarations/{declaration_id}", response_model=DeclarationOut)
def get_declaration(
    declaration_id: str, session: Session = DB, who: Principal = READ
) -> DeclarationOut:
    found = repository.get_owned(session, who, Declaration, declaration_id)
    return DeclarationOut.model_validate(found)


@router.post("/lane/transactions", response_model=TransactionOut, status_code=201)
def post_transaction(
    body: LaneReadIn,
    session: Session = DB,
    who: Principal = Depends(require("border_fast_lane.lane")),
) -> TransactionOut:
    """A lane device reports one vehicle; the answer is pass or manual check, with the rows."""
    return TransactionOut.model_validate(lane.record_transaction(session, principal=who, data=body))


@router.get("/transactions", response_model=TransactionPage)
def list_transactions(
    lane_no: int | None = Query(None, alias="lane", ge=1, le=99),
    status: str | None = Query(None, max_length=16),
    plate: str | None = Query(None, max_length=16),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> TransactionPage:
    page = repository.transactions(
        session, who, params, lane=lane_no, status=status or None, plate=plate or None
    )
    items = [TransactionOut.model_validate(t) for t in page.items]
    return TransactionPage(items=items, total=page.total, page=page.page, size=page.size)


TRANSACTION_COLUMNS = ("started_at", "lane", "plate", "seconds", "verdict", "status", "flags")


def _transaction_row(t: LaneTransaction) -> list[object]:
    seconds = round((t.finished_at - t.started_at).total_seconds(), 1)
    flags = " ".join(t.flags)
    return [t.started_at.isoformat(), t.lane, t.plate_read, seconds, t.verdict, t.status, flags]


@router.get("/transactions.csv", response_class=Response)
def export_transactions(
    day: date | None = None, session: Session = DB, who: Principal = READ
) -> Response:
    stats = lane.statistics(session, principal=who, day=day)
    rows = lane.day_rows(session, principal=who, day=date.fromisoformat(stats["day"]))
    return csv_response(
        TRANSACTION_COLUMNS, map(_transaction_row, rows), f"lane-{stats['day']}.csv"
    )


@router.get("/transactions/{tx_id}", response_model=TransactionOut)
def get_transaction(tx_id: str, session: Session = DB, who: Principal = READ) -> TransactionOut:
    return TransactionOut.model_validate(repository.get_owned(session, who, LaneTransaction, tx_id))


@router.post("/transactions/{tx_id}/resolve", response_model=TransactionOut)
def resolve(
    tx_id: str,
    body: ResolveIn,
    session: Session = DB,
    who: Principal = Depends(require("border_fast_lane.resolve")),
) -> TransactionOut:
    return TransactionOut.model_validate(
        lane.resolve(session, principal=who, tx_id=tx_id, data=body)
    )


@router.get("/statistics", response_model=dict[str, object])
def statistics(
    day: date | None = None, session: Session = DB, who: Principal = READ
) -> dict[str, object]:
    """Vehicles and seconds per vehicle of one lane day (enterprises: their own vehicles)."""
    return lane.statistics(session, principal=who, day=day)
