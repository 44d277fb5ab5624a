"""`ftz border-fast-lane …`: lane statistics, transactions, a device's post, declarations and
the officer's resolution from the command line; `fleet …` (cli_fleet) for vehicles and drivers."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import typer
from pydantic import BaseModel, ValidationError

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail, read_model
from ftz.core.kit.pagination import PageParams
from ftz.practices.border_fast_lane import cli_fleet, lane, registration, repository
from ftz.practices.border_fast_lane.schemas import (
    DeclarationIn,
    DeclarationOut,
    LaneReadIn,
    ResolveIn,
    TransactionOut,
)

Model = TypeVar("Model", bound=BaseModel)

app = typer.Typer(
    no_args_is_help=True, help="p21 边境口岸车辆边检快捷通关 border vehicle fast lane"
)
app.add_typer(cli_fleet.app, name="fleet")


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        fail(f"--day {value!r} is not a date (YYYY-MM-DD)", 2)


@app.command("stats")
def stats(
    day: str | None = typer.Option(None, help="YYYY-MM-DD; default: the latest lane day"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Vehicles, manual checks and seconds per vehicle of one lane day."""
    with cli_session(as_user) as (session, principal):
        data = lane.statistics(session, principal=principal, day=_day(day))
    emit(
        data,
        as_json,
        f"{data['day']}: {data['vehicles']} vehicles, {data['manual_checks']} manual checks "
        f"({data['open']} open), {data['seconds_per_vehicle']} s per vehicle "
        f"(baseline {data['baseline_seconds']} s, faster by {data['faster_by']})",
    )


@app.command("transactions")
def transactions(
    status: str | None = None,
    lane_no: int | None = typer.Option(None, "--lane"),
    page: int = 1,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Lane transactions, newest first (`--status manual_check`: the open exceptions)."""
    with cli_session(as_user) as (session, principal):
        found = repository.transactions(
            session, principal, PageParams(page=page, size=50), lane=lane_no, status=status
        )
        rows = [TransactionOut.model_validate(t).model_dump(mode="json") for t in found.items]
    lines = [
        f"{r['started_at'][:19]} L{r['lane']} {r['plate_read']} {r['status']:<12} "
        f"{','.join(r['flags']) or '-'} {r['id']}"
        for r in rows
    ]
    emit({"items": rows, "total": found.total}, as_json, "\n".join(lines))


def _emit_tx(tx: Any, as_json: bool) -> None:
    out = TransactionOut.model_validate(tx).model_dump(mode="json")
    emit(out, as_json, f"{out['id']} {out['status']} {','.join(out['flags']) or '-'}")


@app.command("post")
def post(
    read_file: Path = typer.Argument(..., exists=True, dir_okay=False),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Post a lane read (the API's LaneReadIn JSON) as a lane device."""
    data = read_model(read_file, LaneReadIn)
    with cli_session(as_user) as (session, principal):
        tx = lane.record_transaction(session, principal=principal, data=data)
        _emit_tx(tx, as_json)


@app.command("resolve")
def resolve(
    tx_id: str,
    decision: str = typer.Option(..., help="release or refuse"),
    note: str = typer.Option(..., help="What the officer checked"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Release or refuse a vehicle held for a manual check."""
    try:
        data = ResolveIn.model_validate({"decision": decision, "note": note})
    except ValidationError as exc:
        fail(f"{exc.errors()[0]['loc'][0]}: {exc.errors()[0]['msg']}", 2)
    with cli_session(as_user) as (session, principal):
        _emit_tx(lane.resolve(session, principal=principal, tx_id=tx_id, data=data), as_json)


@app.command("declare")
def declare(
    declaration_file: Path = typer.Argument(..., exists=True, dir_okay=False),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """File a declaration (the API's DeclarationIn JSON) as a forwarder."""
    data = read_model(declaration_file, DeclarationIn)
    with cli_session(as_user) as (session, principal):
        made = registration.file_declaration(session, principal=principal, data=data)
        out = DeclarationOut.model_validate(made).model_dump(mode="json")
    forwarded = "forwarded to the border check" if out["border_record_id"] else "not forwarded"
    emit(out, as_json, f"{out['number']} {forwarded}")
