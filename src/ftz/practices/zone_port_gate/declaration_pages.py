"""p11 declaration pages: the list, the enterprise's form, and the detail with customs'
instruction (release / select for inspection) and the vehicles that crossed with it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.practices.zone_port_gate import forms, repository, service
from ftz.practices.zone_port_gate.models import Declaration
from ftz.practices.zone_port_gate.permissions import AIRPORT, CUSTOMS
from ftz.practices.zone_port_gate.schemas import DeclarationIn, InstructionIn

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
READ = Depends(require("zone_port_gate.read"))
DECLARE = Depends(require("zone_port_gate.declare"))
BASE = "/zone-port-gate/declarations"
T = "zone_port_gate/"


@router.get("/declarations", response_class=HTMLResponse)
def declarations(
    request: Request,
    status: str = Query("", max_length=16),
    q: str = Query("", max_length=40),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = READ,
) -> Response:
    page = repository.list_declarations(
        session, principal, params, status=status or None, text=q or None
    )
    can_declare = allows(principal, "zone_port_gate.declare")
    context = {"page": page, "status": status, "q": q, "can_declare": can_declare}
    return render(request, T + "declarations.html", context)


@router.get("/declarations/new", response_class=HTMLResponse)
def new_declaration(request: Request, _: Principal = DECLARE) -> Response:
    return render(request, T + "declaration_form.html", {"errors": [], "values": {}})


@router.post("/declarations/new", response_class=HTMLResponse)
async def create_declaration(
    request: Request, session: Session = DB, principal: Principal = DECLARE
) -> Response:
    values = {k: str(v) for k, v in (await request.form()).items()}
    try:
        data = DeclarationIn.model_validate({
            "number": values.get("number", ""),
            "direction": values.get("direction", ""),
            "plate": values.get("plate", ""),
            "units": forms.parse_units(values.get("units", "")),
            "weight_kg": values.get("weight_kg") or 0,
            "goods": values.get("goods", ""),
            "screened": values.get("screened") == "on",
        })  # fmt: skip
        with session.begin_nested():
            declaration = service.declare(session, principal=principal, data=data)
    except (FtzError, ValidationError) as exc:
        context = {"errors": form_problems(exc), "values": values}
        return render(request, T + "declaration_form.html", context, status=422)
    return RedirectResponse(f"{BASE}/{declaration.id}", status_code=303)


def _detail(
    request: Request, session: Session, principal: Principal, id_: str, errors: Any, status: int
) -> Response:
    declaration = repository.get_owned(session, principal, Declaration, id_)
    context: dict[str, Any] = {
        "d": declaration,
        "errors": errors,
        "units_text": forms.units_text(declaration.units),
        "manifests": repository.manifests_of(session, principal, declaration.number),
        "crossings": repository.declaration_transactions(session, principal, declaration.id),
        "can_instruct": allows(principal, "zone_port_gate.instruct")
        and (principal.is_admin or principal.department == "customs"),
        "is_owner": principal.is_enterprise and declaration.org_id == principal.org_id,
        "can_file_manifest": allows(principal, "zone_port_gate.operate")
        and (principal.is_admin or principal.department in (AIRPORT, CUSTOMS)),
    }
    return render(request, T + "declaration.html", context, status=status)


@router.get("/declarations/{declaration_id}", response_class=HTMLResponse)
def declaration(
    request: Request, declaration_id: str, session: Session = DB, principal: Principal = READ
) -> Response:
    return _detail(request, session, principal, declaration_id, [], 200)


@router.post("/declarations/{declaration_id}", response_class=HTMLResponse)
async def declaration_action(
    request: Request, declaration_id: str, session: Session = DB, principal: Principal = READ
) -> Response:
    """Customs' instruction and the enterprise's withdrawal; each checked in the service."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    try:
        with session.begin_nested():
            if form.get("action") == "withdraw":
                service.withdraw(session, principal=principal, declaration_id=declaration_id)
            else:
                data = InstructionIn.model_validate({
                    "action": form.get("action"), "site": form.get("site") or None,
                    "note": form.get("note", ""),
                })  # fmt: skip
                service.instruct(
                    session, principal=principal, declaration_id=declaration_id, data=data
                )
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, principal, declaration_id, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/{declaration_id}", status_code=303)
