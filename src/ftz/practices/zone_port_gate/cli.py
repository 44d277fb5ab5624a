"""`ftz zone-port-gate …`: declare, instruct, register manifests, post a vehicle at the gate,
resolve holds, list, statistics and CSV export. Bodies are the API's JSON."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import typer
from pydantic import ValidationError

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail, read_model
from ftz.core.kit.errors import FtzError
from ftz.practices.zone_port_gate import exports, repository, service
from ftz.practices.zone_port_gate.schemas import (
    DeclarationIn,
    DeclarationOut,
    GateIn,
    GateOut,
    InstructionIn,
    ManifestIn,
    ManifestOut,
    ResolveIn,
    VolumeIn,
    VolumeOut,
)

app = typer.Typer(no_args_is_help=True, help="p11 区港直达直装 zone–port direct gate")
FILE = typer.Argument(..., exists=True, dir_okay=False)


def _first(exc: ValidationError) -> str:
    first = exc.errors()[0]
    return f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"


def _run(as_user: str | None, action: Any) -> Any:
    try:
        with cli_session(as_user) as (session, principal):
            return action(session, principal)
    except FtzError as exc:
        fail(exc.detail, 2 if exc.status in (400, 409, 422) else 1)


def _gate_line(tx: GateOut) -> str:
    reasons = "; ".join(f"{m['row_id']} ({m['source']})" for m in tx.mismatches)
    return f"{tx.verdict} → {tx.route}" + (f": {reasons}" if reasons else "")


@app.command("declare")
def declare(
    body: Path = FILE, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """Declare a shipment (enterprise) from BODY.json."""
    data = read_model(body, DeclarationIn)
    out = _run(
        as_user,
        lambda s, p: DeclarationOut.model_validate(service.declare(s, principal=p, data=data)),
    )
    emit(out.model_dump(mode="json"), as_json, f"{out.number} {out.status} ({out.id})")


@app.command("instruct")
def instruct(
    declaration_id: str,
    action: str = typer.Option(..., help="release | select"),
    site: str | None = typer.Option(None, help="inspection site: airport | zone"),
    note: str = typer.Option(""),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Customs: release DECLARATION_ID or select it for inspection."""
    try:
        data = InstructionIn(action=action, site=site, note=note)
    except ValidationError as exc:
        fail(str(exc.errors()[0]["msg"]), 2)
    out = _run(as_user, lambda s, p: DeclarationOut.model_validate(
        service.instruct(s, principal=p, declaration_id=declaration_id, data=data)))  # fmt: skip
    emit(out.model_dump(mode="json"), as_json, f"{out.number} {out.status}")


@app.command("manifest")
def manifest(
    body: Path = FILE, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """Register a manifest (airport) from BODY.json."""
    data = read_model(body, ManifestIn)
    out = _run(as_user, lambda s, p: service.register_manifest(s, principal=p, data=data).number)
    emit({"number": out}, as_json, out)


@app.command("manifests")
def manifests(
    q: str | None = typer.Option(None, help="Manifest, declaration or flight number"),
    csv: bool = typer.Option(False, "--csv", help="Print CSV"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """List manifests (newest first), or print them as CSV."""

    def listing(session: Any, principal: Any) -> Any:
        query = repository.manifests_query(principal, text=q)
        if csv:
            return "".join(exports.manifest_rows(session, query))
        return [ManifestOut.model_validate(m).model_dump(mode="json")
                for m in session.scalars(query.limit(200))]  # fmt: skip

    out = _run(as_user, listing)
    if csv:
        typer.echo(out, nl=False)
        return
    emit(out, as_json, "\n".join(
        f"{m['number']} {m['declaration_number']} {m['flight'] or '-'} "
        f"{len(m['units'])} units {m['weight_kg']} kg" for m in out))  # fmt: skip


@app.command("volume")
def volume(
    day: str = typer.Argument(..., help="YYYY-MM-DD (local day)"),
    export_kg: int = typer.Option(..., "--export-kg", help="The airport's export tonnage (kg)"),
    import_kg: int = typer.Option(..., "--import-kg", help="The airport's import tonnage (kg)"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The airport: record a day's whole export and import tonnage (replaces an earlier report)."""
    try:
        on = date.fromisoformat(day)
    except ValueError:
        fail(f"day: not a date: {day}", 2)
    try:
        data = VolumeIn(airport_export_kg=export_kg, airport_import_kg=import_kg)
    except ValidationError as exc:
        fail(_first(exc), 2)

    def record(session: Any, principal: Any) -> dict[str, Any]:
        saved = service.record_volume(session, principal=principal, day=on, data=data)
        return VolumeOut.model_validate(saved).model_dump(mode="json")

    out = _run(as_user, record)
    emit(out, as_json, f"{out['day']} export {out['airport_export_kg']} kg, "
         f"import {out['airport_import_kg']} kg")  # fmt: skip


@app.command("volumes")
def volumes(
    csv: bool = typer.Option(False, "--csv", help="Print CSV"),
    as_user: str | None = AS_USER_OPTION,
) -> None:
    """The airport's reported daily volumes, latest day first (or as CSV)."""

    def listing(session: Any, principal: Any) -> str:
        query = repository.volumes_query()
        if csv:
            return "".join(exports.volume_rows(session, query))
        return "\n".join(
            f"{v.day} export {v.airport_export_kg} kg import {v.airport_import_kg} kg"
            for v in session.scalars(query.limit(366))
        )

    typer.echo(_run(as_user, listing))


@app.command("gate")
def gate(
    body: Path = FILE, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """Post one vehicle's gate reading from BODY.json; prints the verdict and every mismatch."""
    data = read_model(body, GateIn)
    out = _run(
        as_user, lambda s, p: GateOut.model_validate(service.pass_gate(s, principal=p, data=data))
    )
    emit(out.model_dump(mode="json"), as_json, _gate_line(out))


@app.command("resolve")
def resolve(
    transaction_id: str,
    action: str = typer.Option(..., help="clear | turn_back"),
    note: str = typer.Option(..., help="what the check found"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Customs: resolve a held vehicle after a check."""
    try:
        data = ResolveIn(action=action, note=note)
    except ValidationError as exc:
        fail(str(exc.errors()[0]["msg"]), 2)
    out = _run(as_user, lambda s, p: GateOut.model_validate(
        service.resolve(s, principal=p, transaction_id=transaction_id, data=data)))  # fmt: skip
    emit(out.model_dump(mode="json"), as_json, f"{out.status} → {out.route}")


@app.command("transactions")
def transactions(
    status: str | None = typer.Option(None),
    day: str | None = typer.Option(None, help="YYYY-MM-DD"),
    csv: bool = typer.Option(False, "--csv", help="Print CSV"),
    as_user: str | None = AS_USER_OPTION,
) -> None:
    """List gate transactions (newest first), or print them as CSV."""
    try:
        on = date.fromisoformat(day) if day else None
    except ValueError:
        fail(f"day: not a date: {day}", 2)

    def listing(session: Any, principal: Any) -> str:
        query = repository.transactions_query(principal, status=status, day=on)
        if csv:
            return "".join(exports.csv_rows(session, query))
        rows = [GateOut.model_validate(t) for t in session.scalars(query.limit(200))]
        return "\n".join(
            f"{t.passed_at:%Y-%m-%d %H:%M} {t.plate} {t.declaration_number} {_gate_line(t)}"
            for t in rows
        )

    typer.echo(_run(as_user, listing))


@app.command("stats")
def stats(
    days: int = typer.Option(30, min=1, max=366),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Daily vehicles, holds, tonnage and the share of the airport's export tonnage."""
    out = _run(as_user, lambda s, p: service.statistics(s, principal=p, days=days))
    share = out["export_share"]
    text = (
        f"vehicles {out['vehicles']}, holds {out['holds']}, export {out['export_kg'] / 1000:.1f} t"
    )
    emit(out, as_json, text + (f", share {share:.2%}" if share is not None else ""))
