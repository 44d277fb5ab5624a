"""p17 pages: one vessel's page (particulars, the sailing check with its rows, inspections,
licences, safety officers, insurance, recent catch reports, history) and the forms on it, each
answering 422 beside its own form with nothing saved when the input is refused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.practices.leisure_fishery import (
    licences,
    reference,
    repository,
    sailing,
    service,
)
from ftz.practices.leisure_fishery.models import (
    CatchReport,
    Inspection,
    Insurance,
    Licence,
    SafetyOfficer,
    Vessel,
)
from ftz.practices.leisure_fishery.pages_common import (
    BASE,
    DB,
    OPERATE,
    READ,
    SUPERVISE,
    T,
    choices,
    read_form,
)
from ftz.practices.leisure_fishery.schemas import (
    InspectionIn,
    InsuranceIn,
    LicenceIn,
    SafetyOfficerIn,
)

router = APIRouter(include_in_schema=False)


def _detail(
    request: Request,
    session: Session,
    principal: Principal,
    vessel_id: str,
    errors: dict[str, Any],
    values: dict[str, Any],
    status: int,
) -> Response:
    vessel = repository.get(session, principal, Vessel, vessel_id, "vessel")
    today = reference.today()
    reports = session.scalars(
        select(CatchReport)
        .where(CatchReport.vessel_id == vessel.id)
        .order_by(CatchReport.trip_date.desc())
        .limit(20)
    ).all()
    operator = repository.get_org(session, vessel.org_id)
    context = {
        "vessel": vessel,
        "operator": operator,
        "sailing": sailing.sailing_check(session, vessel, today),
        "inspections": repository.children(
            session, Inspection, vessel.id, Inspection.inspected_on.desc()
        ),
        "licences": repository.children(session, Licence, vessel.id, Licence.valid_from.desc()),
        "officers": repository.children(
            session, SafetyOfficer, vessel.id, SafetyOfficer.valid_to.desc()
        ),
        "policies": repository.children(session, Insurance, vessel.id, Insurance.expires_on.desc()),
        "reports": reports,
        "errors": errors,
        "values": values,
        **choices(),
        "history": service.vessel_history(session, principal=principal, vessel_id=vessel.id),
        "can_edit": allows(principal, "leisure_fishery.operate")
        and (principal.is_enterprise or service.is_fishery_officer(principal)),
        "can_supervise": service.is_fishery_officer(principal)
        and allows(principal, "leisure_fishery.supervise"),
    }
    return render(request, T + "vessel.html", context, status=status)


@router.get("/vessels/{vessel_id}", response_class=HTMLResponse)
def vessel(
    request: Request, vessel_id: str, session: Session = DB, principal: Principal = READ
) -> Response:
    return _detail(request, session, principal, vessel_id, {}, {}, 200)


async def _sub_form(
    request: Request,
    session: Session,
    principal: Principal,
    vessel_id: str,
    form: str,
    schema: type[BaseModel],
    action: Callable[[Any], Any],
    lists: tuple[str, ...] = (),
    prepare: Callable[[dict[str, Any]], dict[str, Any]] = lambda v: v,
) -> Response:
    """One of the detail page's forms: on bad input the page again with the message beside that
    form (422) and nothing saved; otherwise back to the page."""
    repository.get(session, principal, Vessel, vessel_id, "vessel")
    values = await read_form(request, *lists)
    try:
        data = schema.model_validate(prepare(dict(values)))
        with session.begin_nested():
            action(data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status in (403, 404):
            raise
        return _detail(
            request, session, principal, vessel_id, {form: form_problems(exc)}, {form: values}, 422
        )
    return RedirectResponse(f"{BASE}/vessels/{vessel_id}#{form}", status_code=303)


def _findings(values: dict[str, Any]) -> dict[str, Any]:
    findings = []
    for n in range(5):
        item = values.pop(f"finding_{n}", "")
        severity = values.pop(f"severity_{n}", "minor")
        if item:
            findings.append({"item": item, "severity": severity})
    return {**values, "findings": findings}


@router.post("/vessels/{vessel_id}/inspections", response_class=HTMLResponse)
async def inspect(
    request: Request, vessel_id: str, session: Session = DB, principal: Principal = SUPERVISE
) -> Response:
    return await _sub_form(
        request,
        session,
        principal,
        vessel_id,
        "inspection",
        InspectionIn,
        lambda d: service.record_inspection(
            session, principal=principal, vessel_id=vessel_id, data=d
        ),
        prepare=_findings,
    )


@router.post("/vessels/{vessel_id}/licences", response_class=HTMLResponse)
async def issue_licence(
    request: Request, vessel_id: str, session: Session = DB, principal: Principal = SUPERVISE
) -> Response:
    return await _sub_form(
        request,
        session,
        principal,
        vessel_id,
        "licence",
        LicenceIn,
        lambda d: licences.issue(session, principal=principal, data=d),
        lists=("sea_areas", "gear"),
        prepare=lambda v: {**v, "vessel_id": vessel_id},
    )


@router.post("/vessels/{vessel_id}/safety-officers", response_class=HTMLResponse)
async def add_safety_officer(
    request: Request, vessel_id: str, session: Session = DB, principal: Principal = OPERATE
) -> Response:
    return await _sub_form(
        request,
        session,
        principal,
        vessel_id,
        "officer",
        SafetyOfficerIn,
        lambda d: service.add_safety_officer(
            session, principal=principal, vessel_id=vessel_id, data=d
        ),
    )


@router.post("/vessels/{vessel_id}/safety-officers/{officer_id}/end", response_class=HTMLResponse)
async def end_safety_officer(
    vessel_id: str, officer_id: str, session: Session = DB, principal: Principal = OPERATE
) -> Response:
    service.end_safety_officer(session, principal=principal, officer_id=officer_id)
    return RedirectResponse(f"{BASE}/vessels/{vessel_id}#officer", status_code=303)


@router.post("/vessels/{vessel_id}/insurance", response_class=HTMLResponse)
async def add_insurance(
    request: Request, vessel_id: str, session: Session = DB, principal: Principal = OPERATE
) -> Response:
    return await _sub_form(
        request,
        session,
        principal,
        vessel_id,
        "insurance",
        InsuranceIn,
        lambda d: service.add_insurance(session, principal=principal, vessel_id=vessel_id, data=d),
    )
