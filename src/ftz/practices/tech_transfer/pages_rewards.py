"""p15 reward pages: each researcher's own reward lines, the office's whole unit, the province's
all (pages, CSV); every line links to the transfer whose page explains the computation."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import records_csv as csv_response
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.templating import render
from ftz.practices.tech_transfer import repository
from ftz.practices.tech_transfer.api_common import DB, READ
from ftz.practices.tech_transfer.common import viewer_for, yuan
from ftz.practices.tech_transfer.models import RewardLine, Transfer

router = APIRouter(include_in_schema=False)
T = "tech_transfer/"
REWARD_COLUMNS = (
    "created_at",
    "transfer",
    "researcher",
    "share_pct",
    "amount",
    "equity_pct",
    "rule_row",
    "id",
)


@router.get("/rewards", response_class=HTMLResponse)
def reward_list(
    request: Request,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    viewer = viewer_for(session, who)
    found = repository.page(
        session, viewer, RewardLine, params, order=(RewardLine.created_at.desc(),)
    )
    numbers = _transfer_numbers(session, {r.transfer_id for r in found.items})
    names = repository.names_of(session, {r.researcher_id for r in found.items})
    context = {"page": found, "numbers": numbers, "names": names, "viewer": viewer}
    return render(request, T + "rewards.html", context)


@router.get("/rewards.csv")
def rewards_csv(session: Session = DB, who: Principal = READ) -> Response:
    viewer = viewer_for(session, who)
    found = repository.rows(session, viewer, RewardLine, order=(RewardLine.created_at.desc(),))
    numbers = _transfer_numbers(session, {r.transfer_id for r in found})
    names = repository.names_of(session, {r.researcher_id for r in found})
    rows = [
        {
            "created_at": r.created_at.isoformat(timespec="seconds"),
            "transfer": numbers.get(r.transfer_id, ""),
            "researcher": names.get(r.researcher_id),
            "share_pct": r.share_pct,
            "amount": yuan(r.amount_fen),
            "equity_pct": r.equity_pct,
            "rule_row": r.rule_row,
            "id": r.id,
        }
        for r in found
    ]
    return csv_response(REWARD_COLUMNS, rows, "tech-transfer-rewards.csv")


def _transfer_numbers(session: Session, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    query = select(Transfer.id, Transfer.number).where(Transfer.id.in_(ids))
    return {str(i): str(n) for i, n in session.execute(query)}
