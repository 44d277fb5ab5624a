"""p02 HTTP API under /api/linked-unloading."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageParams, page_params
from ftz.practices.linked_unloading import editing, reference, service, stats
from ftz.practices.linked_unloading.models import Container
from ftz.practices.linked_unloading.repository import ContainerFilter, ShipmentFilter
from ftz.practices.linked_unloading.schemas import (
    ContainerDetail,
    ContainerOut,
    ContainerPage,
    EventIn,
    HistoryEntry,
    ShipmentEdit,
    ShipmentIn,
    ShipmentOut,
    ShipmentPage,
)

router = APIRouter()
DB = Depends(get_db, scope="function")


def container_filter(
    status: str | None = Query(None, max_length=24),
    direction: str | None = Query(None, pattern="^(import|export)$"),
    port: str | None = Query(None, max_length=8),
    q: str | None = Query(None, max_length=40),
) -> ContainerFilter:
    return ContainerFilter(status=status, direction=direction, port=port, text=q)


def shipment_filter(
    direction: str | None = Query(None, pattern="^(import|export)$"),
    port: str | None = Query(None, max_length=8),
    status: str | None = Query(None, max_length=24),
    q: str | None = Query(None, max_length=40),
) -> ShipmentFilter:
    return ShipmentFilter(direction=direction, port=port, status=status, text=q)


def detail(principal: Principal, container: Container) -> ContainerDetail:
    port = reference.reference().port(container.port_code)
    return ContainerDetail.model_validate(
        {
            **ContainerOut.model_validate(container).model_dump(),
            "events": container.events,
            "allowed_events": service.next_events(principal, container),
            "expected_barge_hours": round(reference.barge_hours(port), 1),
        }
    )


@router.get("/ports", response_model=dict[str, Any])
def ports(_: Principal = Depends(require("linked_unloading.ports"))) -> dict[str, Any]:
    return reference.reference().model_dump(mode="json")


@router.get("/compare", response_model=dict[str, Any])
def compare(
    port: str = Query(..., max_length=8),
    direction: str = Query("import"),
    teu: int = Query(1),
    deadline_hours: float | None = Query(None),
    _: Principal = Depends(require("linked_unloading.compare")),
) -> dict[str, Any]:
    return service.advise(port, direction, teu, deadline_hours)


@router.post("/shipments", response_model=ShipmentOut, status_code=201)
def file_shipment(
    body: ShipmentIn,
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.file")),
) -> ShipmentOut:
    shipment = service.file_shipment(session, principal=principal, data=body)
    return ShipmentOut.model_validate(shipment)


@router.get("/shipments", response_model=ShipmentPage)
def list_shipments(
    where: ShipmentFilter = Depends(shipment_filter),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.read")),
) -> ShipmentPage:
    page = service.list_shipments(session, principal=principal, params=params, where=where)
    items = [ShipmentOut.model_validate(s) for s in page.items]
    return ShipmentPage(items=items, total=page.total, page=page.page, size=page.size)


@router.get("/shipments.csv")
def export_shipments(
    where: ShipmentFilter = Depends(shipment_filter),
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.read")),
) -> Response:
    body = stats.shipments_csv(session, principal=principal, where=where)
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="linked-unloading-shipments.csv"'},
    )


@router.get("/shipments/{shipment_id}", response_model=ShipmentOut)
def get_shipment(
    shipment_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.read")),
) -> ShipmentOut:
    shipment = service.get_shipment(session, principal=principal, shipment_id=shipment_id)
    return ShipmentOut.model_validate(shipment)


@router.patch("/shipments/{shipment_id}", response_model=ShipmentOut)
def edit_shipment(
    shipment_id: str,
    body: ShipmentEdit,
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.edit")),
) -> ShipmentOut:
    """Correct a filed shipment. 409 (with the rule row and its source per blocking container)
    once its containers have moved past the states where that change is allowed."""
    shipment = editing.edit_shipment(
        session, principal=principal, shipment_id=shipment_id, data=body
    )
    return ShipmentOut.model_validate(shipment)


@router.get("/shipments/{shipment_id}/history", response_model=list[HistoryEntry])
def shipment_history(
    shipment_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.read")),
) -> list[HistoryEntry]:
    return editing.history(session, principal=principal, shipment_id=shipment_id)


@router.get("/containers", response_model=ContainerPage)
def list_containers(
    where: ContainerFilter = Depends(container_filter),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.read")),
) -> ContainerPage:
    page = service.list_containers(session, principal=principal, params=params, where=where)
    items = [ContainerOut.model_validate(c) for c in page.items]
    return ContainerPage(items=items, total=page.total, page=page.page, size=page.size)


@router.get("/containers.csv")
def export_csv(
    where: ContainerFilter = Depends(container_filter),
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.read")),
) -> Response:
    body = stats.containers_csv(session, principal=principal, where=where)
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="linked-unloading-containers.csv"'},
    )


@router.get("/containers/{container_id}", response_model=ContainerDetail)
def get_container(
    container_id: str,
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.read")),
) -> ContainerDetail:
    container = service.get_container(session, principal=principal, container_id=container_id)
    return detail(principal, container)


@router.post("/containers/{container_id}/events", response_model=ContainerDetail, status_code=201)
def post_event(
    container_id: str,
    body: EventIn,
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.post")),
) -> ContainerDetail:
    container = service.post_event(
        session,
        principal=principal,
        container_id=container_id,
        event=body.event,
        at=body.at,
        note=body.note,
    )
    return detail(principal, container)


@router.get("/stats", response_model=dict[str, Any])
def statistics(
    session: Session = DB,
    principal: Principal = Depends(require("linked_unloading.stats")),
) -> dict[str, Any]:
    return stats.statistics(session, principal=principal)
