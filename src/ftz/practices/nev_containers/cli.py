"""`ftz nev-containers …`: the dashboard, the UN number of a power source on a date, the ISO 6346
check of a container number, declarations (list, show, declare from a JSON file) and the two
inspections (packing site from a JSON file, arrival by flags)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer
from pydantic import ValidationError
from stdnum import iso6346
from stdnum.exceptions import ValidationError as StdnumError

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail, read_model
from ftz.core.kit.pagination import PageParams
from ftz.practices.nev_containers import classify as dg
from ftz.practices.nev_containers import inspections, repository, service
from ftz.practices.nev_containers.common import rules
from ftz.practices.nev_containers.models import Declaration
from ftz.practices.nev_containers.schemas import (
    POWER_SOURCES,
    ArrivalIn,
    DeclarationIn,
    DeclarationOut,
    InspectionIn,
    InspectionOut,
)

app = typer.Typer(no_args_is_help=True, help="p13 船载新能源汽车集装箱 NEV containers by rail–sea")


def _summary(out: dict[str, object]) -> str:
    return f"{out['number']} {out['container_no']} {out['status']} {' '.join(out['un_numbers'])}"  # type: ignore[arg-type]


@app.command("dashboard")
def dashboard(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Containers by status, vehicles by UN number, savings, and the seed's figures."""
    with cli_session(as_user) as (session, principal):
        data = service.dashboard(session, principal=principal)
    emit(data, as_json, json.dumps(data, ensure_ascii=False, indent=1, default=str))


@app.command("classify")
def classify(
    power_source: str = typer.Option(..., help=", ".join(POWER_SOURCES)),
    sea_date: str = typer.Option(..., help="Loading date at the transit port, YYYY-MM-DD"),
    opt_in: bool = typer.Option(False, "--opt-in-42-24", help="2025 only: apply 42-24 early"),
    as_json: bool = JSON_OPTION,
) -> None:
    """UN number, proper shipping name and class of a vehicle, with the rows that fired."""
    if power_source not in POWER_SOURCES:
        fail(f"--power-source must be one of {', '.join(POWER_SOURCES)}", 2)
    try:
        when = date.fromisoformat(sea_date)
    except ValueError:
        fail("--sea-date must be a date, YYYY-MM-DD", 2)
    code_edition, fired = dg.edition(when, opt_in)
    found = rules().evaluate("un_number.json", {"power_source": power_source,
                                                  "edition": code_edition})  # fmt: skip
    out = {"edition": code_edition, **found.result,
           "fired": fired + found.explanation()}  # fmt: skip
    rows = " ".join(r["row_id"] for r in out["fired"])
    emit(out, as_json, f"{out['un_number']} {out['proper_shipping_name']} class "
         f"{out['dg_class']} (IMDG {code_edition}) {rows}")  # fmt: skip


@app.command("check-container")
def check_container(number: str, as_json: bool = JSON_OPTION) -> None:
    """Validate an ISO 6346 container number (owner code, category, serial, check digit)."""
    try:
        valid = iso6346.validate(number)
    except StdnumError as exc:
        fail(f"{number}: not a valid ISO 6346 container number ({exc})", 2)
    emit({"container_no": valid, "valid": True}, as_json, f"{valid} valid")


@app.command("list")
def list_declarations(
    status: str | None = typer.Option(None),
    q: str | None = typer.Option(None, help="Number, batch, container, VIN or shipper"),
    page: int = typer.Option(1, min=1),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Declarations, newest first."""
    filters = [Declaration.status == status] if status else []
    if q:
        filters.append(repository.search(q))
    with cli_session(as_user) as (session, principal):
        found = repository.page(session, principal, PageParams(page=page, size=50), *filters)
        rows = [DeclarationOut.model_validate(d).model_dump(mode="json") for d in found.items]
    emit({"items": rows, "total": found.total}, as_json, "\n".join(_summary(r) for r in rows))


@app.command("show")
def show(
    declaration_id: str, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """One declaration with its vehicles and UN numbers."""
    with cli_session(as_user) as (session, principal):
        found = repository.get_declaration(session, principal, declaration_id)
        out = DeclarationOut.model_validate(found).model_dump(mode="json")
    emit(out, as_json, _summary(out))


@app.command("declare")
def declare(file: Path, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Declare a container from a JSON file (the API's DeclarationIn), as the shipper."""
    data = read_model(file, DeclarationIn)
    with cli_session(as_user) as (session, principal):
        made = service.declare(session, principal=principal, data=data)
        out = DeclarationOut.model_validate(made).model_dump(mode="json")
    emit(out, as_json, _summary(out))


def _inspection_line(out: dict[str, object], status: str) -> str:
    rows = " ".join(str(r["row_id"]) for r in out["fired"])  # type: ignore[attr-defined]
    return f"{out['kind']} {'passed' if out['passed'] else 'not passed'} → {status} {rows}".strip()


@app.command("inspect")
def inspect(
    declaration_id: str,
    file: Path,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Record the packing-site inspection from a JSON file (the API's InspectionIn)."""
    data = read_model(file, InspectionIn)
    with cli_session(as_user) as (session, principal):
        made = inspections.inspect(session, principal=principal, declaration_id=declaration_id,
                                   data=data)  # fmt: skip
        out = InspectionOut.model_validate(made).model_dump(mode="json")
        status = repository.get_declaration(session, principal, declaration_id).status
    emit({**out, "status": status}, as_json, _inspection_line(out, status))


@app.command("arrival")
def arrival(
    declaration_id: str,
    seal: str = typer.Option(..., help="Seal number read on arrival"),
    seal_broken: bool = typer.Option(False, "--seal-broken"),
    damaged: bool = typer.Option(False, "--damaged"),
    leak: bool = typer.Option(False, "--leak"),
    placards_lost: bool = typer.Option(False, "--placards-lost"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Record the arrival check at the transit port: loaded unopened unless a rule fires."""
    try:
        data = ArrivalIn(seal_no=seal.upper(), seal_intact=not seal_broken,
                         container_damaged=damaged, leak_seen=leak,
                         placards_intact=not placards_lost)  # fmt: skip
    except ValidationError as exc:
        fail(f"--seal: {exc.errors()[0]['msg']}", 2)
    with cli_session(as_user) as (session, principal):
        made = inspections.arrival(session, principal=principal, declaration_id=declaration_id,
                                   data=data)  # fmt: skip
        out = InspectionOut.model_validate(made).model_dump(mode="json")
        status = repository.get_declaration(session, principal, declaration_id).status
    emit({**out, "status": status}, as_json, _inspection_line(out, status))
