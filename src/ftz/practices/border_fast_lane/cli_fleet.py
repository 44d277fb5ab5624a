"""`ftz border-fast-lane fleet …`: the pre-registered vehicles and drivers from the command line —
list (search, active/inactive, CSV), register, edit, deactivate, reactivate, history."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from pydantic import BaseModel, ValidationError

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.core.kit.pagination import PageParams, paginate_query
from ftz.practices.border_fast_lane import exports, fleet, registration, repository
from ftz.practices.border_fast_lane.models import Driver, Vehicle
from ftz.practices.border_fast_lane.schemas import (
    DriverEdit,
    DriverIn,
    DriverOut,
    StatusChangeIn,
    VehicleEdit,
    VehicleIn,
    VehicleOut,
)

app = typer.Typer(no_args_is_help=True, help="Pre-registered vehicles and drivers")


class Kind(StrEnum):
    vehicle = "vehicle"
    driver = "driver"


SEARCH = typer.Option(None, "--q", help="Plate or tag (vehicles); name or last 4 (drivers)")
ACTIVE = typer.Option(None, "--active/--inactive", help="Only active or only deactivated")
CSV = typer.Option(False, "--csv", help="Print every match as CSV instead of a page")
REASON = typer.Option(..., "--reason", help="Why (kept in the history)")


def _validated(model: type[BaseModel], values: dict[str, Any]) -> Any:
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        fail(f"{'.'.join(str(p) for p in first['loc']) or 'input'}: {first['msg']}", 2)


def _file(model: type[BaseModel], path: Path) -> Any:
    try:
        values = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        fail(f"{path}: {exc}", 2)
    return _validated(model, values)


def _vehicle_line(v: dict[str, Any]) -> str:
    state = "active" if v["active"] else "deactivated"
    return (
        f"{v['plate']} {v['etag']} {v['kind']} permit→{v['permit_valid_until']} {state} {v['id']}"
    )


def _driver_line(d: dict[str, Any]) -> str:
    state = "active" if d["active"] else "deactivated"
    return (
        f"{d['name']} {d['document_kind']} ····{d['document_hint']} "
        f"valid→{d['document_valid_until']} {state} {d['id']}"
    )


@app.command("vehicles")
def vehicles(
    q: str | None = SEARCH,
    active: bool | None = ACTIVE,
    page: int = typer.Option(1, min=1),
    csv: bool = CSV,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Registered vehicles, newest first."""
    with cli_session(as_user) as (session, principal):
        if csv:
            typer.echo(exports.vehicles_csv(session, principal, q=q, active=active), nl=False)
            return
        query = repository.fleet_query(principal, Vehicle, q=q, active=active)
        found = paginate_query(session, query, PageParams(page=page, size=50))
        rows = [VehicleOut.model_validate(v).model_dump(mode="json") for v in found.items]
    text = "\n".join(_vehicle_line(r) for r in rows) or "no vehicles"
    emit({"items": rows, "total": found.total, "page": page}, as_json, text)


@app.command("drivers")
def drivers(
    q: str | None = SEARCH,
    active: bool | None = ACTIVE,
    page: int = typer.Option(1, min=1),
    csv: bool = CSV,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Registered drivers, newest first (document numbers only as their last four)."""
    with cli_session(as_user) as (session, principal):
        if csv:
            typer.echo(exports.drivers_csv(session, principal, q=q, active=active), nl=False)
            return
        query = repository.fleet_query(principal, Driver, q=q, active=active)
        found = paginate_query(session, query, PageParams(page=page, size=50))
        rows = [DriverOut.model_validate(d).model_dump(mode="json") for d in found.items]
    text = "\n".join(_driver_line(r) for r in rows) or "no drivers"
    emit({"items": rows, "total": found.total, "page": page}, as_json, text)


@app.command("register-vehicle")
def register_vehicle(
    vehicle_file: Path = typer.Argument(..., exists=True, dir_okay=False),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Register a vehicle (the API's VehicleIn JSON) as a forwarder."""
    data = _file(VehicleIn, vehicle_file)
    with cli_session(as_user) as (session, principal):
        made = registration.register_vehicle(session, principal=principal, data=data)
        out = VehicleOut.model_validate(made).model_dump(mode="json")
    emit(out, as_json, _vehicle_line(out))


@app.command("register-driver")
def register_driver(
    driver_file: Path = typer.Argument(..., exists=True, dir_okay=False),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Register a driver (the API's DriverIn JSON) as a forwarder."""
    data = _file(DriverIn, driver_file)
    with cli_session(as_user) as (session, principal):
        made = registration.register_driver(session, principal=principal, data=data)
        out = DriverOut.model_validate(made).model_dump(mode="json")
    emit(out, as_json, _driver_line(out))


@app.command("edit-vehicle")
def edit_vehicle(
    vehicle_id: str,
    kind: str | None = typer.Option(None, help="tractor, truck, van or tanker"),
    permit_valid_until: str | None = typer.Option(None, help="YYYY-MM-DD"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Change a vehicle's kind or permit validity."""
    given = {"kind": kind, "permit_valid_until": permit_valid_until}
    data = _validated(VehicleEdit, {k: v for k, v in given.items() if v is not None})
    with cli_session(as_user) as (session, principal):
        edited = fleet.edit_vehicle(session, principal=principal, vehicle_id=vehicle_id, data=data)
        out = VehicleOut.model_validate(edited).model_dump(mode="json")
    emit(out, as_json, _vehicle_line(out))


@app.command("edit-driver")
def edit_driver(
    driver_id: str,
    name: str | None = None,
    document_kind: str | None = typer.Option(None, help="exit_entry_permit, passport, border_pass"),
    document_number: str | None = typer.Option(None, help="Stored only as its keyed hash"),
    document_valid_until: str | None = typer.Option(None, help="YYYY-MM-DD"),
    fingerprint_ref: str | None = typer.Option(None, help="The device's template reference id"),
    face_ref: str | None = typer.Option(None, help="The device's template reference id"),
    enrolment_device: str | None = None,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Change a driver's name, document, its validity or the template references."""
    given = {
        "name": name,
        "document_kind": document_kind,
        "document_number": document_number,
        "document_valid_until": document_valid_until,
        "fingerprint_ref": fingerprint_ref,
        "face_ref": face_ref,
        "enrolment_device": enrolment_device,
    }
    data = _validated(DriverEdit, {k: v for k, v in given.items() if v is not None})
    with cli_session(as_user) as (session, principal):
        edited = fleet.edit_driver(session, principal=principal, driver_id=driver_id, data=data)
        out = DriverOut.model_validate(edited).model_dump(mode="json")
    emit(out, as_json, _driver_line(out))


def _set_active(kind: Kind, record_id: str, active: bool, reason: str, as_user: str | None) -> Any:
    data = _validated(StatusChangeIn, {"reason": reason})
    with cli_session(as_user) as (session, principal):
        if kind is Kind.vehicle:
            vehicle = fleet.set_active(
                session,
                principal=principal,
                model=Vehicle,
                record_id=record_id,
                active=active,
                data=data,
            )
            return VehicleOut.model_validate(vehicle).model_dump(mode="json")
        driver = fleet.set_active(
            session,
            principal=principal,
            model=Driver,
            record_id=record_id,
            active=active,
            data=data,
        )
        return DriverOut.model_validate(driver).model_dump(mode="json")


@app.command("deactivate")
def deactivate(
    kind: Kind,
    record_id: str,
    reason: str = REASON,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Take a vehicle or driver off the fast lane (forwarder: its own; border check: any)."""
    out = _set_active(kind, record_id, False, reason, as_user)
    emit(out, as_json, f"{kind.value} {record_id} deactivated")


@app.command("reactivate")
def reactivate(
    kind: Kind,
    record_id: str,
    reason: str = REASON,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Put it back on the fast lane (only the authority that took it off)."""
    out = _set_active(kind, record_id, True, reason, as_user)
    emit(out, as_json, f"{kind.value} {record_id} reactivated")


@app.command("history")
def history(
    kind: Kind,
    record_id: str,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Who changed what and why, newest first."""
    with cli_session(as_user) as (session, principal):
        if kind is Kind.vehicle:
            entries = fleet.history(
                session, principal=principal, model=Vehicle, record_id=record_id
            )
        else:
            entries = fleet.history(session, principal=principal, model=Driver, record_id=record_id)
    rows = [e.model_dump(mode="json") for e in entries]
    lines = [
        f"{r['at'][:19]} {r['who']} {r['action']} "
        + (r["reason"] or ", ".join(c["field"] for c in r["changes"]))
        for r in rows
    ]
    emit(rows, as_json, "\n".join(lines))
