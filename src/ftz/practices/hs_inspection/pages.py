"""p06 pages: the officer's workbench (today's batches, statistics beside the seed's), the one
search, batches (list with search, filters, pages and CSV; the importer's form; a batch's page
with its one-click risk view, the result form and history), the four sources' records, the
upload of a source's file, the risk-case database and the rule tables."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError, validation_error
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems, form_values
from ftz.core.web.list_context import list_context
from ftz.core.web.templating import render
from ftz.practices.hs_inspection import exports, importer, repository, service
from ftz.practices.hs_inspection.common import (
    is_inspector,
    require_inspector,
    rules,
    sources,
    table_rows,
)
from ftz.practices.hs_inspection.endpoints import (
    MAX_UPLOAD,
    batch_filters,
    record_filters,
    run_lookup,
)
from ftz.practices.hs_inspection.schemas import (
    ACTIONS,
    RISK_TYPES,
    SOURCES,
    BatchIn,
    CaseIn,
    ResultIn,
)

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
READ = Depends(require("hs_inspection.read"))
LOOKUP = Depends(require("hs_inspection.lookup"))
DECLARE = Depends(require("hs_inspection.declare"))
INSPECT = Depends(require("hs_inspection.inspect"))
IMPORT = Depends(require("hs_inspection.import"))
BASE = "/hs-inspection"
STATUS_Q = Query("", pattern="^(pending|inspected|)$")
SOURCE_Q = Query(
    "", pattern="^(nonconformity|overseas_notification|export_return|used_machinery|)$"
)
LABELS = {"sources": SOURCES, "risk_types": RISK_TYPES, "actions": ACTIONS}


def _shown_again(exc: FtzError | ValidationError) -> list[FieldProblem]:
    """A record the user may not see (404) or an action not theirs (403) is no form mistake."""
    if isinstance(exc, FtzError) and exc.status in (403, 404):
        raise exc
    return form_problems(exc)


@router.get("", response_class=HTMLResponse)
def workbench(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    data = service.dashboard(session, principal=who)
    orgs = {b["org_id"] for b in data["pending_batches"] + data["today_batches"]}
    context = {"data": data, "names": repository.org_names(session, orgs),
               "inspector": is_inspector(who), "sources": sources()}  # fmt: skip
    return render(request, "hs_inspection/overview.html", context)


@router.get("/lookup", response_class=HTMLResponse)
def lookup(
    request: Request,
    q: str = Query("", max_length=200),
    used_machinery: str = Query("", pattern="^(on|)$"),
    session: Session = DB,
    who: Principal = LOOKUP,
) -> Response:
    require_inspector(who)
    found, errors = None, []
    if q:
        try:
            found = run_lookup(session, q, used_machinery == "on")
        except FtzError as exc:
            errors = exc.errors
    context = {"q": q, "used_machinery": used_machinery, "found": found, "errors": errors,
               "labels": LABELS}  # fmt: skip
    return render(request, "hs_inspection/lookup.html", context, status=422 if errors else 200)


@router.get("/rules", response_class=HTMLResponse)
def rule_tables(request: Request, who: Principal = READ) -> Response:
    tables = {key: table_rows(key) for key in rules().keys}
    return render(request, "hs_inspection/rules.html", {"tables": tables})


@router.get("/batches", response_class=HTMLResponse)
def batches(
    request: Request,
    status: str = STATUS_Q,
    q: str = Query("", max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    page = repository.batch_page(session, who, params, *batch_filters(status, q))
    names = repository.org_names(session, {b.org_id for b in page.items})
    context = list_context(
        page,
        {"status": status, "q": q},
        names=names,
        can_declare=who.is_enterprise,
        inspector=is_inspector(who),
    )
    return render(request, "hs_inspection/batches.html", context)


@router.get("/batches.csv")
def export(
    status: str = STATUS_Q,
    q: str = Query("", max_length=100),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return exports.batches_csv(session, who, *batch_filters(status, q))


def _batch_form(
    request: Request, values: dict[str, str], errors: list[FieldProblem], editing: str = ""
) -> Response:
    context = {"values": values, "errors": errors, "editing": editing}
    return render(request, "hs_inspection/batch_form.html", context, status=422 if errors else 200)


@router.get("/batches/new", response_class=HTMLResponse)
def new_batch(request: Request, who: Principal = DECLARE) -> Response:
    return _batch_form(request, {"arrival_date": date.today().isoformat()}, [])


@router.post("/batches", response_class=HTMLResponse)
async def create_batch(
    request: Request, session: Session = DB, who: Principal = DECLARE
) -> Response:
    values = await form_values(request)
    try:
        data = batch_in(values)
        with session.begin_nested():
            made = service.declare(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _batch_form(request, values, _shown_again(exc))
    return RedirectResponse(f"{BASE}/batches/{made.id}", status_code=303)


def batch_in(values: dict[str, str]) -> BatchIn:
    return BatchIn.model_validate(
        {**values, "used_machinery": values.get("used_machinery") == "on"}
    )


@router.get("/batches/{batch_id}/edit", response_class=HTMLResponse)
def edit_form(
    request: Request, batch_id: str, session: Session = DB, who: Principal = DECLARE
) -> Response:
    b = repository.get_batch(session, who, batch_id)
    fields = ("declaration_no", "product", "brand", "model", "origin_country", "quantity",
              "arrival_date")  # fmt: skip
    values = {f: str(getattr(b, f)) for f in fields} | {"hs_code": b.tariff_code or b.hs_code}
    if b.used_machinery:
        values["used_machinery"] = "on"
    return _batch_form(request, values, [], b.id)


@router.post("/batches/{batch_id}/edit", response_class=HTMLResponse)
async def edit_batch(
    request: Request, batch_id: str, session: Session = DB, who: Principal = DECLARE
) -> Response:
    values = await form_values(request)
    try:
        data = batch_in(values)
        with session.begin_nested():
            service.edit(session, principal=who, batch_id=batch_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _batch_form(request, values, _shown_again(exc), batch_id)
    return RedirectResponse(f"{BASE}/batches/{batch_id}", status_code=303)


def _detail(
    request: Request, session: Session, who: Principal, batch_id: str,
    errors: list[FieldProblem] | None = None, values: dict[str, str] | None = None,
) -> Response:  # fmt: skip
    batch = repository.get_batch(session, who, batch_id)
    inspector = is_inspector(who)
    risk = None
    if inspector and batch.status == "pending":
        risk = service.risk_view(session, principal=who, batch_id=batch.id)
    context = {
        "b": batch,
        "orgs": repository.org_names(session, {batch.org_id}),
        "inspector": inspector,
        "risk": risk,
        "record": repository.record_by_batch(session, batch.id) if inspector else None,
        "history": service.history(session, principal=who, entity_id=batch.id),
        "errors": errors or [],
        "values": values or {},
        "labels": LABELS,
    }
    status = 422 if errors else 200
    return render(request, "hs_inspection/batch.html", context, status=status)


@router.get("/batches/{batch_id}", response_class=HTMLResponse)
def batch(
    request: Request, batch_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, batch_id)


def result_in(values: dict[str, str]) -> ResultIn:
    data: dict[str, Any] = {k: v for k, v in values.items() if v != ""}
    data["confirm_case"] = values.get("confirm_case") == "on"
    return ResultIn.model_validate(data)


@router.post("/batches/{batch_id}/result", response_class=HTMLResponse)
async def record_result(
    request: Request, batch_id: str, session: Session = DB, who: Principal = INSPECT
) -> Response:
    values = await form_values(request)
    try:
        data = result_in(values)
        with session.begin_nested():
            service.record_result(session, principal=who, batch_id=batch_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, batch_id, _shown_again(exc), values)
    return RedirectResponse(f"{BASE}/batches/{batch_id}", status_code=303)


@router.get("/records", response_class=HTMLResponse)
def records(
    request: Request,
    source: str = SOURCE_Q,
    q: str = Query("", max_length=100),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = LOOKUP,
) -> Response:
    require_inspector(who)
    page = repository.record_page(session, params, *record_filters(source, q))
    context = list_context(page, {"source": source, "q": q}, sources=sources(), labels=LABELS)
    return render(request, "hs_inspection/records.html", context)


@router.get("/records.csv")
def export_records(
    source: str = SOURCE_Q,
    q: str = Query("", max_length=100),
    session: Session = DB,
    who: Principal = LOOKUP,
) -> Response:
    require_inspector(who)
    return exports.records_csv(session, *record_filters(source, q))


def _imports(
    request: Request, session: Session, errors: list[FieldProblem], source: str
) -> Response:
    context = {"imports": repository.imports(session), "errors": errors, "source": source,
               "sources": sources(), "totals": repository.record_totals(session)}  # fmt: skip
    return render(request, "hs_inspection/imports.html", context, status=422 if errors else 200)


@router.get("/imports", response_class=HTMLResponse)
def imports(request: Request, session: Session = DB, who: Principal = IMPORT) -> Response:
    return _imports(request, session, [], "")


@router.post("/imports", response_class=HTMLResponse)
async def upload(request: Request, session: Session = DB, who: Principal = IMPORT) -> Response:
    form = await request.form()
    source = str(form.get("source") or "")
    upload = form.get("file")
    try:
        if upload is None or isinstance(upload, str) or not upload.filename:
            raise validation_error("file", "choose a CSV or JSON file")
        content = await upload.read(MAX_UPLOAD + 1)
        if len(content) > MAX_UPLOAD:
            raise validation_error("file", "larger than 20 MB")
        with session.begin_nested():
            importer.import_records(session, principal=who, source=source,
                                    filename=upload.filename, content=content)  # fmt: skip
    except FtzError as exc:
        return _imports(request, session, _shown_again(exc), source)
    return RedirectResponse(f"{BASE}/imports", status_code=303)


def _cases(
    request: Request, session: Session, errors: list[FieldProblem], values: dict[str, str]
) -> Response:
    context = {"cases": repository.cases_under(session, "", 500), "errors": errors,
               "values": values}  # fmt: skip
    return render(request, "hs_inspection/cases.html", context, status=422 if errors else 200)


@router.get("/cases", response_class=HTMLResponse)
def cases(
    request: Request,
    record: str = Query("", max_length=26),
    session: Session = DB,
    who: Principal = LOOKUP,
) -> Response:
    require_inspector(who)
    return _cases(request, session, [], {"record_id": record})


@router.post("/cases", response_class=HTMLResponse)
async def confirm_case(
    request: Request, session: Session = DB, who: Principal = INSPECT
) -> Response:
    values = await form_values(request)
    try:
        data = CaseIn.model_validate(values)
        with session.begin_nested():
            service.confirm_case(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 404:
            return _cases(
                request, session, [FieldProblem("record_id", "no such risk record")], values
            )
        return _cases(request, session, _shown_again(exc), values)
    return RedirectResponse(f"{BASE}/cases", status_code=303)
