"""p08 HTTP API: lists, returns (declared at any customs), the review queue, approval and
refusal, statistics and reconciliation. Every write accepts an `Idempotency-Key` header."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.web import idempotency
from ftz.practices.cbec_returns import accounts, repository, service
from ftz.practices.cbec_returns.schemas import DecisionIn, ListIn, ReturnIn

router = APIRouter()
DB = Depends(get_db, scope="function")
KEY = idempotency.KEY
# Idempotency keys are kept by the core for every practice: routes carry the practice.
ROUTE = "cbec_returns"
STATUS = Query(None, pattern="^(requested|approved|refused)$")


@router.post("/lists", status_code=201)
def declare_list(
    body: ListIn, key: str | None = KEY, session: Session = DB,
    principal: Principal = Depends(require("cbec_returns.declare")),
) -> JSONResponse:  # fmt: skip
    def act() -> dict[str, Any]:
        item = service.declare_list(session, principal=principal, data=body)
        return service.list_view(session, item)

    payload = body.model_dump(mode="json")
    return idempotency.run(session, principal, key, f"{ROUTE}/lists", payload, 201, act)


@router.get("/lists")
def lists(
    session: Session = DB, principal: Principal = Depends(require("cbec_returns.read"))
) -> list[dict[str, Any]]:
    return [service.list_view(session, x) for x in repository.lists(session, principal)]


@router.get("/lists/{list_id}")
def one_list(
    list_id: str, session: Session = DB,
    principal: Principal = Depends(require("cbec_returns.read")),
) -> dict[str, Any]:  # fmt: skip
    return service.list_view(session, repository.get_list(session, principal, list_id))


@router.post("/returns", status_code=201)
def declare_return(
    body: ReturnIn, key: str | None = KEY, session: Session = DB,
    principal: Principal = Depends(require("cbec_returns.declare")),
) -> JSONResponse:  # fmt: skip
    def act() -> dict[str, Any]:
        return service.return_view(service.declare_return(session, principal=principal, data=body))

    payload = body.model_dump(mode="json")
    return idempotency.run(session, principal, key, f"{ROUTE}/returns", payload, 201, act)


@router.get("/returns")
def returns(
    status: str | None = STATUS, session: Session = DB,
    principal: Principal = Depends(require("cbec_returns.read")),
) -> list[dict[str, Any]]:  # fmt: skip
    return [service.return_view(r) for r in repository.returns(session, principal, status)]


@router.get("/returns/{return_id}")
def one_return(
    return_id: str, session: Session = DB,
    principal: Principal = Depends(require("cbec_returns.read")),
) -> dict[str, Any]:  # fmt: skip
    return service.return_view(repository.get_return(session, principal, return_id))


@router.post("/returns/{return_id}/{action}")
def decide(
    return_id: str, action: str, body: DecisionIn, key: str | None = KEY, session: Session = DB,
    principal: Principal = Depends(require("cbec_returns.review")),
) -> JSONResponse:  # fmt: skip
    if action not in ("approve", "refuse"):
        from ftz.core.kit.errors import not_found

        raise not_found("action")
    do = service.approve if action == "approve" else service.refuse

    def act() -> dict[str, Any]:
        return service.return_view(do(session, principal=principal, return_id=return_id,
                                      data=body))  # fmt: skip

    route = f"{ROUTE}/returns/{return_id}/{action}"
    return idempotency.run(session, principal, key, route, body.model_dump(mode="json"), 200, act)


@router.get("/statistics")
def statistics(
    session: Session = DB, principal: Principal = Depends(require("cbec_returns.stats"))
) -> list[dict[str, Any]]:
    return repository.statistics(session, principal)


@router.get("/reconcile")
def reconcile(
    session: Session = DB, _: Principal = Depends(require("cbec_returns.stats"))
) -> dict[str, Any]:
    return accounts.reconcile(session)
