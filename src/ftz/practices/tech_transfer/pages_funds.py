"""p15 pool pages for the tech-transfer office: the pool's balance and its transactions (pages,
CSV) with the forms to contribute a project's surplus, invest beside a decided equity transfer
and book a return; the horizontal projects with their surplus and the close form."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import records_csv as csv_response
from ftz.core.kit.errors import FieldProblem, FtzError, validation_error
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_values
from ftz.core.web.templating import render
from ftz.practices.tech_transfer import forms, pool, repository
from ftz.practices.tech_transfer.api_common import BASE, DB, MANAGE, READ, query_string
from ftz.practices.tech_transfer.common import Viewer, viewer_for, yuan
from ftz.practices.tech_transfer.models import Pool, PoolTxn, Project, Transfer
from ftz.practices.tech_transfer.schemas_more import (
    ContributionIn,
    MovementIn,
    ProjectCloseIn,
    ProjectIn,
)

router = APIRouter(include_in_schema=False)
T = "tech_transfer/"
KIND_Q = Query("", pattern="^(contribution|investment|return|)$")
CSV_COLUMNS = (
    "booked_on",
    "kind",
    "amount",
    "balance_after",
    "project",
    "transfer",
    "memo",
    "ledger_sha256",
    "id",
)


def _pool_page(
    request: Request,
    session: Session,
    who: Principal,
    kind: str,
    params: PageParams,
    errors: list[FieldProblem],
    values: dict[str, str],
    form: str = "",
) -> Response:
    viewer = viewer_for(session, who)
    found = repository.page(
        session,
        viewer,
        PoolTxn,
        params,
        *([PoolTxn.kind == kind] if kind else []),
        order=(PoolTxn.booked_on.desc(), PoolTxn.created_at.desc()),
    )
    pools = repository.rows(session, viewer, Pool)
    context = {
        "page": found,
        "pools": pools,
        "kind": kind,
        "names": repository.org_names(session, {p.org_id for p in pools}),
        "query": query_string({"kind": kind}),
        "viewer": viewer,
        "errors": errors,
        "values": values,
        "form": form,
        **_choices(session, viewer),
        "reconcile": pool.reconcile(session, principal=who),
    }
    return render(request, T + "pool.html", context, status=422 if errors else 200)


def _choices(session: Session, viewer: Viewer) -> dict[str, object]:
    """The office's closed projects with surplus left and its decided equity transfers."""
    if not viewer.office:
        return {"projects": [], "equities": []}
    projects = repository.rows(
        session,
        viewer,
        Project,
        Project.status == "closed",
        Project.surplus_fen > Project.contributed_fen,
        order=(Project.code,),
    )
    equities = repository.rows(
        session,
        viewer,
        Transfer,
        Transfer.mode == "equity",
        Transfer.status.in_(pool.INVESTABLE),
        order=(Transfer.number.desc(),),
        limit=200,
    )
    return {"projects": projects, "equities": equities}


@router.get("/pool", response_class=HTMLResponse)
def pool_page(
    request: Request,
    kind: str = KIND_Q,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return _pool_page(request, session, who, kind, params, [], {})


@router.get("/pool.csv")
def pool_csv(kind: str = KIND_Q, session: Session = DB, who: Principal = READ) -> Response:
    viewer = viewer_for(session, who)
    found = repository.rows(
        session,
        viewer,
        PoolTxn,
        *([PoolTxn.kind == kind] if kind else []),
        order=(PoolTxn.booked_on.desc(),),
    )
    rows = [
        {
            "booked_on": t.booked_on,
            "kind": t.kind,
            "amount": yuan(t.amount_fen),
            "balance_after": yuan(t.balance_after_fen),
            "project": t.project_id or "",
            "transfer": t.transfer_id or "",
            "memo": t.memo,
            "ledger_sha256": t.ledger_sha256,
            "id": t.id,
        }
        for t in found
    ]
    return csv_response(CSV_COLUMNS, rows, "tech-transfer-pool.csv")


@router.post("/pool", response_class=HTMLResponse)
async def move(request: Request, session: Session = DB, who: Principal = MANAGE) -> Response:
    """One form per movement, told apart by `action`: contribute, invest or return."""
    values = await form_values(request)
    action = values.get("action", "")
    try:
        body = forms.without_blanks({k: v for k, v in values.items() if k != "action"})
        with session.begin_nested():
            if action == "contribute":
                pool.contribute(session, principal=who, data=ContributionIn.model_validate(body))
            elif action in ("invest", "return"):
                do = pool.invest if action == "invest" else pool.give_back
                do(session, principal=who, data=MovementIn.model_validate(body))
            else:
                raise validation_error("action", "contribute, invest or return")
    except (FtzError, ValidationError) as exc:
        problems = forms.shown_again(exc)
        return _pool_page(request, session, who, "", PageParams(), problems, values, action)
    return RedirectResponse(f"{BASE}/pool", status_code=303)


def _projects(
    request: Request,
    session: Session,
    who: Principal,
    errors: list[FieldProblem],
    values: dict[str, str],
    form: str = "",
) -> Response:
    viewer = viewer_for(session, who)
    found = repository.rows(session, viewer, Project, order=(Project.created_at.desc(),), limit=500)
    context = {
        "projects": found,
        "viewer": viewer,
        "errors": errors,
        "values": values,
        "form": form,
    }
    return render(request, T + "projects.html", context, status=422 if errors else 200)


@router.get("/projects", response_class=HTMLResponse)
def projects(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    return _projects(request, session, who, [], {})


@router.post("/projects", response_class=HTMLResponse)
async def add_project(request: Request, session: Session = DB, who: Principal = MANAGE) -> Response:
    values = await form_values(request)
    try:
        data = ProjectIn.model_validate(forms.without_blanks(values))
        with session.begin_nested():
            pool.create_project(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _projects(request, session, who, forms.shown_again(exc), values, "new")
    return RedirectResponse(f"{BASE}/projects", status_code=303)


@router.post("/projects/{project_id}/close", response_class=HTMLResponse)
async def close_project(
    request: Request, project_id: str, session: Session = DB, who: Principal = MANAGE
) -> Response:
    values = await form_values(request)
    try:
        body = {**forms.without_blanks(values), "accepted": values.get("accepted") == "yes"}
        with session.begin_nested():
            pool.close_project(
                session,
                principal=who,
                project_id=project_id,
                data=ProjectCloseIn.model_validate(body),
            )
    except (FtzError, ValidationError) as exc:
        return _projects(request, session, who, forms.shown_again(exc), values, project_id)
    return RedirectResponse(f"{BASE}/projects", status_code=303)
