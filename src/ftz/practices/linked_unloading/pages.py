"""p02 pages: overview with statistics, the port registry, the route comparison, the container
list and timeline with each party's actions (shipments: shipment_pages)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.practices.linked_unloading import reference, service, shipment_pages, stats
from ftz.practices.linked_unloading.endpoints import container_filter
from ftz.practices.linked_unloading.repository import ContainerFilter
from ftz.practices.linked_unloading.workflow import STATUSES

router = APIRouter(include_in_schema=False)
router.include_router(shipment_pages.router)
DB = Depends(get_db, scope="function")
BASE = "/linked-unloading"


@router.get("", response_class=HTMLResponse)
def overview(
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.stats")),
) -> Response:
    data = stats.statistics(session, principal=principal)
    return render(
        request, "linked_unloading/overview.html", {"stats": data, "ref": reference.reference()}
    )


@router.get("/ports", response_class=HTMLResponse)
def ports(request: Request, _: Principal = Depends(require("linked_unloading.ports"))) -> Response:
    ref = reference.reference()
    rows = [
        {"port": p, "km": p.waterway_km, "hours": round(reference.barge_hours(p), 1),
         "crow_km": round(reference.haversine_km(ref.hub, p), 1)}
        for p in ref.ports
    ]  # fmt: skip
    return render(request, "linked_unloading/ports.html", {"ref": ref, "rows": rows})


@router.get("/compare", response_class=HTMLResponse)
def compare(
    request: Request,
    port: str = Query("", max_length=8),
    direction: str = Query("import", max_length=8),
    teu: str = Query("1", max_length=6),
    deadline_hours: str = Query("", max_length=8),
    _: Principal = Depends(require("linked_unloading.compare")),
) -> Response:
    values = {"port": port, "direction": direction, "teu": teu, "deadline_hours": deadline_hours}
    context: dict[str, Any] = {"ref": reference.reference(), "values": values, "errors": []}
    status = 200
    if port:
        try:
            teu_n = _number(teu, "teu")
            deadline = _number(deadline_hours, "deadline_hours") if deadline_hours else None
            context["result"] = service.advise(port, direction, int(teu_n), deadline)
        except FtzError as exc:
            context["errors"], status = form_problems(exc), 422
    return render(request, "linked_unloading/compare.html", context, status=status)


def _number(raw: str, field: str) -> float:
    try:
        return float(raw)
    except ValueError:
        raise FtzError(detail=f"{field}: not a number", status=422,
                       errors=[FieldProblem(field, "not a number")]) from None  # fmt: skip


@router.get("/containers", response_class=HTMLResponse)
def containers(
    request: Request,
    where: ContainerFilter = Depends(container_filter),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.read")),
) -> Response:
    page = service.list_containers(session, principal=principal, params=params, where=where)
    query = "&".join(f"{k}={v or ''}" for k, v in
                     (("status", where.status), ("direction", where.direction),
                      ("port", where.port), ("q", where.text)))  # fmt: skip
    return render(
        request,
        "linked_unloading/containers.html",
        {"page": page, "where": where, "query": query, "statuses": STATUSES,
         "ref": reference.reference(), "can_file": allows(principal, "linked_unloading.file")},
    )  # fmt: skip


def _container_page(
    request: Request,
    session: Session,
    principal: Principal,
    container_id: str,
    errors: list[FieldProblem],
    status: int = 200,
) -> Response:
    container = service.get_container(session, principal=principal, container_id=container_id)
    port = reference.reference().port(container.port_code)
    return render(
        request,
        "linked_unloading/container.html",
        {"c": container, "port": port, "errors": errors,
         "expected": round(reference.barge_hours(port), 1),
         "events": service.next_events(principal, container)},
        status=status,
    )  # fmt: skip


@router.get("/containers/{container_id}", response_class=HTMLResponse)
def container_page(
    request: Request,
    container_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.read")),
) -> Response:
    return _container_page(request, session, principal, container_id, [])


@router.post("/containers/{container_id}", response_class=HTMLResponse)
async def container_action(
    request: Request,
    container_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.post")),
) -> Response:
    form = await request.form()
    event, note = str(form.get("event", "")), str(form.get("note", ""))[:2000]
    try:
        with session.begin_nested():
            service.post_event(session, principal=principal, container_id=container_id,
                               event=event, note=note)  # fmt: skip
    except FtzError as exc:
        if exc.status == 404:
            raise
        return _container_page(
            request, session, principal, container_id, form_problems(exc), status=422
        )
    return RedirectResponse(f"{BASE}/containers/{container_id}", status_code=303)
