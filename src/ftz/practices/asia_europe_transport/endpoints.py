"""p14 API under /api/asia-europe-transport: corridors and timetables, quotes, through bills
(book, pay, issue, track, amend, pledge, surrender, the issued document), reefer plans."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageParams, page_params
from ftz.practices.asia_europe_transport import bills, corridor, export, plans, reefer, repository
from ftz.practices.asia_europe_transport.common import reefer_data
from ftz.practices.asia_europe_transport.schemas import (
    AmendIn,
    BillOut,
    BillPage,
    BookingIn,
    EventIn,
    EventOut,
    PayIn,
    PlanOut,
    PlanPage,
    PledgeIn,
    ReeferIn,
)

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("asia_europe_transport.read"))
BOOK = Depends(require("asia_europe_transport.book"))
OPERATE = Depends(require("asia_europe_transport.operate"))
REEFER = Depends(require("asia_europe_transport.reefer"))
STATUS = Query(None, pattern="^(booked|paid|issued|in_transit|arrived|surrendered|cancelled)$")
PLEDGE = Query(None, pattern="^(none|requested|pledged|released)$")
CARGO = Query("general", pattern="^(general|perishable|reefer)$")


@router.get("/corridors", response_model=dict[str, Any])
def list_corridors(who: Principal = READ) -> dict[str, Any]:
    """The corridors one bill may cover and the full-route timetables of their services."""
    return {"corridors": list(corridor.corridors().values()), "timetables": corridor.timetables()}


@router.get("/quote", response_model=dict[str, Any])
def quote(
    corridor_code: str = Query(..., alias="corridor", max_length=16),
    depart_at: datetime = Query(...),
    cargo: str = CARGO,
    teu: int = Query(2, ge=1, le=200),
    gross_kg: float = Query(0, ge=0, le=10_000_000),
    who: Principal = READ,
) -> dict[str, Any]:
    """The timed legs, sections against their promises and the through freight, unbooked."""
    return corridor.itinerary(corridor_code, depart_at, cargo=cargo, teu=teu, gross_kg=gross_kg)


@router.get("/bills", response_model=BillPage)
def list_bills(
    status: str | None = STATUS, pledge: str | None = PLEDGE,
    corridor_code: str | None = Query(None, alias="corridor", max_length=16),
    q: str | None = Query(None, max_length=100), params: PageParams = Depends(page_params),
    session: Session = DB, who: Principal = READ,
) -> BillPage:  # fmt: skip
    query = repository.bill_query(who, status=status, pledge=pledge, corridor=corridor_code, text=q)
    found = repository.page(session, query, params)
    items = [BillOut.model_validate(b) for b in found.items]
    return BillPage(items=items, total=found.total, page=found.page, size=found.size)


@router.get("/bills.csv", response_class=Response)
def bills_csv(
    status: str | None = STATUS, pledge: str | None = PLEDGE, session: Session = DB,
    who: Principal = READ,
) -> Response:  # fmt: skip
    query = repository.bill_query(who, status=status, pledge=pledge)
    return export.csv_response(repository.rows(session, query), export.BILL_COLUMNS,
                               "p14-bills.csv")  # fmt: skip


@router.post("/bills", response_model=BillOut, status_code=201)
def book(body: BookingIn, session: Session = DB, who: Principal = BOOK) -> Any:
    return bills.book(session, principal=who, data=body)


@router.get("/bills/{bill_id}", response_model=BillOut)
def get_bill(bill_id: str, session: Session = DB, who: Principal = READ) -> Any:
    return repository.bill(session, who, bill_id)


@router.get("/bills/{bill_id}/document", response_model=dict[str, Any])
def bill_document(bill_id: str, session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    """The issued document as anchored: its SHA-256 and the evidence-log index to verify it."""
    made = repository.bill(session, who, bill_id)
    return {"document": bills.document(made), "sha256": made.sha256,
            "ledger": {"log": "ftz.local/evidence", "index": made.ledger_index}}  # fmt: skip


@router.post("/bills/{bill_id}/pay", response_model=BillOut)
def pay(bill_id: str, body: PayIn, session: Session = DB, who: Principal = BOOK) -> Any:
    return bills.pay(session, principal=who, bill_id=bill_id, data=body)


@router.post("/bills/{bill_id}/cancel", response_model=BillOut)
def cancel(bill_id: str, session: Session = DB, who: Principal = BOOK) -> Any:
    return bills.cancel(session, principal=who, bill_id=bill_id)


@router.post("/bills/{bill_id}/issue", response_model=BillOut)
def issue(bill_id: str, session: Session = DB, who: Principal = OPERATE) -> Any:
    return bills.issue(session, principal=who, bill_id=bill_id)


@router.post("/bills/{bill_id}/amend", response_model=BillOut)
def amend(bill_id: str, body: AmendIn, session: Session = DB, who: Principal = READ) -> Any:
    """The holder amends; while pledged only the bank may (rules/bill_actions.json)."""
    return bills.amend(session, principal=who, bill_id=bill_id, data=body)


@router.post("/bills/{bill_id}/surrender", response_model=BillOut)
def surrender(bill_id: str, session: Session = DB, who: Principal = READ) -> Any:
    return bills.surrender(session, principal=who, bill_id=bill_id)


@router.post("/bills/{bill_id}/finance", response_model=BillOut)
def finance(bill_id: str, body: PledgeIn, session: Session = DB, who: Principal = READ) -> Any:
    """request_pledge (the holder), accept_pledge / release_pledge (the named bank)."""
    return bills.finance(session, principal=who, bill_id=bill_id, data=body)


@router.get("/bills/{bill_id}/events", response_model=list[EventOut])
def list_events(bill_id: str, session: Session = DB, who: Principal = READ) -> Any:
    repository.bill(session, who, bill_id)
    return repository.events(session, bill_id)


@router.post("/bills/{bill_id}/events", response_model=EventOut, status_code=201)
def track(bill_id: str, body: EventIn, session: Session = DB, who: Principal = OPERATE) -> Any:
    return bills.track(session, principal=who, bill_id=bill_id, data=body)


@router.get("/bills/{bill_id}/history", response_model=list[dict[str, Any]])
def bill_history(bill_id: str, session: Session = DB, who: Principal = READ) -> Any:
    repository.bill(session, who, bill_id)
    return plans.history(session, principal=who, entity_id=bill_id)


@router.get("/reefer/parameters", response_model=dict[str, Any])
def reefer_parameters(who: Principal = REEFER) -> dict[str, Any]:
    """Depots, lanes and costs with their sources, and the demo scenario."""
    rows = {node: {**depot, "overseas_return": reefer.overseas_return(depot)[0]}
            for node, depot in reefer.depots().items()}  # fmt: skip
    return {**reefer_data(), "depots": list(rows.values())}


@router.post("/reefer/plans", response_model=PlanOut, status_code=201)
def plan_reefers(body: ReeferIn, session: Session = DB, who: Principal = REEFER) -> Any:
    return plans.save(session, principal=who, data=body)


@router.get("/reefer/plans", response_model=PlanPage)
def list_plans(
    params: PageParams = Depends(page_params), session: Session = DB, who: Principal = REEFER
) -> PlanPage:
    found = repository.page(session, repository.plan_query(who), params)
    items = [PlanOut.model_validate(p) for p in found.items]
    return PlanPage(items=items, total=found.total, page=found.page, size=found.size)


@router.get("/reefer/plans/{plan_id}", response_model=PlanOut)
def get_plan(plan_id: str, session: Session = DB, who: Principal = REEFER) -> Any:
    return repository.plan(session, who, plan_id)
