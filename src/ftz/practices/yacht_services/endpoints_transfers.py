"""p16 API: the one-application transfer — filed by the new owner, consented by the previous
owner, accepted and completed by the maritime officer; committed documents supplied later."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageParams, page_params
from ftz.practices.yacht_services import export, monitoring, repository, transfers, views
from ftz.practices.yacht_services.api_common import DB, READ, REPORT
from ftz.practices.yacht_services.common import documents
from ftz.practices.yacht_services.models import Transfer
from ftz.practices.yacht_services.schemas import (
    SupplyIn,
    TransferEventIn,
    TransferIn,
    TransferOut,
    TransferPage,
)

router = APIRouter()
STATUS = Query(None, pattern="^(submitted|consented|accepted|completed|rejected|withdrawn)$")
SLA = Query(None, pattern="^(met|missed|overdue)$")


class TransferDetail(TransferOut):
    live: dict[str, Any]


def _detail(transfer: Transfer) -> TransferDetail:
    return TransferDetail.model_validate(
        {**TransferOut.model_validate(transfer).model_dump(), "live": views.transfer_live(transfer)}
    )


@router.get("/transfer-documents", response_model=dict[str, Any])
def transfer_documents(who: Principal = READ) -> dict[str, Any]:
    """The four items and the one merged document set; rules/commitment.json decides which
    documents may be committed."""
    return documents()


@router.get("/transfers", response_model=TransferPage)
def list_transfers(
    status: str | None = STATUS,
    sla: str | None = SLA,
    q: str | None = Query(None, max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> TransferPage:
    query = views.transfer_query(who, status=status, sla=sla, text=q)
    found = repository.page(session, query, params)
    items = [TransferOut.model_validate(t) for t in found.items]
    return TransferPage(items=items, total=found.total, page=found.page, size=found.size)


@router.get("/transfers.csv", response_class=Response)
def transfers_csv(
    status: str | None = STATUS, sla: str | None = SLA, session: Session = DB,
    who: Principal = READ,
) -> Response:  # fmt: skip
    query = views.transfer_query(who, status=status, sla=sla, text=None)
    return export.csv_response(repository.rows(session, query), export.TRANSFER_COLUMNS,
                               "p16-transfers.csv")  # fmt: skip


@router.post("/transfers", response_model=TransferDetail, status_code=201)
def file_transfer(body: TransferIn, session: Session = DB, who: Principal = REPORT) -> Any:
    return _detail(transfers.file(session, principal=who, data=body))


@router.get("/transfers/{transfer_id}", response_model=TransferDetail)
def get_transfer(transfer_id: str, session: Session = DB, who: Principal = READ) -> Any:
    return _detail(repository.get(session, who, Transfer, transfer_id))


@router.post("/transfers/{transfer_id}/events", response_model=TransferDetail)
def transfer_event(
    transfer_id: str, body: TransferEventIn, session: Session = DB, who: Principal = READ
) -> Any:
    """consent / withdraw (the parties), accept / complete / reject (maritime officers)."""
    made = transfers.act(session, principal=who, transfer_id=transfer_id, data=body)
    return _detail(made)


@router.post("/transfers/{transfer_id}/supply", response_model=TransferDetail)
def supply_document(
    transfer_id: str, body: SupplyIn, session: Session = DB, who: Principal = REPORT
) -> Any:
    made = transfers.supply(session, principal=who, transfer_id=transfer_id, data=body)
    return _detail(made)


@router.get("/transfers/{transfer_id}/history", response_model=list[dict[str, Any]])
def transfer_history(
    transfer_id: str, session: Session = DB, who: Principal = READ
) -> list[dict[str, Any]]:
    repository.get(session, who, Transfer, transfer_id)
    return monitoring.history(session, principal=who, entity_id=transfer_id)
