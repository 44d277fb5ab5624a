"""The court's form for an enforcement case: the case, its sealed property, up to three seals
and up to six parties (applicant, debtor, other creditors), each cell its own field so a
mistake is reported on the row where it was typed. The same form corrects a case before it is
screened; an identity number left empty there keeps the stored one (it is never shown again)."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.models import User
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.web.forms import form_values
from ftz.core.web.templating import render
from ftz.practices.sealed_transfer import repository, service
from ftz.practices.sealed_transfer.models import TransferCase
from ftz.practices.sealed_transfer.page_common import BASE, COURT, DB, T, shown_again
from ftz.practices.sealed_transfer.schemas import CaseIn
from ftz.practices.sealed_transfer.steps import yuan

router = APIRouter(include_in_schema=False)
SEAL_ROWS, PARTY_ROWS = 3, 6
SEAL_FIELDS = ("court_name", "order_no", "sealed_on", "expires_on")
PARTY_FIELDS = (
    "party_id",
    "role",
    "kind",
    "name",
    "id_number",
    "account",
    "claim",
    "claim_basis",
    "secured_on",
)
PROPERTY_FIELDS = (
    "kind",
    "certificate_no",
    "address",
    "area_m2",
    "appraised_value",
    "appraised_on",
)
FILLED = {"seal": ("court_name", "order_no"), "party": ("name", "id_number", "claim", "party_id")}
LOC = re.compile(r"^(seals|parties)\.(\d+)\.(\w+)")


def _rows(
    values: dict[str, str], prefix: str, fields: tuple[str, ...], n: int
) -> list[dict[str, str]]:
    rows = []
    for i in range(1, n + 1):
        row = {f: values.get(f"{prefix}-{i}-{f}", "").strip() for f in fields}
        if any(row[f] for f in FILLED[prefix]):
            rows.append({"row": str(i), **{k: v for k, v in row.items() if v}})
    return rows


def _body(values: dict[str, str]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    seals = _rows(values, "seal", SEAL_FIELDS, SEAL_ROWS)
    parties = _rows(values, "party", PARTY_FIELDS, PARTY_ROWS)
    prop = {f: values.get(f"property_{f}", "").strip() for f in PROPERTY_FIELDS}
    head = {f: values.get(f, "").strip() for f in ("number", "registered_on", "judgment")}
    body = {
        **{k: v for k, v in head.items() if v},
        "property": {k: v for k, v in prop.items() if v},
        "seals": [{k: v for k, v in r.items() if k != "row"} for r in seals],
        "parties": [{k: v for k, v in r.items() if k != "row"} for r in parties],
    }
    return body, {"seals": [r["row"] for r in seals], "parties": [r["row"] for r in parties]}


def _named(problems: list[FieldProblem], rows: dict[str, list[str]]) -> list[FieldProblem]:
    """`parties.1.name` becomes `party 3 · name`: the row the court typed it in."""
    named = []
    for problem in problems:
        match = LOC.match(problem.field)
        if match and int(match[2]) < len(rows[match[1]]):
            label = "seal" if match[1] == "seals" else "party"
            problem = FieldProblem(
                f"{label} {rows[match[1]][int(match[2])]} · {match[3]}", problem.reason
            )
        named.append(problem)
    return named


def _form(
    request: Request,
    values: dict[str, str],
    errors: list[FieldProblem],
    case: TransferCase | None,
    status: int = 200,
) -> Response:
    context = {
        "values": values,
        "errors": errors,
        "case": case,
        "seal_rows": SEAL_ROWS,
        "party_rows": PARTY_ROWS,
    }
    return render(request, T + "case_form.html", context, status=status)


@router.get("/cases/new", response_class=HTMLResponse)
def new_case(request: Request, who: Principal = COURT) -> Response:
    return _form(request, {}, [], None)


@router.post("/cases/new", response_class=HTMLResponse)
async def register(request: Request, session: Session = DB, who: Principal = COURT) -> Response:
    values = await form_values(request)
    body, rows = _body(values)
    try:
        data = CaseIn.model_validate(body)
        with session.begin_nested():
            case = service.create_case(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _form(request, values, _named(shown_again(exc), rows), None, 422)
    return RedirectResponse(f"{BASE}/cases/{case.id}", status_code=303)


def values_of(session: Session, case: TransferCase) -> dict[str, str]:
    """The form's fields as the stored case fills them (identity numbers left empty)."""
    values: dict[str, str] = {
        "number": case.number,
        "registered_on": case.registered_on.isoformat(),
        "judgment": str(yuan(case.judgment_fen)),
        "property_kind": case.property_kind,
        "property_certificate_no": case.certificate_no,
        "property_address": case.address,
        "property_area_m2": str(case.area_m2),
        "property_appraised_value": str(yuan(case.appraised_fen)),
        "property_appraised_on": case.appraised_on.isoformat(),
    }
    for i, seal in enumerate(repository.seals(session, case.id), 1):
        for f in SEAL_FIELDS:
            values[f"seal-{i}-{f}"] = str(getattr(seal, f))
    people = [p for p in repository.parties(session, case.id) if p.role != "buyer"]
    for i, p in enumerate(people, 1):
        account = (
            session.scalar(select(User.username).where(User.org_id == p.org_id).limit(1))
            if p.org_id
            else None
        )
        values.update(
            {
                f"party-{i}-party_id": p.id,
                f"party-{i}-role": p.role,
                f"party-{i}-kind": p.kind,
                f"party-{i}-name": p.name,
                f"party-{i}-account": account or "",
                f"party-{i}-claim": str(yuan(p.claim_fen)) if p.claim_fen else "",
                f"party-{i}-claim_basis": "" if p.claim_basis == "none" else p.claim_basis,
                f"party-{i}-secured_on": p.secured_on.isoformat() if p.secured_on else "",
                f"party-{i}-shown": p.id_display,
            }
        )
    return values


@router.get("/cases/{case_id}/edit", response_class=HTMLResponse)
def edit(request: Request, case_id: str, session: Session = DB, who: Principal = COURT) -> Response:
    case = repository.get_case(session, who, case_id)
    return _form(request, values_of(session, case), [], case)


@router.post("/cases/{case_id}/edit", response_class=HTMLResponse)
async def correct(
    request: Request, case_id: str, session: Session = DB, who: Principal = COURT
) -> Response:
    case = repository.get_case(session, who, case_id)
    values = await form_values(request)
    body, rows = _body(values)
    try:
        data = CaseIn.model_validate(body)
        with session.begin_nested():
            service.update_case(session, principal=who, case_id=case_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _form(request, values, _named(shown_again(exc), rows), case, 422)
    return RedirectResponse(f"{BASE}/cases/{case_id}", status_code=303)
