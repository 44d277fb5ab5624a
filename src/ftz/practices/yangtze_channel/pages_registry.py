"""p29 pages of the registry: the partner operators and fixed services (list with search and
active/deactivated filter; the channel administration registers new ones there), and a page per
operator and per service with its facts, the edit form, the deactivate/reactivate form (with the
reason) and the change history. A refused form comes back with the message and what was typed;
nothing of it is kept (savepoint)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.practices.yangtze_channel import reference, repository, service
from ftz.practices.yangtze_channel.models import FixedService, Operator
from ftz.practices.yangtze_channel.pages_common import (
    ADMIN,
    BASE,
    DB,
    READ,
    T,
    choices,
    read_form,
)
from ftz.practices.yangtze_channel.schemas import (
    OperatorEdit,
    OperatorIn,
    ServiceEdit,
    ServiceIn,
    StatusChangeIn,
)

router = APIRouter(include_in_schema=False)
ACTIVE = Query("", pattern="^(active|inactive|)$")
# Text fields an edit may empty (an empty optional field is otherwise left out of the form).
CLEARABLE = ("name_en", "node_id", "network_service")


def _attempt(session: Session, model: type[BaseModel], values: dict[str, Any], act: Any) -> Any:
    try:
        data = model.model_validate(values)
        with session.begin_nested():
            return act(data), []
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status in (401, 403, 404):
            raise
        return None, form_problems(exc)


def _stops(values: dict[str, Any]) -> None:
    """The stops field as typed (node ids separated by commas, spaces or arrows) → a list."""
    text = str(values.get("stops", "")).replace("→", " ").replace(",", " ")
    if "stops" in values:
        values["stops"] = text.split()


def _filtered(rows: list[Any], q: str, active: str) -> list[Any]:
    needle = q.strip().lower()
    found = []
    for row in rows:
        if active and row.active != (active == "active"):
            continue
        text = f"{row.code} {row.name_zh} {row.name_en}".lower()
        if needle and needle not in text:
            continue
        found.append(row)
    return found


def _registry(request: Request, session: Session, p: Principal, q: str = "", active: str = "",
              extra: dict[str, Any] | None = None, status: int = 200) -> Response:  # fmt: skip
    operators = repository.operators(session)
    context = {
        "operators": _filtered(operators, q, active),
        "services": _filtered(repository.services(session), q, active),
        "all_operators": operators,
        "q": q, "active": active, "is_admin": service.is_administration(p),
        "operator_kinds": reference.OPERATOR_KINDS,
        "operator_values": {"kind": "forwarder"}, "operator_errors": [],
        "service_values": {"mode": "river", "weekly_departures": "7"}, "service_errors": [],
        **choices(), **(extra or {}),
    }  # fmt: skip
    return render(request, T + "operators.html", context, status=status)


@router.get("/operators", response_class=HTMLResponse)
def operators(
    request: Request,
    q: str = Query("", max_length=48),
    active: str = ACTIVE,
    session: Session = DB,
    p: Principal = READ,
) -> Response:
    return _registry(request, session, p, q, active)


@router.post("/operators", response_class=HTMLResponse)
async def register_operator(request: Request, session: Session = DB,
                            p: Principal = ADMIN) -> Response:  # fmt: skip
    values = await read_form(request)
    act = lambda data: service.register_operator(session, principal=p, data=data)  # noqa: E731
    made, errors = _attempt(session, OperatorIn, values, act)
    if errors:
        extra = {"operator_values": values, "operator_errors": errors}
        return _registry(request, session, p, extra=extra, status=422)
    return RedirectResponse(f"{BASE}/operators/{made.id}", status_code=303)


@router.post("/services", response_class=HTMLResponse)
async def register_service(request: Request, session: Session = DB,
                           p: Principal = ADMIN) -> Response:  # fmt: skip
    values = await read_form(request, "cargo_types")
    _stops(values)
    act = lambda data: service.register_service(session, principal=p, data=data)  # noqa: E731
    made, errors = _attempt(session, ServiceIn, values, act)
    if errors:
        shown = {**values, "stops": " ".join(values.get("stops", []))}
        extra = {"service_values": shown, "service_errors": errors}
        return _registry(request, session, p, extra=extra, status=422)
    return RedirectResponse(f"{BASE}/services/{made.id}", status_code=303)


def _may_see_history(p: Principal, record: Operator | FixedService) -> bool:
    if p.is_enterprise:
        return record.org_id == p.org_id
    return service.is_administration(p)


def _detail(request: Request, session: Session, p: Principal, record: Operator | FixedService,
            errors: Any = None, values: dict[str, Any] | None = None) -> Response:  # fmt: skip
    context: dict[str, Any] = {
        "record": record,
        "is_admin": service.is_administration(p),
        "history": service.history(session, principal=p, record=record)
        if _may_see_history(p, record) else None,
        "errors": errors or [], "values": values or {},
        "operator_kinds": reference.OPERATOR_KINDS,
        "local_label": reference.local_label, **choices(),
    }  # fmt: skip
    if isinstance(record, Operator):
        context["services"] = [
            s for s in repository.services(session) if s.operator_id == record.id
        ]
        template = "operator.html"
    else:
        context["operator"] = session.get(Operator, record.operator_id)
        template = "service.html"
    return render(request, T + template, context, status=422 if errors else 200)


@router.get("/operators/{operator_id}", response_class=HTMLResponse)
def operator(request: Request, operator_id: str, session: Session = DB,
             p: Principal = READ) -> Response:  # fmt: skip
    return _detail(request, session, p, service.get_operator(session, operator_id))


@router.get("/services/{service_id}", response_class=HTMLResponse)
def fixed_service(request: Request, service_id: str, session: Session = DB,
                  p: Principal = READ) -> Response:  # fmt: skip
    return _detail(request, session, p, service.get_service(session, service_id))


@router.post("/operators/{operator_id}/edit", response_class=HTMLResponse)
async def edit_operator(request: Request, operator_id: str, session: Session = DB,
                        p: Principal = ADMIN) -> Response:  # fmt: skip
    record = service.get_operator(session, operator_id)
    values = await read_form(request, keep=CLEARABLE)

    def act(data: OperatorEdit) -> Operator:
        return service.edit_operator(session, principal=p, operator_id=record.id, data=data)

    _, errors = _attempt(session, OperatorEdit, values, act)
    if errors:
        return _detail(request, session, p, record, errors, values)
    return RedirectResponse(f"{BASE}/operators/{record.id}", status_code=303)


@router.post("/services/{service_id}/edit", response_class=HTMLResponse)
async def edit_service(request: Request, service_id: str, session: Session = DB,
                       p: Principal = ADMIN) -> Response:  # fmt: skip
    record = service.get_service(session, service_id)
    values = await read_form(request, "cargo_types", keep=CLEARABLE)
    _stops(values)
    if not values.get("cargo_types"):
        values.pop("cargo_types", None)

    def act(data: ServiceEdit) -> FixedService:
        return service.edit_service(session, principal=p, service_id=record.id, data=data)

    _, errors = _attempt(session, ServiceEdit, values, act)
    if errors:
        shown = {**values, "stops": " ".join(values.get("stops", []))}
        return _detail(request, session, p, record, errors, shown)
    return RedirectResponse(f"{BASE}/services/{record.id}", status_code=303)


async def _set_active(
    request: Request,
    session: Session,
    p: Principal,
    record: Operator | FixedService,
    active: bool,
    path: str,
) -> Response:
    values = await read_form(request)

    def act(data: StatusChangeIn) -> Any:
        return service.set_active(session, principal=p, record=record, active=active, data=data)

    _, errors = _attempt(session, StatusChangeIn, values, act)
    if errors:
        return _detail(request, session, p, record, errors, values)
    return RedirectResponse(f"{BASE}/{path}/{record.id}", status_code=303)


@router.post("/operators/{operator_id}/deactivate", response_class=HTMLResponse)
async def deactivate_operator(request: Request, operator_id: str, session: Session = DB,
                              p: Principal = ADMIN) -> Response:  # fmt: skip
    record = service.get_operator(session, operator_id)
    return await _set_active(request, session, p, record, False, "operators")


@router.post("/operators/{operator_id}/reactivate", response_class=HTMLResponse)
async def reactivate_operator(request: Request, operator_id: str, session: Session = DB,
                              p: Principal = ADMIN) -> Response:  # fmt: skip
    record = service.get_operator(session, operator_id)
    return await _set_active(request, session, p, record, True, "operators")


@router.post("/services/{service_id}/deactivate", response_class=HTMLResponse)
async def deactivate_service(request: Request, service_id: str, session: Session = DB,
                             p: Principal = ADMIN) -> Response:  # fmt: skip
    record = service.get_service(session, service_id)
    return await _set_active(request, session, p, record, False, "services")


@router.post("/services/{service_id}/reactivate", response_class=HTMLResponse)
async def reactivate_service(request: Request, service_id: str, session: Session = DB,
                             p: Principal = ADMIN) -> Response:  # fmt: skip
    record = service.get_service(session, service_id)
    return await _set_active(request, session, p, record, True, "services")
