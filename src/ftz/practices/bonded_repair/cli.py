"""`ftz bonded-repair …`: the dashboard, the checklist, batches and their verdicts, the
irreparable-rate check of any figures under either reading of "or"; the record commands
(admission, batches, review, waste) are in cli_records."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation

import typer
from pydantic import ValidationError

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.practices.bonded_repair import batches, cli_records, repository, service
from ftz.practices.bonded_repair.common import checklist, settings
from ftz.practices.bonded_repair.models import Batch
from ftz.practices.bonded_repair.schemas import BatchOut, OutcomeIn

app = typer.Typer(no_args_is_help=True, help="p03 保税维修环保监管 bonded repair supervision")


@app.command("dashboard")
def dashboard(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Admissions, batch verdicts and the waste ledger in tonnes."""
    with cli_session(as_user) as (session, principal):
        data = service.dashboard(session, principal=principal)
    emit(data, as_json, json.dumps(data, ensure_ascii=False, indent=1))


@app.command("checklist")
def show_checklist(as_json: bool = JSON_OPTION) -> None:
    """The measures' 27 items in four parts (item texts: demo)."""
    data = checklist()
    lines = [
        f"{i['no']:>2} [{s['id']}] {i['text_zh']}" for s in data["sections"] for i in s["items"]
    ]
    emit(data, as_json, "\n".join(lines))


@app.command("check")
def check(
    quantity: int = typer.Option(..., min=1),
    value: str = typer.Option(..., help="Batch value, CNY"),
    irreparable_qty: int = typer.Option(..., min=0),
    irreparable_value: str = typer.Option(..., help="Irreparable value, CNY"),
    reading: str | None = typer.Option(None, help="both (default setting) or either"),
    as_json: bool = JSON_OPTION,
) -> None:
    """The irreparable-rate verdict of a batch's figures, with the rows that fired."""
    if reading is not None and reading not in settings()["readings"]:
        fail(f"--reading must be one of {settings()['readings']}", 2)
    try:
        total, lost = Decimal(value), Decimal(irreparable_value)
    except InvalidOperation:
        fail("--value and --irreparable-value must be amounts in CNY", 2)
    if total <= 0 or irreparable_qty > quantity or lost > total or lost < 0:
        fail("irreparable figures must lie between 0 and the batch's quantity and value", 2)
    found = batches.judge(quantity, total, irreparable_qty, lost, reading)
    rows = ", ".join(r["row_id"] for r in found["fired"])
    emit(found, as_json, f"{found['verdict']} (reading {found['reading']}: quantity "
         f"{found['qty_pct']} %, value {found['value_pct']} %) {rows}")  # fmt: skip


@app.command("batches")
def list_batches(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Batches, newest first, with verdict and reading."""
    with cli_session(as_user) as (session, principal):
        rows = [BatchOut.model_validate(b).model_dump(mode="json")
                for b in repository.listing(session, principal, Batch)]  # fmt: skip
    lines = [f"{r['number']} {r['status']:<8} {r['verdict']:<9} {r['reading']} {r['id']}"
             for r in rows]  # fmt: skip
    emit({"items": rows}, as_json, "\n".join(lines))


@app.command("outcome")
def outcome(
    batch_id: str,
    repaired: int = typer.Option(..., min=0),
    irreparable: int = typer.Option(..., min=0),
    irreparable_value: str = typer.Option(...),
    final: bool = typer.Option(False, "--final"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Report a batch's running outcome (as the enterprise); --final closes it."""
    try:
        data = OutcomeIn(repaired_qty=repaired, irreparable_qty=irreparable,
                         irreparable_value_cny=Decimal(irreparable_value), final=final)  # fmt: skip
    except (ValidationError, InvalidOperation) as exc:
        fail(f"invalid outcome: {str(exc).splitlines()[0]}", 2)
    with cli_session(as_user) as (session, principal):
        batch = batches.report_outcome(session, principal=principal, batch_id=batch_id, data=data)
        out = BatchOut.model_validate(batch).model_dump(mode="json")
    emit(out, as_json, f"{out['number']} {out['status']} {out['verdict']} ({out['reading']})")


for _name, _command in cli_records.COMMANDS.items():
    app.command(_name)(_command)
