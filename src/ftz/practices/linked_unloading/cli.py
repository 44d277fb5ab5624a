"""`ftz linked-unloading …`: ports, route comparison, shipments, container events, statistics."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import typer
from pydantic import ValidationError

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams
from ftz.practices.linked_unloading import editing, reference, service, stats
from ftz.practices.linked_unloading.repository import ContainerFilter, ShipmentFilter
from ftz.practices.linked_unloading.schemas import (
    ContainerOut,
    ShipmentEdit,
    ShipmentIn,
    ShipmentOut,
)

app = typer.Typer(no_args_is_help=True, help="p02 联动接卸 linked unloading (Yangshan one port)")


@app.command("ports")
def ports(as_json: bool = JSON_OPTION) -> None:
    """Yangshan's linked ports with waterway km and expected barge hours."""
    ref = reference.reference()
    rows = [
        {"code": p.code, "name_zh": p.name_zh, "province": p.province, "waterway_km": p.waterway_km,
         "expected_hours": round(reference.barge_hours(p), 1)}
        for p in ref.ports
    ]  # fmt: skip
    emit(rows, as_json, "\n".join(
        f"{r['code']} {r['name_zh']:<8} {r['province']} {r['waterway_km']:>5} km "
        f"{r['expected_hours']:>5} h" for r in rows))  # fmt: skip


@app.command("compare")
def compare(
    port: str = typer.Argument(..., help="Linked port code, e.g. WUH"),
    direction: str = typer.Option("import", help="import or export"),
    teu: int = typer.Option(1),
    deadline: float | None = typer.Option(None, help="Deadline in hours"),
    as_json: bool = JSON_OPTION,
) -> None:
    """Barge vs truck vs water–water transshipment: hours, CNY and kg CO2."""
    try:
        result = service.advise(port, direction, teu, deadline)
    except FtzError as exc:
        fail(exc.detail, 2)
    lines = [
        f"{o['mode']:<14} {o['hours']:>6} h {o['cost_cny']:>10,.0f} CNY {o['co2_kg']:>8} kg CO2"
        for o in result["comparison"]["options"]
    ]
    lines.append(f"recommended: {result['advice']['recommended']}")
    emit(result, as_json, "\n".join(lines))


@app.command("file")
def file_shipment(
    shipment_file: Path = typer.Argument(..., exists=True, dir_okay=False),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """File a shipment from a JSON file (the API's ShipmentIn body)."""
    try:
        data = ShipmentIn.model_validate(json.loads(shipment_file.read_text(encoding="utf-8")))
    except (ValidationError, json.JSONDecodeError) as exc:
        fail(f"{shipment_file}: {str(exc).splitlines()[0]}", 2)
    try:
        with cli_session(as_user) as (session, principal):
            shipment = service.file_shipment(session, principal=principal, data=data)
            out = ShipmentOut.model_validate(shipment).model_dump(mode="json")
    except FtzError as exc:
        fail(exc.detail, 2 if exc.status == 422 else 1)
    emit(out, as_json, f"{out['number']} {len(out['containers'])} containers")


def _container_items(raw: list[str]) -> list[dict[str, object]]:
    """`NUMBER` or `NUMBER:SIZE` (40 when left out), as on the web form."""
    items: list[dict[str, object]] = []
    for item in raw:
        number, _, size = item.partition(":")
        items.append({"number": number, "size_ft": int(size) if size.isdigit() else size or 40})
    return items


@app.command("edit")
def edit_shipment(
    shipment_id: str,
    consignee: str | None = typer.Option(None),
    bill_of_lading: str | None = typer.Option(None, "--bill-of-lading"),
    vessel: str | None = typer.Option(None),
    port: str | None = typer.Option(None, help="New linked port (only while nothing moved)"),
    advance: bool | None = typer.Option(None, "--advance/--no-advance", help="Declared early"),
    container: list[str] | None = typer.Option(
        None, "--container", help="The whole new list, repeated: NUMBER[:20|40]"
    ),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Correct a filed shipment; refused (exit 2, with the rule row) once its boxes moved on."""
    body: dict[str, object] = {
        "consignee": consignee,
        "bill_of_lading": bill_of_lading,
        "vessel": vessel,
        "port_code": port,
        "declared_in_advance": advance,
    }
    if container:
        body["containers"] = _container_items(container)
    try:
        data = ShipmentEdit.model_validate({k: v for k, v in body.items() if v is not None})
    except ValidationError as exc:
        first = exc.errors()[0]
        fail(f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}", 2)
    try:
        with cli_session(as_user) as (session, principal):
            shipment = editing.edit_shipment(
                session, principal=principal, shipment_id=shipment_id, data=data
            )
            out = ShipmentOut.model_validate(shipment).model_dump(mode="json")
    except FtzError as exc:
        fail(exc.detail, 2 if exc.status in (409, 422) else 1)
    emit(out, as_json, f"{out['number']} {out['port_code']} {out['teu']} TEU "
         f"saves {out['comparison']['saved_cny_vs_transshipment']} CNY")  # fmt: skip


@app.command("history")
def shipment_history(
    shipment_id: str, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """The shipment's filing and every correction, with their ledger entries."""
    try:
        with cli_session(as_user) as (session, principal):
            entries = editing.history(session, principal=principal, shipment_id=shipment_id)
            rows = [h.model_dump(mode="json") for h in entries]
    except FtzError as exc:
        fail(exc.detail, 1)
    emit(rows, as_json, "\n".join(
        f"{r['at'][:16]} {r['actor']:<12} {r['action']:<7} {', '.join(r['changes']) or '—'}"
        f"{' #' + str(r['ledger_index']) if r['ledger_index'] is not None else ''}"
        for r in rows))  # fmt: skip


@app.command("shipments")
def list_shipments(
    direction: str | None = None,
    port: str | None = None,
    status: str | None = typer.Option(None, help="Shipments with a container in this status"),
    q: str | None = None,
    page: int = 1,
    csv_out: Path | None = typer.Option(None, "--csv", dir_okay=False, help="Write CSV here"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Shipments, newest first (or all matching ones as CSV)."""
    where = ShipmentFilter(direction=direction, port=port, status=status, text=q)
    with cli_session(as_user) as (session, principal):
        if csv_out is not None:
            body = stats.shipments_csv(session, principal=principal, where=where)
            csv_out.write_text(body, encoding="utf-8")
            typer.echo(f"{body.count(chr(10)) - 1} shipments → {csv_out}")
            return
        result = service.list_shipments(
            session, principal=principal, params=PageParams(page=page, size=50), where=where
        )
        rows = [ShipmentOut.model_validate(s).model_dump(mode="json") for s in result.items]
    emit({"items": rows, "total": result.total}, as_json, "\n".join(
        f"{r['number']} {r['direction']:<6} {r['port_code']} {r['teu']:>3} TEU "
        f"{r['bill_of_lading']} {r['id']}" for r in rows))  # fmt: skip


@app.command("event")
def post_event(
    container_id: str,
    event: str,
    at: datetime | None = typer.Option(None, help="ISO time with zone (default: now)"),
    note: str = "",
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Post an event on a container (release, select_inspection, load_barge, arrive, …)."""
    try:
        with cli_session(as_user) as (session, principal):
            container = service.post_event(
                session, principal=principal, container_id=container_id, event=event, at=at,
                note=note,
            )  # fmt: skip
            out = ContainerOut.model_validate(container).model_dump(mode="json")
    except FtzError as exc:
        fail(exc.detail, 2 if exc.status == 422 else 1)
    emit(out, as_json, f"{out['number']} {out['status']}")


@app.command("list")
def list_containers(
    status: str | None = None,
    direction: str | None = None,
    port: str | None = None,
    q: str | None = None,
    page: int = 1,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Containers, latest event first."""
    where = ContainerFilter(status=status, direction=direction, port=port, text=q)
    with cli_session(as_user) as (session, principal):
        result = service.list_containers(
            session, principal=principal, params=PageParams(page=page, size=50), where=where
        )
        rows = [ContainerOut.model_validate(c).model_dump(mode="json") for c in result.items]
    emit({"items": rows, "total": result.total}, as_json, "\n".join(
        f"{r['number']} {r['direction']:<6} {r['port_code']} {r['status']:<14} {r['id']}"
        for r in rows))  # fmt: skip


@app.command("export")
def export_csv(
    output: Path = typer.Argument(..., dir_okay=False),
    direction: str | None = None,
    port: str | None = None,
    as_user: str | None = AS_USER_OPTION,
) -> None:
    """Write the containers (with filters) to a CSV file."""
    with cli_session(as_user) as (session, principal):
        where = ContainerFilter(direction=direction, port=port)
        body = stats.containers_csv(session, principal=principal, where=where)
    output.write_text(body, encoding="utf-8")
    typer.echo(f"{body.count(chr(10)) - 1} containers → {output}")


@app.command("stats")
def statistics(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Containers by port, direction and month; average barge hours per port."""
    with cli_session(as_user) as (session, principal):
        data = stats.statistics(session, principal=principal)
    emit(data, as_json, f"{data['containers']} containers, {data['teu']} TEU, "
         f"{data['ports']} ports, {data['by_direction']}")  # fmt: skip
