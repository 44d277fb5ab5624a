"""p27 pages: public verification, registration with in-browser hashing, the enterprise's
records, contributions and certification, the certification body's audit."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import TypeAdapter, ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import SYSTEM, Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.practices.trade_secrets import certification, repository, service
from ftz.practices.trade_secrets.schemas import ItemIn, RegistrationIn

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
BASE = "/trade-secrets"
ITEMS = TypeAdapter(list[ItemIn])


@router.get("", response_class=HTMLResponse)
def overview(
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.verify")),
) -> Response:
    return render(
        request, "trade_secrets/overview.html", {"stats": repository.counts(session, SYSTEM)}
    )


@router.get("/verify", response_class=HTMLResponse)
def verify_form(
    request: Request,
    sha256: str = Query("", max_length=64),
    session: Session = DB,
    _: Principal = Depends(require("trade_secrets.verify")),
) -> Response:
    result = None
    errors: list[FieldProblem] = []
    if sha256:
        if len(sha256) != 64 or any(c not in "0123456789abcdefABCDEF" for c in sha256):
            errors = [FieldProblem("sha256", "64 hexadecimal characters")]
        else:
            result = service.verify(session, sha256=sha256, settings=request.app.state.settings)
    return render(
        request,
        "trade_secrets/verify.html",
        {"result": result, "sha256": sha256, "errors": errors},
        status=422 if errors else 200,
    )


@router.get("/register", response_class=HTMLResponse)
def register_form(
    request: Request, _: Principal = Depends(require("trade_secrets.register"))
) -> Response:
    return render(request, "trade_secrets/register.html", {"errors": []})


@router.post("/register", response_class=HTMLResponse)
async def register(
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.register")),
) -> Response:
    form = await request.form()
    project = str(form.get("project") or "").strip() or None
    names = [n.strip() for n in str(form.get("contributors") or "").split(",") if n.strip()]
    try:
        raw: list[dict[str, Any]] = json.loads(str(form.get("items_json") or "[]"))
        for item in raw:
            item["contributors"] = names
        data = RegistrationIn(project=project, items=ITEMS.validate_python(raw))
        with session.begin_nested():
            result = service.register(session, principal=principal, data=data)
    except (FtzError, ValidationError, json.JSONDecodeError, TypeError) as exc:
        errors = (
            form_problems(exc)
            if not isinstance(exc, json.JSONDecodeError | TypeError)
            else [FieldProblem("files", "choose files and wait until they are fingerprinted")]
        )
        return render(
            request,
            "trade_secrets/register.html",
            {"errors": errors, "project": project or ""},
            status=422,
        )
    return render(request, "trade_secrets/registered.html", {"result": result}, status=201)


@router.get("/records", response_class=HTMLResponse)
def records(
    request: Request,
    q: str = Query("", max_length=100),
    project_id: str = Query("", max_length=26),
    contributor: str = Query("", max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.read")),
) -> Response:
    page = service.list_records(
        session,
        principal=principal,
        params=params,
        text=q or None,
        project_id=project_id or None,
        contributor=contributor or None,
    )
    return render(
        request,
        "trade_secrets/records.html",
        {
            "page": page,
            "q": q,
            "project_id": project_id,
            "contributor": contributor,
            "projects": repository.projects(session, principal),
        },
    )


@router.get("/records/{record_id}", response_class=HTMLResponse)
def record_detail(
    request: Request,
    record_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.read")),
) -> Response:
    record = service.get_record(session, principal=principal, record_id=record_id)
    check = service.verify(session, sha256=record.sha256, settings=request.app.state.settings)
    return render(request, "trade_secrets/record.html", {"record": record, "check": check})


@router.get("/contributions", response_class=HTMLResponse)
def contributions(
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.read")),
) -> Response:
    return render(
        request,
        "trade_secrets/contributions.html",
        {"rows": service.contributions(session, principal=principal)},
    )


def _keys_page(
    request: Request,
    session: Session,
    principal: Principal,
    errors: list[FieldProblem] | None = None,
    public_key: str = "",
) -> Response:
    return render(
        request,
        "trade_secrets/keys.html",
        {
            "keys": service.org_keys(session, principal=principal),
            "errors": errors or [],
            "public_key": public_key,
        },
        status=422 if errors else 200,
    )


@router.get("/keys", response_class=HTMLResponse)
def keys_page(
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.register")),
) -> Response:
    return _keys_page(request, session, principal)


@router.post("/keys", response_class=HTMLResponse)
async def add_key(
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.register")),
) -> Response:
    public_key = str((await request.form()).get("public_key") or "")[:4000]
    try:
        with session.begin_nested():
            service.register_key(session, principal=principal, public_key=public_key)
    except FtzError as exc:
        return _keys_page(request, session, principal, form_problems(exc), public_key)
    return RedirectResponse(f"{BASE}/keys", status_code=303)


@router.post("/keys/{key_id}/retire", response_class=HTMLResponse)
def retire_key(
    request: Request,
    key_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.register")),
) -> Response:
    try:
        with session.begin_nested():
            service.retire_key(session, principal=principal, key_id=key_id)
    except FtzError as exc:
        if exc.status == 404:
            raise
        return _keys_page(request, session, principal, form_problems(exc))
    return RedirectResponse(f"{BASE}/keys", status_code=303)


@router.get("/certification", response_class=HTMLResponse)
def certification_page(
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.certification")),
) -> Response:
    return render(
        request,
        "trade_secrets/certification.html",
        {
            "items": certification.checklist(),
            "errors": [],
            "applications": certification.list_certifications(session, principal=principal),
        },
    )


@router.post("/certification", response_class=HTMLResponse)
async def certification_action(
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("trade_secrets.certification")),
) -> Response:
    form = await request.form()
    action = str(form.get("action") or "")
    codes = [item["code"] for item in certification.checklist()]
    try:
        with session.begin_nested():
            if action in ("save", "submit"):
                current = certification.open_application(session, principal=principal)
                answers = {c: str(form.get(f"answer_{c}") or "") for c in codes}
                certification.save_answers(
                    session,
                    principal=principal,
                    certification_id=current.id,
                    answers={k: v for k, v in answers.items() if v},
                )
                if action == "submit":
                    certification.submit(session, principal=principal, certification_id=current.id)
            elif action == "audit":
                findings = {c: form.get(f"pass_{c}") == "on" for c in codes}
                notes = {c: str(form.get(f"note_{c}") or "") for c in codes}
                certification.audit(
                    session,
                    principal=principal,
                    certification_id=str(form.get("certification_id") or ""),
                    findings=findings,
                    notes=notes,
                )
            else:
                raise FtzError(detail="unknown action", status=422)
    except FtzError as exc:
        return render(
            request,
            "trade_secrets/certification.html",
            {
                "items": certification.checklist(),
                "errors": form_problems(exc),
                "applications": certification.list_certifications(session, principal=principal),
            },
            status=422,
        )
    return RedirectResponse(f"{BASE}/certification", status_code=303)
