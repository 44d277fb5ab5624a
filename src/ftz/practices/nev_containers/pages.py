"""p13 pages: the dashboard (the platform's counts beside the seed's), the declarations list
with search, filters, pages and CSV, the declaration form (new and edit), a declaration's page
(vehicles with their UN numbers and why, special provisions, inspections, the form the reader's
office may use now, history) and the rule tables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems, form_values
from ftz.core.web.list_context import list_context
from ftz.core.web.templating import render
from ftz.practices.nev_containers import exports, forms, inspections, repository, service
from ftz.practices.nev_containers.common import is_officer, rules, settings, table_rows
from ftz.practices.nev_containers.maps import journey_map
from ftz.practices.nev_containers.models import Declaration
from ftz.practices.nev_containers.schemas import POWER_SOURCES, EventIn

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
READ = Depends(require("nev_containers.read"))
DECLARE = Depends(require("nev_containers.declare"))
INSPECT = Depends(require("nev_containers.inspect"))
BASE = "/nev-containers"
STATUSES = ("declared", "rectifying", "withdrawn", "certified", "reopened", "loaded", "held")
STATUS_Q = Query("", pattern="^(declared|rectifying|withdrawn|certified|reopened|loaded|held|)$")


def _shown_again(exc: FtzError | ValidationError) -> list[FieldProblem]:
    """A record the user may not see (404) or an action not theirs (403) is no form mistake."""
    if isinstance(exc, FtzError) and exc.status in (403, 404):
        raise exc
    return form_problems(exc)


@router.get("", response_class=HTMLResponse)
def overview(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    data = service.dashboard(session, principal=who)
    return render(request, "nev_containers/overview.html", {"data": data})


@router.get("/rules", response_class=HTMLResponse)
def rule_tables(request: Request, who: Principal = READ) -> Response:
    tables = {key: table_rows(key) for key in rules().keys}
    return render(request, "nev_containers/rules.html", {"tables": tables})


def _filters(status: str, q: str) -> list[Any]:
    filters: list[Any] = [Declaration.status == status] if status else []
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
    return render(request, "nev_containers/declarations.html", context)


@router.get("/declarations.csv")
def export(
    status: str = STATUS_Q,
    q: str = Query("", max_length=100),
    session: Session = DB,
    who: Principal = READ,
) -> Response:
    return exports.declarations_csv(session, who, *_filters(status, q))


def _form(
    request: Request, values: dict[str, str], errors: list[FieldProblem], editing: str | None
) -> Response:
    context = {"values": values, "errors": errors, "editing": editing, "conf": settings(),
               "power_sources": POWER_SOURCES}  # fmt: skip
    return render(request, "nev_containers/form.html", context, status=422 if errors else 200)


@router.get("/declarations/new", response_class=HTMLResponse)
def new_form(request: Request, who: Principal = DECLARE) -> Response:
    conf = settings()
    defaults = {"origin": conf["origins"][0]["id"], "transit_port": "qinzhou",
                "origin_office": "nev-msa-cq", "transit_office": "nev-msa-qz",
                "container_type": "45G1"}  # fmt: skip
    return _form(request, defaults, [], None)


@router.post("/declarations", response_class=HTMLResponse)
async def create(request: Request, session: Session = DB, who: Principal = DECLARE) -> Response:
    values = await form_values(request)
    try:
        data = forms.declaration(values)
        with session.begin_nested():
            made = service.declare(session, principal=who, data=data)
    except (FtzError, ValidationError) as exc:
        return _form(request, values, _shown_again(exc), None)
    return RedirectResponse(f"{BASE}/declarations/{made.id}", status_code=303)


@router.get("/declarations/{declaration_id}/edit", response_class=HTMLResponse)
def edit_form(
    request: Request, declaration_id: str, session: Session = DB, who: Principal = DECLARE
) -> Response:
    d = repository.get_declaration(session, who, declaration_id)
    codes = {o.id: o.code for o in repository.org_names(
        session, {d.origin_office_org_id, d.transit_office_org_id}).values()}  # fmt: skip
    values = {c: str(getattr(d, c)) for c in ("batch_no", "container_no", "container_type",
              "origin", "transit_port", "destination", "packing_site", "sea_date")}  # fmt: skip
    values |= {"origin_office": codes[d.origin_office_org_id],
               "transit_office": codes[d.transit_office_org_id],
               "vehicles": forms.vehicles_text(d.vehicles)}  # fmt: skip
    if d.opt_in_42_24:
        values["opt_in_42_24"] = "on"
    return _form(request, values, [], d.id)


@router.post("/declarations/{declaration_id}/edit", response_class=HTMLResponse)
async def edit(
    request: Request, declaration_id: str, session: Session = DB, who: Principal = DECLARE
) -> Response:
    values = await form_values(request)
    try:
        data = forms.declaration(values)
        with session.begin_nested():
            service.edit(session, principal=who, declaration_id=declaration_id, data=data)
    except (FtzError, ValidationError) as exc:
        return _form(request, values, _shown_again(exc), declaration_id)
    return RedirectResponse(f"{BASE}/declarations/{declaration_id}", status_code=303)


def _detail(
    request: Request,
    session: Session,
    who: Principal,
    declaration_id: str,
    errors: list[FieldProblem] | None = None,
    form: str = "",
) -> Response:
    d = repository.get_declaration(session, who, declaration_id)
    offices = repository.org_names(session, {d.org_id, d.origin_office_org_id,
                                             d.transit_office_org_id})  # fmt: skip
    context = {
        "d": d,
        "orgs": offices,
        "places": settings(),
        "inspections": repository.inspections(session, d.id),
        "history": service.history(session, principal=who, entity_id=d.id),
        "origin_office": is_officer(who) and who.org_id == d.origin_office_org_id,
        "transit_office": is_officer(who) and who.org_id == d.transit_office_org_id,
        "shipper": who.is_enterprise,
        "check_items": forms.CHECK_ITEMS,
        "checklist": table_rows("checklist.json"),
        "journey": journey_map(d.origin, d.transit_port),
        "errors": errors or [],
        "form": form,
    }
    status = 422 if errors else 200
    return render(request, "nev_containers/declaration.html", context, status=status)


@router.get("/declarations/{declaration_id}", response_class=HTMLResponse)
def declaration(
    request: Request, declaration_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, declaration_id)


async def _act(
    request: Request, session: Session, who: Principal, declaration_id: str, form: str,
    action: Callable[[dict[str, str]], Any],
) -> Response:  # fmt: skip
    values = await form_values(request)
    try:
        with session.begin_nested():
            action(values)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, declaration_id, _shown_again(exc), form)
    return RedirectResponse(f"{BASE}/declarations/{declaration_id}", status_code=303)


@router.post("/declarations/{declaration_id}/events", response_class=HTMLResponse)
async def declaration_event(
    request: Request, declaration_id: str, session: Session = DB, who: Principal = DECLARE
) -> Response:
    def act(values: dict[str, str]) -> Any:
        data = EventIn.model_validate(values)
        return service.event(session, principal=who, declaration_id=declaration_id, data=data)

    return await _act(request, session, who, declaration_id, "event", act)


@router.post("/declarations/{declaration_id}/inspection", response_class=HTMLResponse)
async def inspect(
    request: Request, declaration_id: str, session: Session = DB, who: Principal = INSPECT
) -> Response:
    def act(values: dict[str, str]) -> Any:
        data = forms.inspection(values)
        return inspections.inspect(session, principal=who, declaration_id=declaration_id,
                                   data=data)  # fmt: skip

    return await _act(request, session, who, declaration_id, "inspection", act)


@router.post("/declarations/{declaration_id}/arrival", response_class=HTMLResponse)
async def arrival(
    request: Request, declaration_id: str, session: Session = DB, who: Principal = INSPECT
) -> Response:
    def act(values: dict[str, str]) -> Any:
        data = forms.arrival(values)
        return inspections.arrival(session, principal=who, declaration_id=declaration_id,
                                   data=data)  # fmt: skip

    return await _act(request, session, who, declaration_id, "arrival", act)


@router.post("/declarations/{declaration_id}/reinspection", response_class=HTMLResponse)
async def reinspection(
    request: Request, declaration_id: str, session: Session = DB, who: Principal = INSPECT
) -> Response:
    def act(values: dict[str, str]) -> Any:
        data = forms.reinspection(values)
        return inspections.reinspect(session, principal=who, declaration_id=declaration_id,
                                     data=data)  # fmt: skip

    return await _act(request, session, who, declaration_id, "reinspection", act)
