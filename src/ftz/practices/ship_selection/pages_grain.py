"""p07 pages of the grain green channel: the calls each party may read, the filer's form, and a
call with its papers (upload, download), the automatic Grain Code check, comments, the
officers' checklist and decision, and the trimming check with its reason."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.core.workflow import allowed_events
from ftz.domain.vessels import repository as vessels
from ftz.practices.ship_selection import documents, exports, grain, repository
from ftz.practices.ship_selection.common import checklist, is_msa, settings
from ftz.practices.ship_selection.schemas import GrainCallIn, GrainEventIn
from ftz.practices.ship_selection.web import (
    BASE,
    DB,
    FILE,
    PORT_TIME,
    READ,
    T,
    data_dir,
    filled,
    form_with_files,
    port_time,
)
from ftz.practices.ship_selection.workflow import GrainCallFlow

router = APIRouter(include_in_schema=False)
STATUSES = ("draft", "submitted", "returned", "approved", "loaded", "cleared")


@router.get("/grain", response_class=HTMLResponse)
def list_calls(
    request: Request,
    status: str = Query("", pattern="^(draft|submitted|returned|approved|loaded|cleared|)$"),
    port: str = Query("", max_length=64),
    q: str = Query("", max_length=100),
    page: int = Query(1, ge=1),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    found = repository.calls(
        session,
        who,
        PageParams(page=page, size=25),
        status=status or None,
        port=port or None,
        text=q or None,
    )
    filters = {"status": status, "port": port, "q": q}
    context = {
        "page": found,
        "filters": filters,
        "statuses": STATUSES,
        "query": "&".join(f"{k}={v}" for k, v in filters.items()),
        "ships": vessels.ships_by_id(session, {c.ship_id for c in found.items}),
        "ports": settings()["ports"],
        "can_file": allows(who, "ship_selection.file") and who.is_enterprise,
        "tz": PORT_TIME,
    }
    return render(request, T + "grain_calls.html", context)


@router.get("/grain.csv", response_class=Response)
def calls_csv(
    status: str = Query("", pattern="^(draft|submitted|returned|approved|loaded|cleared|)$"),
    port: str = Query("", max_length=64),
    q: str = Query("", max_length=100),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    text = exports.calls_csv(session, who, status=status or None, port=port or None, text=q or None)
    return exports.csv_response(text, "grain-calls.csv")


def _form(
    request: Request,
    session: Session,
    values: dict[str, Any],
    errors: list[FieldProblem],
    status: int = 200,
) -> Response:
    context = {
        "values": values,
        "errors": errors,
        "ports": settings()["ports"],
        "orgs": repository.enterprises(session),
    }
    return render(request, T + "grain_form.html", context, status=status)


@router.get("/grain/new", response_class=HTMLResponse)
def new_call(
    request: Request,
    imo: str = Query("", max_length=7),
    session: Session = DB,
    who: Principal = FILE,
) -> Response:
    return _form(request, session, {"imo_number": imo, "cargo_name": "玉米"}, [])


@router.post("/grain/new", response_class=HTMLResponse)
async def file_call(request: Request, session: Session = DB, who: Principal = FILE) -> Response:
    values, _ = await form_with_files(request)
    body = filled(values)
    body["eta"] = port_time(body.get("eta"))
    try:
        data = GrainCallIn.model_validate(body)
        with session.begin_nested():
            made = grain.file_call(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _form(request, session, values, form_problems(exc), 422)
    return RedirectResponse(f"{BASE}/grain/{made.id}", status_code=303)


def _detail(
    request: Request,
    session: Session,
    who: Principal,
    call_id: str,
    errors: list[FieldProblem],
    values: dict[str, str],
    status: int = 200,
) -> Response:
    call = repository.get_call(session, who, call_id)
    events = [
        e
        for e in allowed_events(GrainCallFlow, call, who)
        if (e in ("submit", "finish_loading")) == (who.org_id == call.org_id)
    ]
    papers = repository.documents(session, call.id)
    context = {
        "call": call,
        "ship": vessels.get_ship(session, call.ship_id),
        "papers": papers,
        "comments": repository.comments(session, call.id),
        "kinds": documents.kinds(),
        "missing": grain.missing_papers(session, call),
        "checklist": checklist(),
        "orgs": repository.org_names(
            session, {o for o in (call.org_id, call.terminal_org_id, call.company_org_id) if o}
        ),
        "events": events if (who.org_id == call.org_id or is_msa(who)) else [],
        "is_filer": who.org_id == call.org_id,
        "can_comment": who.org_id == call.org_id or is_msa(who),
        "upload_open": who.org_id == call.org_id and call.status in documents.OPEN_FOR,
        "errors": errors,
        "values": values,
        "tz": PORT_TIME,
    }
    return render(request, T + "grain_call.html", context, status=status)


@router.get("/grain/{call_id}", response_class=HTMLResponse)
def call_detail(
    request: Request, call_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, call_id, [], {})


@router.post("/grain/{call_id}/upload", response_class=HTMLResponse)
async def upload(
    request: Request, call_id: str, session: Session = DB, who: Principal = FILE
) -> Response:
    values, files = await form_with_files(request)
    paper = files.get("file")
    try:
        if paper is None or not paper.filename:
            raise FtzError(
                detail="choose a file", status=422, errors=[FieldProblem("file", "choose a file")]
            )
        content = await paper.read()
        with session.begin_nested():
            grain.upload(
                session,
                principal=who,
                data_dir=data_dir(request),
                call_id=call_id,
                kind=values.get("kind", ""),
                filename=paper.filename,
                content_type=paper.content_type or "",
                content=content,
            )
    except FtzError as exc:
        if exc.status == 404:
            raise
        return _detail(request, session, who, call_id, form_problems(exc), values, 422)
    return RedirectResponse(f"{BASE}/grain/{call_id}#papers", status_code=303)


@router.post("/grain/{call_id}/comment", response_class=HTMLResponse)
async def add_comment(
    request: Request, call_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    values, _ = await form_with_files(request)
    try:
        if not values.get("body", "").strip():
            raise FtzError(
                detail="write a comment",
                status=422,
                errors=[FieldProblem("body", "write a comment")],
            )
        with session.begin_nested():
            grain.comment(session, principal=who, call_id=call_id, body=values["body"])
    except FtzError as exc:
        if exc.status == 404:
            raise
        return _detail(request, session, who, call_id, form_problems(exc), values, 422)
    return RedirectResponse(f"{BASE}/grain/{call_id}#comments", status_code=303)


@router.post("/grain/{call_id}/event", response_class=HTMLResponse)
async def act(
    request: Request, call_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    values, _ = await form_with_files(request)
    ticks = {i["id"]: values.get(f"check_{i['id']}") == "on" for i in checklist()}
    try:
        data = GrainEventIn.model_validate(
            {
                "event": values.get("event", ""),
                "checklist": ticks,
                "comment": values.get("comment", ""),
            }
        )
        with session.begin_nested():
            grain.act(session, principal=who, call_id=call_id, data=data)
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status == 404:
            raise
        return _detail(request, session, who, call_id, form_problems(exc), values, 422)
    return RedirectResponse(f"{BASE}/grain/{call_id}", status_code=303)
