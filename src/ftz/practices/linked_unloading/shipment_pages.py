"""p02 shipment pages: the list (search, filters, pages, CSV), filing, the detail with its
history, and the correction form whose locked fields say which rule row locks them."""

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
from ftz.core.kit.pagination import PageParams, page_params
from ftz.core.web.forms import form_problems, form_values
from ftz.core.web.templating import render
from ftz.practices.linked_unloading import editing, reference, service
from ftz.practices.linked_unloading.endpoints import shipment_filter
from ftz.practices.linked_unloading.models import Shipment
from ftz.practices.linked_unloading.repository import ShipmentFilter
from ftz.practices.linked_unloading.schemas import ShipmentEdit, ShipmentIn
from ftz.practices.linked_unloading.workflow import STATUSES

router = APIRouter(include_in_schema=False)
DB = Depends(get_db, scope="function")
BASE = "/linked-unloading"
T = "linked_unloading/"


def parse_containers(text: str) -> list[dict[str, Any]]:
    """One container a line: `NUMBER [20|40]` (40 when the size is left out)."""
    rows = []
    for line in text.splitlines():
        parts = line.split()
        if parts:
            size = parts[1] if len(parts) > 1 else "40"
            rows.append({"number": parts[0], "size_ft": int(size) if size.isdigit() else size})
    return rows


@router.get("/shipments", response_class=HTMLResponse)
def shipments(
    request: Request,
    where: ShipmentFilter = Depends(shipment_filter),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.read")),
) -> Response:
    page = service.list_shipments(session, principal=principal, params=params, where=where)
    query = "&".join(f"{k}={v or ''}" for k, v in
                     (("direction", where.direction), ("port", where.port),
                      ("status", where.status), ("q", where.text)))  # fmt: skip
    return render(
        request,
        T + "shipments.html",
        {"page": page, "where": where, "query": query, "statuses": STATUSES,
         "ref": reference.reference(), "can_file": allows(principal, "linked_unloading.file")},
    )  # fmt: skip


@router.get("/shipments/new", response_class=HTMLResponse)
def new_shipment(
    request: Request, _: Principal = Depends(require("linked_unloading.file"))
) -> Response:
    context = {"errors": [], "values": {"direction": "import"}, "ref": reference.reference()}
    return render(request, T + "new.html", context)


@router.post("/shipments/new", response_class=HTMLResponse)
async def file_shipment(
    request: Request,
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.file")),
) -> Response:
    values = await form_values(request)
    try:
        data = ShipmentIn.model_validate(
            {
                "direction": values.get("direction"),
                "port_code": values.get("port_code", ""),
                "consignee": values.get("consignee", ""),
                "bill_of_lading": values.get("bill_of_lading", ""),
                "vessel": values.get("vessel", ""),
                "declared_in_advance": values.get("declared_in_advance") == "on",
                "containers": parse_containers(values.get("containers", "")),
            }
        )
        with session.begin_nested():
            shipment = service.file_shipment(session, principal=principal, data=data)
    except (FtzError, ValidationError) as exc:
        context = {"errors": form_problems(exc), "values": values, "ref": reference.reference()}
        return render(request, T + "new.html", context, status=422)
    return RedirectResponse(f"{BASE}/shipments/{shipment.id}", status_code=303)


def _can_edit(principal: Principal, shipment: Shipment) -> bool:
    owner = principal.is_enterprise and principal.org_id == shipment.org_id
    return allows(principal, "linked_unloading.edit") and (owner or principal.is_admin)


@router.get("/shipments/{shipment_id}", response_class=HTMLResponse)
def shipment_page(
    request: Request,
    shipment_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.read")),
) -> Response:
    shipment = service.get_shipment(session, principal=principal, shipment_id=shipment_id)
    context = {
        "s": shipment,
        "history": editing.history(session, principal=principal, shipment_id=shipment_id),
        "can_edit": _can_edit(principal, shipment) and bool(service.live(shipment)),
    }
    return render(request, T + "shipment.html", context)


def _edit_values(shipment: Shipment) -> dict[str, Any]:
    return {
        "port_code": shipment.port_code,
        "consignee": shipment.consignee,
        "bill_of_lading": shipment.bill_of_lading,
        "vessel": shipment.vessel,
        "declared_in_advance": "on" if shipment.declared_in_advance else "",
        "containers": "\n".join(f"{c.number} {c.size_ft}" for c in service.live(shipment)),
    }


def _edit_form(
    request: Request,
    shipment: Shipment,
    values: dict[str, Any],
    errors: list[FieldProblem],
    status: int = 200,
) -> Response:
    merged = {**_edit_values(shipment), **values}  # a locked field shows the stored value
    if "declared_in_advance_shown" in values and "declared_in_advance" not in values:
        merged["declared_in_advance"] = ""  # an unticked box is not sent at all
    context = {
        "s": shipment,
        "values": merged,
        "errors": errors,
        "windows": editing.windows(shipment),
        "ref": reference.reference(),
    }
    return render(request, T + "edit.html", context, status=status)


@router.get("/shipments/{shipment_id}/edit", response_class=HTMLResponse)
def edit_form(
    request: Request,
    shipment_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.edit")),
) -> Response:
    shipment = service.get_shipment(session, principal=principal, shipment_id=shipment_id)
    return _edit_form(request, shipment, _edit_values(shipment), [])


def edit_body(values: dict[str, str]) -> dict[str, Any]:
    """Only the fields the form sent: a locked (disabled) field is not sent and stays as is.
    The checkbox is sent only when ticked, so its marker says whether it was on the form."""
    body: dict[str, Any] = {
        name: values[name]
        for name in ("port_code", "consignee", "bill_of_lading", "vessel")
        if name in values
    }
    if "declared_in_advance_shown" in values:
        body["declared_in_advance"] = values.get("declared_in_advance") == "on"
    if "containers" in values:
        body["containers"] = parse_containers(values["containers"])
    return body


@router.post("/shipments/{shipment_id}/edit", response_class=HTMLResponse)
async def edit_shipment(
    request: Request,
    shipment_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.edit")),
) -> Response:
    values = await form_values(request)
    try:
        data = ShipmentEdit.model_validate(edit_body(values))
        with session.begin_nested():
            editing.edit_shipment(session, principal=principal, shipment_id=shipment_id,
                                  data=data)  # fmt: skip
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status in (403, 404):
            raise
        shipment = service.get_shipment(session, principal=principal, shipment_id=shipment_id)
        return _edit_form(request, shipment, values, form_problems(exc), status=422)
    return RedirectResponse(f"{BASE}/shipments/{shipment_id}", status_code=303)
