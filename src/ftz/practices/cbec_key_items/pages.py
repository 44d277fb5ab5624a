"""p22 pages: the dashboard (the platform's counts beside the seed's figures), the key-items
list in force with its versions and the form for a new version, declarations (list with
search, filters, pages and CSV; the upload form; a declaration's lines with their hits and the
officers' confirm or clear forms; history), the monthly joint report with its CSV, the
enterprises' credit and the decision tables."""

from __future__ import annotations

from typing import Any

import yaml
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile

from ftz.core.auth.deps import CSRF_FIELD, get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.db.base import utcnow
from ftz.core.kit.errors import FieldProblem, FtzError, validation_error
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems, form_values
from ftz.core.web.list_context import list_context
from ftz.core.web.templating import render
from ftz.practices.cbec_key_items import csvin, report, repository, service
from ftz.practices.cbec_key_items.common import is_officer, kinds, rules, table_rows
from ftz.practices.cbec_key_items.keylist import KeyItemListIn
from ftz.practices.cbec_key_items.models import KeyItemDeclaration
from ftz.practices.cbec_key_items.schemas import DeclarationIn, ResolveIn

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
READ = Depends(require("cbec_key_items.read"))
DECLARE = Depends(require("cbec_key_items.declare"))
INSPECT = Depends(require("cbec_key_items.inspect"))
MAINTAIN = Depends(require("cbec_key_items.maintain"))
BASE = "/cbec-key-items"
STATUSES = ("released", "inspection", "cleared", "violation")
STATUS_Q = Query("", pattern="^(released|inspection|cleared|violation|)$")
MONTH_Q = Query("", pattern=r"^(\d{4}-(0[1-9]|1[0-2]))?$")


def _shown_again(exc: FtzError | ValidationError) -> list[FieldProblem]:
    """A record the user may not see (404) or an action not theirs (403) is no form mistake."""
    if isinstance(exc, FtzError) and exc.status in (403, 404):
        raise exc
    return form_problems(exc)


@router.get("", response_class=HTMLResponse)
def overview(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    data = service.dashboard(session, principal=who)
    return render(request, "cbec_key_items/overview.html", {"data": data})


@router.get("/rules", response_class=HTMLResponse)
def rule_tables(request: Request, who: Principal = READ) -> Response:
    tables = {key: table_rows(key) for key in rules().keys}
    return render(request, "cbec_key_items/rules.html", {"tables": tables})


@router.get("/list", response_class=HTMLResponse)
def key_items(
    request: Request,
    version: int | None = Query(None, ge=1),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    doc = service.list_document(session, version)
    context = {
        "doc": doc,
        "versions": service.list_versions(session),
        "can_maintain": is_officer(who),
    }
    return render(request, "cbec_key_items/list.html", context)


def _list_form(request: Request, text: str, errors: list[FieldProblem]) -> Response:
    status = 422 if errors else 200
    return render(
        request, "cbec_key_items/list_form.html", {"text": text, "errors": errors}, status=status
    )


@router.get("/list/new", response_class=HTMLResponse)
def new_list(request: Request, session: Session = DB, who: Principal = MAINTAIN) -> Response:
    doc = {k: v for k, v in service.list_document(session).items() if k != "version"}
    doc["effective_from"] = utcnow().date().isoformat()
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=200)
    return _list_form(request, text, [])


@router.post("/list", response_class=HTMLResponse)
async def save_list(request: Request, session: Session = DB, who: Principal = MAINTAIN) -> Response:
    text = (await form_values(request)).get("document", "")
    try:
        try:
            raw = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise validation_error("document", f"not YAML or JSON: {exc}") from exc
        if not isinstance(raw, dict):
            raise validation_error("document", "a mapping with effective_from and rules")
        raw.pop("version", None)  # the version is given on saving
        data = KeyItemListIn.model_validate(raw)
        with session.begin_nested():
            service.save_list(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _list_form(request, text, _shown_again(exc))
    return RedirectResponse(f"{BASE}/list", status_code=303)


def _filters(status: str, q: str) -> list[Any]:
    filters: list[Any] = [KeyItemDeclaration.status == status] if status else []
    return [*filters, repository.search(q)] if q else filters


@router.get("/declarations", response_class=HTMLResponse)
def declarations(
    request: Request,
    status: str = STATUS_Q,
    q: str = Query("", max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    page = repository.page(session, who, params, *_filters(status, q))
    names = repository.org_names(session, {d.org_id for d in page.items})
    context = list_context(
        page,
        {"status": status, "q": q},
        names=names,
        statuses=STATUSES,
        can_declare=who.is_enterprise,
    )
    return render(request, "cbec_key_items/declarations.html", context)


@router.get("/declarations.csv")
def export(
    status: str = STATUS_Q,
    q: str = Query("", max_length=100),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return report.declarations_csv(session, who, *_filters(status, q))


def _form(request: Request, values: dict[str, str], errors: list[FieldProblem]) -> Response:
    context = {"values": values, "errors": errors, "template": csvin.TEMPLATE}
    return render(request, "cbec_key_items/form.html", context, status=422 if errors else 200)


@router.get("/declarations/new", response_class=HTMLResponse)
def new_form(request: Request, who: Principal = DECLARE) -> Response:
    return _form(request, {"lines": csvin.TEMPLATE}, [])


@router.post("/declarations", response_class=HTMLResponse)
async def create(request: Request, session: Session = DB, who: Principal = DECLARE) -> Response:
    form = await request.form()
    values = {k: str(v) for k, v in form.items() if k not in (CSRF_FIELD, "file")}
    upload = form.get("file")
    text = values.get("lines", "")
    if isinstance(upload, UploadFile) and upload.filename:
        text = (await upload.read()).decode("utf-8-sig", errors="replace")
    try:
        lines = csvin.read_lines(text, "lines")
        data = DeclarationIn(
            entry_no=values.get("entry_no", "").strip().upper(),
            ecommerce_code=values.get("ecommerce_code", "").strip().upper(),
            container_no=values.get("container_no", ""),
            lines=lines,
        )
        with session.begin_nested():
            made = service.declare(session, principal=who, data=data, source="web")
    except (FtzError, ValidationError) as exc:
        return _form(request, {**values, "lines": text}, _shown_again(exc))
    return RedirectResponse(f"{BASE}/declarations/{made.id}", status_code=303)


def _detail(
    request: Request,
    session: Session,
    who: Principal,
    declaration_id: str,
    errors: list[FieldProblem] | None = None,
) -> Response:
    d = repository.get_declaration(session, who, declaration_id)
    context = {
        "d": d,
        "orgs": repository.org_names(session, {d.org_id}),
        "history": service.history(session, principal=who, declaration=d),
        "can_inspect": is_officer(who),
        "kinds": kinds(),
        "errors": errors or [],
    }
    return render(
        request, "cbec_key_items/declaration.html", context, status=422 if errors else 200
    )


@router.get("/declarations/{declaration_id}", response_class=HTMLResponse)
def declaration(
    request: Request, declaration_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, declaration_id)


@router.post("/lines/{line_id}/resolve", response_class=HTMLResponse)
async def resolve(
    request: Request, line_id: str, session: Session = DB, who: Principal = INSPECT
) -> Response:
    line = repository.get_line(session, who, line_id)
    declaration_id = line.declaration_id
    values = await form_values(request)
    try:
        data = ResolveIn.model_validate({**values, "kind": values.get("kind") or None})
        with session.begin_nested():
            service.resolve(session, principal=who, line_id=line_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, declaration_id, _shown_again(exc))
    return RedirectResponse(f"{BASE}/declarations/{declaration_id}#line-{line_id}", status_code=303)


@router.get("/report", response_class=HTMLResponse)
def monthly_report(
    request: Request, month: str = MONTH_Q, session: Session = DB, who: Principal = READ
) -> Response:
    month = month or utcnow().strftime("%Y-%m")
    data = report.report(session, principal=who, month=month)
    return render(request, "cbec_key_items/report.html", {"data": data, "kinds": kinds()})


@router.get("/report.csv")
def monthly_report_csv(
    month: str = MONTH_Q, session: Session = DB, who: Principal = READ
) -> Response:
    return report.report_csv(session, principal=who, month=month or utcnow().strftime("%Y-%m"))


@router.get("/credit", response_class=HTMLResponse)
def credit(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    found = repository.credits(session, who)
    names = repository.org_names(session, {c.org_id for c in found})
    return render(request, "cbec_key_items/credit.html", {"credits": found, "names": names})
