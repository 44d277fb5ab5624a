"""p17 pages: licences (list with search and status filters, detail with the officer's
amendment and revocation forms, history) and the reminders of what expires soon."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams, page_params, paginate_query
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.practices.leisure_fishery import licences, reference, repository, service
from ftz.practices.leisure_fishery.models import Licence, Vessel
from ftz.practices.leisure_fishery.pages_common import (
    BASE,
    DB,
    READ,
    SUPERVISE,
    T,
    choices,
    read_form,
)
from ftz.practices.leisure_fishery.schemas import LicenceUpdate, ReasonIn

router = APIRouter(include_in_schema=False)
STATUS = Query("", pattern="^(active|expired|revoked|)$")


@router.get("/licences", response_class=HTMLResponse)
def licence_list(
    request: Request,
    q: str = Query("", max_length=40),
    status: str = STATUS,
    area: str = Query("", max_length=6),
    expiring_within: int = Query(0, ge=0, le=366),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> Response:
    filters: dict[str, Any] = {
        "q": q,
        "status": status,
        "area": area,
        "expiring_within": expiring_within,
    }
    query = repository.licences_query(
        principal,
        on=reference.today(),
        q=q,
        status=status,
        area=area,
        expiring_within=expiring_within,
    )
    page = paginate_query(session, query, params)
    vessels = repository.vessel_names(session, {x.vessel_id for x in page.items})
    context = {
        "page": page,
        "filters": filters,
        "vessels": vessels,
        **choices(),
        "query": "&".join(f"{k}={v}" for k, v in filters.items()),
    }
    return render(request, T + "licences.html", context)


def _detail(
    request: Request,
    session: Session,
    principal: Principal,
    licence_id: str,
    errors: Any,
    values: dict[str, Any],
    status: int,
) -> Response:
    licence = repository.get(session, principal, Licence, licence_id, "licence")
    vessel = repository.get(session, principal, Vessel, licence.vessel_id, "vessel")
    context = {
        "licence": licence,
        "vessel": vessel,
        "errors": errors,
        "values": values,
        **choices(),
        "history": service.history(session, principal=principal, entity_ids=[licence.id]),
        "can_amend": service.is_fishery_officer(principal) and licence.status == "active",
    }
    return render(request, T + "licence.html", context, status=status)


@router.get("/licences/{licence_id}", response_class=HTMLResponse)
def licence(
    request: Request, licence_id: str, session: Session = DB, principal: Principal = READ
) -> Response:
    return _detail(request, session, principal, licence_id, {}, {}, 200)


@router.post("/licences/{licence_id}/edit", response_class=HTMLResponse)
async def amend(
    request: Request, licence_id: str, session: Session = DB, principal: Principal = SUPERVISE
) -> Response:
    values = await read_form(request, "sea_areas", "gear")
    try:
        data = LicenceUpdate.model_validate(values)
        with session.begin_nested():
            licences.update(session, principal=principal, licence_id=licence_id, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status in (403, 404):
            raise
        return _detail(
            request,
            session,
            principal,
            licence_id,
            {"amend": form_problems(exc)},
            {"amend": values},
            422,
        )
    return RedirectResponse(f"{BASE}/licences/{licence_id}", status_code=303)


@router.post("/licences/{licence_id}/revoke", response_class=HTMLResponse)
async def revoke(
    request: Request, licence_id: str, session: Session = DB, principal: Principal = SUPERVISE
) -> Response:
    values = await read_form(request)
    try:
        data = ReasonIn.model_validate(values)
        with session.begin_nested():
            licences.revoke(session, principal=principal, licence_id=licence_id, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status in (403, 404):
            raise
        return _detail(
            request,
            session,
            principal,
            licence_id,
            {"revoke": form_problems(exc)},
            {"revoke": values},
            422,
        )
    return RedirectResponse(f"{BASE}/licences/{licence_id}", status_code=303)


@router.get("/reminders", response_class=HTMLResponse)
def reminders(request: Request, session: Session = DB, principal: Principal = READ) -> Response:
    due = licences.reminders(session, principal=principal)
    ids = {x.vessel_id for key in ("licences", "insurance", "safety_officers") for x in due[key]}
    context = {"due": due, "vessels": repository.vessel_names(session, ids), **choices()}
    return render(request, T + "reminders.html", context)
