"""p10 HTTP API: modes and combinations, the recommendation, recorded requests and choices (with
their history and a CSV export), and the customs officers' statistics."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import PageParams, page_params
from ftz.practices.clearance_menu import export, menu, service
from ftz.practices.clearance_menu.catalog import catalog
from ftz.practices.clearance_menu.schemas import ChoiceIn, MenuRequest, RequestOut, RequestPage

router = APIRouter()
DB = Depends(get_db, scope="function")
DIRECTION = Query(None, pattern="^(import|export)$")
TRANSPORT = Query(None, max_length=32)
COMBINATION = Query(None, max_length=8)
TEXT = Query(None, max_length=100)


@router.get("/modes", response_model=list[dict[str, Any]])
def modes(_: Principal = Depends(require("clearance_menu.browse"))) -> list[dict[str, Any]]:
    """The 11 modes with their preconditions (rule rows) and sources."""
    return [
        {**mode.model_dump(), "preconditions": menu.preconditions(code)}
        for code, mode in catalog().modes.items()
    ]


@router.get("/combinations", response_model=list[dict[str, Any]])
def combinations(
    direction: str | None = DIRECTION, _: Principal = Depends(require("clearance_menu.browse"))
) -> list[dict[str, Any]]:
    """The 18 combinations (10 import, 8 export), best rank first."""
    directions = [direction] if direction else ["import", "export"]
    return [menu.describe(c) for d in directions for c in catalog().for_direction(d)]


@router.get("/combinations/{code}", response_model=dict[str, Any])
def combination(
    code: str, _: Principal = Depends(require("clearance_menu.browse"))
) -> dict[str, Any]:
    found = catalog().combination(code.upper())
    if found is None:
        raise not_found("combination")
    return menu.combination_detail(found)


@router.post("/recommend", response_model=dict[str, Any])
def recommend(
    body: MenuRequest,
    session: Session = DB,
    principal: Principal = Depends(require("clearance_menu.browse")),
) -> dict[str, Any]:
    """The best combination, the alternatives, the excluded modes with their reasons and the
    fired rule rows. An enterprise's request is recorded: `request_id` is set."""
    return service.recommend(session, principal=principal, request=body)


@router.get("/requests", response_model=RequestPage)
def requests(
    direction: str | None = DIRECTION,
    transport: str | None = TRANSPORT,
    combination: str | None = COMBINATION,
    q: str | None = TEXT,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = Depends(require("clearance_menu.read")),
) -> RequestPage:
    page = service.search(
        session, principal=principal, params=params, direction=direction,
        transport=transport, combination=combination, text=q,
    )  # fmt: skip
    return RequestPage(
        items=[RequestOut.model_validate(r) for r in page.items],
        total=page.total,
        page=page.page,
        size=page.size,
    )


@router.get("/requests.csv", response_class=Response)
def requests_csv(
    direction: str | None = DIRECTION,
    transport: str | None = TRANSPORT,
    combination: str | None = COMBINATION,
    q: str | None = TEXT,
    session: Session = DB,
    principal: Principal = Depends(require("clearance_menu.read")),
) -> Response:
    return export.csv_response(
        session, principal, direction=direction, transport=transport,
        combination=combination, text=q,
    )  # fmt: skip


@router.get("/requests/{record_id}", response_model=RequestOut)
def request_detail(
    record_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("clearance_menu.read")),
) -> RequestOut:
    return RequestOut.model_validate(service.get(session, principal=principal, record_id=record_id))


@router.get("/requests/{record_id}/history", response_model=list[dict[str, Any]])
def request_history(
    record_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("clearance_menu.read")),
) -> list[dict[str, Any]]:
    events = service.history(session, principal=principal, record_id=record_id)
    return [
        {
            "occurred_at": e.occurred_at,
            "actor": e.actor_username,
            "action": e.action,
            "changes": e.changes,
        }
        for e in events
    ]


@router.post("/requests/{record_id}/choice", response_model=RequestOut)
def record_choice(
    record_id: str,
    body: ChoiceIn,
    session: Session = DB,
    principal: Principal = Depends(require("clearance_menu.choose")),
) -> RequestOut:
    """Record the combination the enterprise takes (anchored in the evidence ledger)."""
    record = service.choose(
        session, principal=principal, record_id=record_id, combination=body.combination
    )
    return RequestOut.model_validate(record)


@router.get("/statistics", response_model=dict[str, Any])
def statistics(
    session: Session = DB, principal: Principal = Depends(require("clearance_menu.stats"))
) -> dict[str, Any]:
    """Choices by combination, direction, transport and month (customs officers)."""
    return service.statistics(session, principal=principal)
