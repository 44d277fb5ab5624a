"""p03 pages: the dashboard (officers: everything; an enterprise: its own), the batch ledger with
the entry form, a batch with its verdict, the reading used and the "why", and the checklist."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.practices.bonded_repair import batches, repository, service
from ftz.practices.bonded_repair.common import checklist, settings
from ftz.practices.bonded_repair.models import Admission, Batch
from ftz.practices.bonded_repair.schemas import BatchIn, OutcomeIn

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
READ = Depends(require("bonded_repair.read"))
RECORD = Depends(require("bonded_repair.record"))
BASE = "/bonded-repair"


async def _form(request: Request) -> dict[str, str]:
    return {k: str(v) for k, v in (await request.form()).items()}


@router.get("", response_class=HTMLResponse)
def overview(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    context = {
        "data": service.dashboard(session, principal=who),
        "watch": [b for b in repository.listing(session, who, Batch) if b.verdict != "ok"],
        "admissions": repository.listing(session, who, Admission),
    }
    return render(request, "bonded_repair/overview.html", context)


@router.get("/checklist", response_class=HTMLResponse)
def show_checklist(request: Request, who: Principal = READ) -> Response:
    return render(request, "bonded_repair/checklist.html", {"data": checklist()})


def _batches(
    request: Request, session: Session, who: Principal, extra: dict[str, Any], status: int = 200
) -> Response:
    context = {
        "batches": repository.listing(session, who, Batch),
        "can_record": allows(who, "bonded_repair.record"),
        "errors": [],
        "values": {},
        **extra,
    }
    return render(request, "bonded_repair/batches.html", context, status=status)


@router.get("/batches", response_class=HTMLResponse)
def list_batches(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    return _batches(request, session, who, {})


@router.post("/batches", response_class=HTMLResponse)
async def open_batch(request: Request, session: Session = DB, who: Principal = RECORD) -> Response:
    values = await _form(request)
    try:
        data = BatchIn.model_validate({k: v for k, v in values.items() if v != ""})
        with session.begin_nested():
            made = batches.open_batch(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _batches(
            request, session, who, {"errors": form_problems(exc), "values": values}, 422
        )
    return RedirectResponse(f"{BASE}/batches/{made.id}", status_code=303)


def _detail(
    request: Request,
    session: Session,
    who: Principal,
    batch_id: str,
    errors: list[FieldProblem],
    values: dict[str, str],
) -> Response:
    batch = repository.get_owned(session, who, Batch, batch_id)
    context = {"batch": batch, "errors": errors, "values": values,
               "can_record": allows(who, "bonded_repair.record"),
               "readings": settings()["readings"]}  # fmt: skip
    return render(request, "bonded_repair/batch.html", context, status=422 if errors else 200)


@router.get("/batches/{batch_id}", response_class=HTMLResponse)
def batch(
    request: Request, batch_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, batch_id, [], {})


@router.post("/batches/{batch_id}", response_class=HTMLResponse)
async def outcome(
    request: Request, batch_id: str, session: Session = DB, who: Principal = RECORD
) -> Response:
    values = await _form(request)
    body = {k: v for k, v in values.items() if v != "" and k != "final"}
    try:
        data = OutcomeIn.model_validate({**body, "final": values.get("final") == "on"})
        with session.begin_nested():
            batches.report_outcome(session, principal=who, batch_id=batch_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, batch_id, form_problems(exc), values)
    return RedirectResponse(f"{BASE}/batches/{batch_id}", status_code=303)
