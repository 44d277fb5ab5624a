"""p15 API for transfers: proposal (with its legal basis), publicity, the unit's decision (which
writes the due-diligence exemption record), the contract, termination; income with the
inventors' reward, and each researcher's reward lines."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.practices.tech_transfer import repository, rewards, transfers
from ftz.practices.tech_transfer.api_common import DB, MANAGE, READ, history
from ftz.practices.tech_transfer.common import viewer_for
from ftz.practices.tech_transfer.models import Income, RewardLine, Transfer
from ftz.practices.tech_transfer.schemas import (
    ContractIn,
    DecisionIn,
    IncomeIn,
    NoteIn,
    PublicityIn,
    TransferIn,
)
from ftz.practices.tech_transfer.schemas_out import (
    ExemptionOut,
    IncomeOut,
    RewardLineOut,
    TransferOut,
)

router = APIRouter()
MODE = Query("", pattern="^(licence|assignment|equity|)$")
STATUS = Query("", pattern="^(proposed|publicity|decided|contracted|terminated|)$")


@router.get("/transfers", response_model=PageOut[TransferOut])
def list_transfers(
    q: str = Query("", max_length=100),
    mode: str = MODE,
    status: str = STATUS,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> PageOut[TransferOut]:
    filters: list[Any] = []
    if q:
        filters.append(Transfer.number.like(f"%{q}%") | Transfer.counterparty.like(f"%{q}%"))
    if mode:
        filters.append(Transfer.mode == mode)
    if status:
        filters.append(Transfer.status == status)
    found = repository.page(
        session,
        viewer_for(session, who),
        Transfer,
        params,
        *filters,
        order=(Transfer.created_at.desc(),),
    )
    return PageOut[TransferOut].of(found, [TransferOut.model_validate(t) for t in found.items])


@router.post("/transfers", response_model=TransferOut, status_code=201)
def propose(body: TransferIn, session: Session = DB, who: Principal = MANAGE) -> TransferOut:
    return TransferOut.model_validate(transfers.propose(session, principal=who, data=body))


@router.get("/transfers/{transfer_id}", response_model=TransferOut)
def get_transfer(transfer_id: str, session: Session = DB, who: Principal = READ) -> TransferOut:
    viewer = viewer_for(session, who)
    return TransferOut.model_validate(
        repository.get_visible(session, viewer, Transfer, transfer_id, "transfer")
    )


@router.post("/transfers/{transfer_id}/publicity", response_model=TransferOut)
def publish(
    transfer_id: str, body: PublicityIn, session: Session = DB, who: Principal = MANAGE
) -> TransferOut:
    made = transfers.publish(session, principal=who, transfer_id=transfer_id, data=body)
    return TransferOut.model_validate(made)


@router.post("/transfers/{transfer_id}/decision", response_model=TransferOut)
def decide(
    transfer_id: str, body: DecisionIn, session: Session = DB, who: Principal = MANAGE
) -> TransferOut:
    """The unit's own collective decision; nothing is submitted for approval or filing."""
    made = transfers.decide(session, principal=who, transfer_id=transfer_id, data=body)
    return TransferOut.model_validate(made)


@router.post("/transfers/{transfer_id}/contract", response_model=TransferOut)
def sign(
    transfer_id: str, body: ContractIn, session: Session = DB, who: Principal = MANAGE
) -> TransferOut:
    made = transfers.sign(session, principal=who, transfer_id=transfer_id, data=body)
    return TransferOut.model_validate(made)


@router.post("/transfers/{transfer_id}/terminate", response_model=TransferOut)
def terminate(
    transfer_id: str, body: NoteIn, session: Session = DB, who: Principal = MANAGE
) -> TransferOut:
    made = transfers.terminate(session, principal=who, transfer_id=transfer_id, data=body)
    return TransferOut.model_validate(made)


@router.get("/transfers/{transfer_id}/exemption", response_model=ExemptionOut)
def exemption(transfer_id: str, session: Session = DB, who: Principal = READ) -> ExemptionOut:
    viewer = viewer_for(session, who)
    found = repository.get_visible(session, viewer, Transfer, transfer_id, "transfer")
    record = repository.exemption_of(session, found.id)
    if record is None:
        raise not_found("exemption record (the transfer is not decided yet)")
    return ExemptionOut.model_validate(record)


@router.get("/transfers/{transfer_id}/history", response_model=list[dict[str, Any]])
def transfer_history(
    transfer_id: str, session: Session = DB, who: Principal = READ
) -> list[dict[str, Any]]:
    viewer = viewer_for(session, who)
    found = repository.get_visible(session, viewer, Transfer, transfer_id, "transfer")
    return [
        {"at": e.occurred_at, "who": e.actor_username, "action": e.action, "changes": e.changes}
        for e in history(session, who, found.id)
    ]


@router.get("/transfers/{transfer_id}/incomes", response_model=list[IncomeOut])
def list_incomes(transfer_id: str, session: Session = DB, who: Principal = READ) -> list[IncomeOut]:
    viewer = viewer_for(session, who)
    found = repository.get_visible(session, viewer, Transfer, transfer_id, "transfer")
    rows = repository.rows(
        session, viewer, Income, Income.transfer_id == found.id, order=(Income.received_on.desc(),)
    )
    return [IncomeOut.model_validate(i) for i in rows]


@router.post("/transfers/{transfer_id}/incomes", response_model=IncomeOut, status_code=201)
def record_income(
    transfer_id: str, body: IncomeIn, session: Session = DB, who: Principal = MANAGE
) -> IncomeOut:
    made = rewards.record_income(session, principal=who, transfer_id=transfer_id, data=body)
    return IncomeOut.model_validate(made)


@router.get("/rewards", response_model=PageOut[RewardLineOut])
def list_rewards(
    researcher_id: str = Query("", max_length=26),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> PageOut[RewardLineOut]:
    """Reward lines: a researcher sees their own, the office its unit's, the province all."""
    filters = [RewardLine.researcher_id == researcher_id] if researcher_id else []
    found = repository.page(
        session,
        viewer_for(session, who),
        RewardLine,
        params,
        *filters,
        order=(RewardLine.created_at.desc(),),
    )
    return PageOut[RewardLineOut].of(found, [RewardLineOut.model_validate(r) for r in found.items])
