"""p17 HTTP API, part three: the province's indicators (quota, allocations, transfers, withdrawals,
journal, reconciliation), the association's records and credit, demonstration bases and the
annual statistics."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params, paginate_query
from ftz.practices.leisure_fishery import (
    allocations,
    association,
    export,
    indicators,
    reference,
    statistics,
)
from ftz.practices.leisure_fishery.schemas import (
    AllocationIn,
    AssociationRecordIn,
    BaseIn,
    BaseUpdate,
    QuotaIn,
    StatisticIn,
    TransferIn,
)
from ftz.practices.leisure_fishery.service import history
from ftz.practices.leisure_fishery.views import (
    BaseOut,
    HistoryEntry,
    RecordOut,
    StatisticOut,
    TxnOut,
)

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("leisure_fishery.read"))
SUPERVISE = Depends(require("leisure_fishery.supervise"))
ASSOCIATE = Depends(require("leisure_fishery.associate"))
PUBLIC = Depends(require("leisure_fishery.public"))
YEAR = Query(None, ge=2020, le=2100)
KIND = Query("", pattern="^(quota|allocate|withdraw|transfer|use|release|)$")


@router.get("/indicators")
def indicator_summary(
    year: int | None = YEAR, session: Session = DB, _: Principal = READ
) -> dict[str, Any]:
    return indicators.summary(session, year or reference.today().year)


@router.post("/indicators/quota")
def set_quota(body: QuotaIn, session: Session = DB, principal: Principal = SUPERVISE) -> Any:
    allocations.set_quota(
        session,
        principal=principal,
        year=body.year,
        total=indicators.amount_of(body),
        note=body.note,
    )
    return indicators.summary(session, body.year)


@router.post("/indicators/allocations", response_model=TxnOut, status_code=201)
def allocate(body: AllocationIn, session: Session = DB, principal: Principal = SUPERVISE) -> Any:
    return TxnOut.of(
        allocations.allocate(
            session,
            principal=principal,
            year=body.year,
            code=body.area_code,
            amount=indicators.amount_of(body),
            note=body.note,
        )
    )


@router.post("/indicators/withdrawals", response_model=TxnOut, status_code=201)
def withdraw(body: AllocationIn, session: Session = DB, principal: Principal = SUPERVISE) -> Any:
    return TxnOut.of(
        allocations.withdraw(
            session,
            principal=principal,
            year=body.year,
            code=body.area_code,
            amount=indicators.amount_of(body),
            note=body.note,
        )
    )


@router.post("/indicators/transfers", response_model=TxnOut, status_code=201)
def transfer(body: TransferIn, session: Session = DB, principal: Principal = SUPERVISE) -> Any:
    return TxnOut.of(
        allocations.transfer(
            session,
            principal=principal,
            year=body.year,
            from_code=body.from_area,
            to_code=body.to_area,
            amount=indicators.amount_of(body),
            note=body.note,
        )
    )


@router.get("/indicators/journal", response_model=PageOut[TxnOut])
def journal(
    year: int | None = YEAR,
    area: str = Query("", max_length=6),
    kind: str = KIND,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    _: Principal = READ,
) -> PageOut[TxnOut]:
    query = allocations.journal_query(
        year=year or reference.today().year, area_code=area, kind=kind
    )
    page = paginate_query(session, query, params)
    return PageOut.of(page, [TxnOut.of(x) for x in page.items])


@router.get("/indicators/reconcile")
def reconcile(session: Session = DB, _: Principal = SUPERVISE) -> dict[str, Any]:
    return indicators.reconcile(session)


@router.get("/association-records", response_model=PageOut[RecordOut])
def records(
    kind: str = Query("", pattern="^(inspection|warning|commendation|training|)$"),
    q: str = Query("", max_length=40),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> PageOut[RecordOut]:
    page = paginate_query(session, association.records_query(principal, kind=kind, q=q), params)
    return PageOut.of(page, [RecordOut.of(x) for x in page.items])


@router.get("/association-records.csv", response_class=Response)
def records_csv(
    kind: str = Query("", pattern="^(inspection|warning|commendation|training|)$"),
    session: Session = DB,
    principal: Principal = READ,
) -> Response:
    rows = session.scalars(association.records_query(principal, kind=kind))
    return export.csv_response("association-records", export.RECORDS, rows, export.plain)


@router.post("/association-records", response_model=RecordOut, status_code=201)
def add_record(
    body: AssociationRecordIn, session: Session = DB, principal: Principal = ASSOCIATE
) -> Any:
    return RecordOut.of(association.add_record(session, principal=principal, data=body))


@router.get("/credit")
def credit(session: Session = DB, principal: Principal = READ) -> list[dict[str, Any]]:
    return association.credit(session, principal=principal)


@router.get("/bases", response_model=PageOut[BaseOut])
def bases(
    q: str = Query("", max_length=40),
    kind: str = Query("", max_length=24),
    level: str = Query("", max_length=12),
    area: str = Query("", max_length=6),
    key_project: str = Query("", pattern="^(yes|no|)$"),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    _: Principal = PUBLIC,
) -> PageOut[BaseOut]:
    query = association.bases_query(q=q, kind=kind, level=level, area=area, key_project=key_project)
    page = paginate_query(session, query, params)
    return PageOut.of(page, [BaseOut.of(x) for x in page.items])


@router.get("/bases.csv", response_class=Response)
def bases_csv(session: Session = DB, _: Principal = PUBLIC) -> Response:
    rows = session.scalars(association.bases_query())
    return export.csv_response("bases", export.BASES, rows, export.plain)


@router.post("/bases", response_model=BaseOut, status_code=201)
def create_base(body: BaseIn, session: Session = DB, principal: Principal = SUPERVISE) -> Any:
    return BaseOut.of(association.create_base(session, principal=principal, data=body))


@router.get("/bases/{base_id}", response_model=BaseOut)
def base(base_id: str, session: Session = DB, _: Principal = PUBLIC) -> Any:
    return BaseOut.of(association.get_base(session, base_id))


@router.patch("/bases/{base_id}", response_model=BaseOut)
def update_base(
    base_id: str, body: BaseUpdate, session: Session = DB, principal: Principal = SUPERVISE
) -> Any:
    return BaseOut.of(
        association.update_base(session, principal=principal, base_id=base_id, data=body)
    )


@router.get("/bases/{base_id}/history", response_model=list[HistoryEntry])
def base_history(base_id: str, session: Session = DB, principal: Principal = READ) -> Any:
    found = association.get_base(session, base_id)
    events = history(session, principal=principal, entity_ids=[found.id])
    return [HistoryEntry.model_validate(e, from_attributes=True) for e in events]


@router.get("/statistics")
def statistics_board(
    year: int | None = YEAR, session: Session = DB, principal: Principal = PUBLIC
) -> dict[str, Any]:
    return statistics.board(session, principal, year)


@router.put("/statistics", response_model=StatisticOut)
def record_statistic(
    body: StatisticIn, session: Session = DB, principal: Principal = ASSOCIATE
) -> Any:
    return StatisticOut.of(association.record_statistic(session, principal=principal, data=body))
