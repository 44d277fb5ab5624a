"""p23 pages for the parks (the register, kept by admins; each park's page with its agreements
and projects) and the cooperation agreements (list with the form to sign one; each agreement's
page with its enclave arrangements, the form to make one, and termination)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_values
from ftz.core.web.templating import render
from ftz.practices.industry_transfer import partners, repository, service
from ftz.practices.industry_transfer.access import acts_for, scope_of
from ftz.practices.industry_transfer.page_common import (
    BASE,
    DB,
    PARKS,
    READ,
    REGISTER,
    query_string,
    shown_again,
    without_blanks,
)
from ftz.practices.industry_transfer.reference import provinces
from ftz.practices.industry_transfer.schemas import (
    AgreementIn,
    ArrangementIn,
    ParkIn,
    TerminateIn,
)

router = APIRouter(include_in_schema=False)


def _parks(
    request: Request,
    session: Session,
    who: Principal,
    wanted: dict[str, str],
    params: PageParams,
    errors: list[FieldProblem],
    values: dict[str, str],
) -> Response:
    scope = scope_of(session, who)
    filters = repository.park_filters(wanted["q"], wanted["role"], wanted["province"])
    context = {"page": repository.park_page(session, scope, params, *filters),
               "filters": wanted, "query": query_string(wanted), "provinces": provinces(),
               "can_add": allows(who, "industry_transfer.parks") and who.is_admin,
               "errors": errors, "values": values}  # fmt: skip
    return render(request, "industry_transfer/parks.html", context,
                  status=422 if errors else 200)  # fmt: skip


@router.get("/parks", response_class=HTMLResponse)
def parks(
    request: Request,
    q: str = Query("", max_length=100),
    role: str = Query("", pattern="^(sponsor|receiving|)$"),
    province: str = Query("", pattern=r"^(\d{2}|)$"),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    wanted = {"q": q, "role": role, "province": province}
    return _parks(request, session, who, wanted, params, [], {})


@router.post("/parks", response_class=HTMLResponse)
async def add_park(request: Request, session: Session = DB, who: Principal = PARKS) -> Response:
    values = await form_values(request)
    try:
        data = ParkIn.model_validate(without_blanks(values))
        with session.begin_nested():
            made = partners.create_park(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        wanted = {"q": "", "role": "", "province": ""}
        return _parks(request, session, who, wanted, PageParams(), shown_again(exc), values)
    return RedirectResponse(f"{BASE}/parks/{made.id}", status_code=303)


@router.get("/parks/{park_id}", response_class=HTMLResponse)
def park(request: Request, park_id: str, session: Session = DB, who: Principal = READ) -> Response:
    scope = scope_of(session, who)
    found = repository.park_by_id(session, scope, park_id)
    filters = repository.agreement_filters(park_id=found.id)
    context = {"park": found, "agreements": repository.agreements(session, scope, *filters),
               "projects": repository.project_page(
                   session, scope, PageParams(size=200),
                   *repository.project_filters(park_id=found.id)),
               "history": service.history(session, principal=who, entity_ids=[found.id]),
               "provinces": provinces()}  # fmt: skip
    return render(request, "industry_transfer/park.html", context)


def _agreements(
    request: Request,
    session: Session,
    who: Principal,
    wanted: dict[str, str],
    params: PageParams,
    errors: list[FieldProblem],
    values: dict[str, str],
) -> Response:
    scope = scope_of(session, who)
    filters = repository.agreement_filters(wanted["q"], wanted["status"])
    context = {"page": repository.agreement_page(session, scope, params, *filters),
               "filters": wanted, "query": query_string(wanted),
               "parks": repository.parks(session, scope),
               "can_sign": bool(scope.own_parks) or who.is_admin,
               "errors": errors, "values": values}  # fmt: skip
    return render(request, "industry_transfer/agreements.html", context,
                  status=422 if errors else 200)  # fmt: skip


@router.get("/agreements", response_class=HTMLResponse)
def agreements(
    request: Request,
    q: str = Query("", max_length=100),
    status: str = Query("", pattern="^(in_force|terminated|)$"),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return _agreements(request, session, who, {"q": q, "status": status}, params, [], {})


@router.post("/agreements", response_class=HTMLResponse)
async def sign(request: Request, session: Session = DB, who: Principal = REGISTER) -> Response:
    values = await form_values(request)
    try:
        data = AgreementIn.model_validate(without_blanks(values))
        with session.begin_nested():
            made = partners.create_agreement(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        wanted = {"q": "", "status": ""}
        return _agreements(request, session, who, wanted, PageParams(), shown_again(exc), values)
    return RedirectResponse(f"{BASE}/agreements/{made.id}", status_code=303)


def _agreement(
    request: Request,
    session: Session,
    who: Principal,
    agreement_id: str,
    errors: list[FieldProblem],
    values: dict[str, str],
    form: str = "",
) -> Response:
    scope = scope_of(session, who)
    found = repository.agreement_by_id(session, scope, agreement_id)
    arrangements = repository.arrangements(session, [found.id])
    context = {
        "agreement": found, "arrangements": arrangements,
        "projects": repository.project_page(
            session, scope, PageParams(size=200),
            *repository.project_filters(agreement_id=found.id)),
        "can_act": acts_for(who, scope, found.sponsor_park_id, found.receiving_park_id)
        and found.status == "in_force",
        "history": service.history(session, principal=who,
                                   entity_ids=[found.id, *(a.id for a in arrangements)]),
        "errors": errors, "values": values, "form": form,
    }  # fmt: skip
    return render(request, "industry_transfer/agreement.html", context,
                  status=422 if errors else 200)  # fmt: skip


@router.get("/agreements/{agreement_id}", response_class=HTMLResponse)
def agreement(
    request: Request, agreement_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _agreement(request, session, who, agreement_id, [], {})


@router.post("/agreements/{agreement_id}/terminate", response_class=HTMLResponse)
async def terminate(
    request: Request, agreement_id: str, session: Session = DB, who: Principal = REGISTER
) -> Response:
    values = await form_values(request)
    try:
        data = TerminateIn.model_validate(without_blanks(values))
        with session.begin_nested():
            partners.terminate_agreement(session, principal=who, agreement_id=agreement_id,
                                         data=data)  # fmt: skip
    except (FtzError, ValidationError) as exc:
        return _agreement(request, session, who, agreement_id, shown_again(exc), values,
                          "terminate")  # fmt: skip
    return RedirectResponse(f"{BASE}/agreements/{agreement_id}", status_code=303)


@router.post("/agreements/{agreement_id}/arrangements", response_class=HTMLResponse)
async def arrange(
    request: Request, agreement_id: str, session: Session = DB, who: Principal = REGISTER
) -> Response:
    values = await form_values(request)
    try:
        found = repository.agreement_by_id(session, scope_of(session, who), agreement_id)
        data = ArrangementIn.model_validate({**without_blanks(values), "agreement": found.number})
        with session.begin_nested():
            partners.create_arrangement(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _agreement(request, session, who, agreement_id, shown_again(exc), values,
                          "arrangement")  # fmt: skip
    return RedirectResponse(f"{BASE}/agreements/{agreement_id}", status_code=303)
