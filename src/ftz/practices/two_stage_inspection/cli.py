"""`ftz two-stage-inspection …`: the dashboard, pilot applications (list, show, apply from a JSON
file, assess, revoke), control instructions (list, show, issue from a JSON file, the external
check by flags, the destination check and the full port inspection)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from pydantic import BaseModel, ValidationError

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail, read_model
from ftz.core.kit.pagination import PageParams
from ftz.practices.two_stage_inspection import instructions, repository, service
from ftz.practices.two_stage_inspection.endpoints import instruction_filters, pilot_filters
from ftz.practices.two_stage_inspection.schemas import (
    AssessmentIn,
    CheckOut,
    ExternalCheckIn,
    InstructionIn,
    InstructionOut,
    PilotIn,
    PilotOut,
    ResultIn,
    ViolationIn,
)

app = typer.Typer(
    no_args_is_help=True,
    help="p20 长三角一体化布控查验协同 two-stage inspection in the Yangtze delta",
)


def _model(model: type[BaseModel], **values: Any) -> Any:
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        fail(f"--{'.'.join(str(p) for p in first['loc']).replace('_', '-')}: {first['msg']}", 2)


def _pilot_line(out: dict[str, Any]) -> str:
    rows = " ".join(r["row_id"] for r in out["fired"] + out["revocation_fired"])
    return f"{out['number']} {out['status']} {rows}".strip()


def _instruction_line(out: dict[str, Any]) -> str:
    return f"{out['number']} {out['mode']} {out['status']} {out['goods_name']}"


def _check_line(out: dict[str, Any], status: str) -> str:
    rows = " ".join(str(r["row_id"]) for r in out["fired"])
    return f"{out['kind']} {'passed' if out['passed'] else 'not passed'} → {status} {rows}".strip()


@app.command("dashboard")
def dashboard(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Pilots and instructions by status, days saved per batch, value covered, seed figures."""
    with cli_session(as_user) as (session, principal):
        data = service.dashboard(session, principal=principal)
    emit(data, as_json, json.dumps(data, ensure_ascii=False, indent=1, default=str))


@app.command("pilots")
def pilots(
    status: str | None = typer.Option(None),
    q: str | None = typer.Option(None, help="Number, enterprise, goods or HS code"),
    page: int = typer.Option(1, min=1),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Pilot applications, newest first."""
    with cli_session(as_user) as (session, principal):
        found = repository.pilot_page(session, principal, PageParams(page=page, size=50),
                                      *pilot_filters(status, q))  # fmt: skip
        rows = [PilotOut.model_validate(p).model_dump(mode="json") for p in found.items]
    emit({"items": rows, "total": found.total}, as_json, "\n".join(_pilot_line(r) for r in rows))


@app.command("show-pilot")
def show_pilot(
    pilot_id: str, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """One application with its goods and the rows of its assessment."""
    with cli_session(as_user) as (session, principal):
        out = PilotOut.model_validate(repository.get_pilot(session, principal, pilot_id))
    data = out.model_dump(mode="json")
    emit(data, as_json, _pilot_line(data))


@app.command("apply")
def apply(file: Path, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Apply for the pilot from a JSON file (the API's PilotIn), as the enterprise."""
    data = read_model(file, PilotIn)
    with cli_session(as_user) as (session, principal):
        made = service.apply(session, principal=principal, data=data)
        out = PilotOut.model_validate(made).model_dump(mode="json")
    emit(out, as_json, _pilot_line(out))


@app.command("assess")
def assess(
    pilot_id: str,
    credit_level: str = typer.Option(..., help="advanced_certified, general_credit, dishonest"),
    recommended: bool = typer.Option(True, "--recommended/--not-recommended"),
    supply_chain: str = typer.Option("traceable", help="traceable or incomplete"),
    seizures: int = typer.Option(0, help="Seizures in inspections of the last three years"),
    note: str = typer.Option(""),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Customs' risk assessment: admitted or refused, with the rows that fired."""
    data = _model(AssessmentIn, credit_level=credit_level, local_recommended=recommended,
                  supply_chain=supply_chain, seizures_3y=seizures, note=note)  # fmt: skip
    with cli_session(as_user) as (session, principal):
        made = service.assess(session, principal=principal, pilot_id=pilot_id, data=data)
        out = PilotOut.model_validate(made).model_dump(mode="json")
    emit(out, as_json, _pilot_line(out))


@app.command("revoke")
def revoke(
    pilot_id: str,
    violation: str = typer.Option(..., help="smuggling, false_declaration, unfiled_goods, …"),
    note: str = typer.Option(..., help="What was found"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Revoke an admitted pilot for a violation (no new application for one year)."""
    data = _model(ViolationIn, violation=violation, note=note)
    with cli_session(as_user) as (session, principal):
        made = service.revoke(session, principal=principal, pilot_id=pilot_id, data=data)
        out = PilotOut.model_validate(made).model_dump(mode="json")
    emit(out, as_json, f"{_pilot_line(out)} until {out['blocked_until']}")


@app.command("instructions")
def list_instructions(
    status: str | None = typer.Option(None),
    q: str | None = typer.Option(None, help="Number, entry, goods, HS code or enterprise"),
    page: int = typer.Option(1, min=1),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Control instructions, newest first."""
    with cli_session(as_user) as (session, principal):
        found = repository.instruction_page(session, principal, PageParams(page=page, size=50),
                                            *instruction_filters(status, q))  # fmt: skip
        rows = [InstructionOut.model_validate(i).model_dump(mode="json") for i in found.items]
    emit({"items": rows, "total": found.total}, as_json,
         "\n".join(_instruction_line(r) for r in rows))  # fmt: skip


@app.command("issue")
def issue(file: Path, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Issue a control instruction from a JSON file (the API's InstructionIn), as port customs."""
    data = read_model(file, InstructionIn)
    with cli_session(as_user) as (session, principal):
        made = instructions.issue(session, principal=principal, data=data)
        out = InstructionOut.model_validate(made).model_dump(mode="json")
    emit(out, as_json, _instruction_line(out))


def _status(session: Any, principal: Any, instruction_id: str) -> str:
    return repository.get_instruction(session, principal, instruction_id).status


@app.command("external-check")
def external_check(
    instruction_id: str,
    labels_differ: bool = typer.Option(False, "--labels-differ"),
    name_differs: bool = typer.Option(False, "--name-differs"),
    spec_differs: bool = typer.Option(False, "--spec-differs"),
    quantity_differs: bool = typer.Option(False, "--quantity-differs"),
    packing_damaged: bool = typer.Option(False, "--packing-damaged"),
    note: str = typer.Option(""),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The port's external check: routed to the destination unless an anomaly is flagged."""
    data = ExternalCheckIn(labels_ok=not labels_differ, name_ok=not name_differs,
                           spec_ok=not spec_differs, quantity_ok=not quantity_differs,
                           packing_intact=not packing_damaged, note=note)  # fmt: skip
    with cli_session(as_user) as (session, principal):
        made = instructions.external_check(session, principal=principal,
                                           instruction_id=instruction_id, data=data)  # fmt: skip
        out = CheckOut.model_validate(made).model_dump(mode="json")
        status = _status(session, principal, instruction_id)
    emit({**out, "status": status}, as_json, _check_line(out, status))


def _result(step: Any, instruction_id: str, conform: bool, note: str, as_user: str | None,
            as_json: bool) -> None:  # fmt: skip
    data = ResultIn(conform=conform, note=note)
    with cli_session(as_user) as (session, principal):
        made = step(session, principal=principal, instruction_id=instruction_id, data=data)
        out = CheckOut.model_validate(made).model_dump(mode="json")
        status = _status(session, principal, instruction_id)
    emit({**out, "status": status}, as_json, _check_line(out, status))


@app.command("destination-check")
def destination_check(
    instruction_id: str,
    conform: bool = typer.Option(True, "--conform/--discrepancy"),
    note: str = typer.Option(""),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The destination customs' check of a routed instruction."""
    _result(instructions.destination_check, instruction_id, conform, note, as_user, as_json)


@app.command("port-inspection")
def port_inspection(
    instruction_id: str,
    conform: bool = typer.Option(True, "--conform/--discrepancy"),
    note: str = typer.Option(""),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The full port inspection of an escalated (or non-pilot) instruction."""
    _result(instructions.port_inspection, instruction_id, conform, note, as_user, as_json)
