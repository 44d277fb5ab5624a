"""`ftz bonded-repair` commands for the records: admission (apply, decide), batches (open,
officer review) and the waste ledger. Inputs are JSON files in the API's shapes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import typer
from pydantic import BaseModel, ValidationError

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail, read_model
from ftz.practices.bonded_repair import batches, repository, service
from ftz.practices.bonded_repair.models import Admission, Waste
from ftz.practices.bonded_repair.schemas import (
    AdmissionIn,
    AdmissionOut,
    BatchIn,
    BatchOut,
    DecisionIn,
    ReviewIn,
    WasteIn,
    WasteOut,
)

Model = TypeVar("Model", bound=BaseModel)
FILE = typer.Argument(..., dir_okay=False, help="JSON body, as the API takes it")


def _options(model: type[Model], values: dict[str, Any]) -> Model:
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        fail(f"--{'.'.join(str(p) for p in first['loc'])}: {first['msg']}", 2)


def _admission_line(out: dict[str, Any]) -> str:
    failures = ", ".join(out["failures"]) or "all criteria met"
    return f"{out['id']} {out['status']} ({failures})"


def apply(
    path: Path = FILE, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """Apply for admission (as the enterprise); the verdict lists every criterion that failed."""
    data = read_model(path, AdmissionIn)
    with cli_session(as_user) as (session, principal):
        made = service.apply(session, principal=principal, data=data)
        out = AdmissionOut.model_validate(made).model_dump(mode="json")
    emit(out, as_json, _admission_line(out))


def admissions(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Admissions, newest first (officers: all; an enterprise: its own)."""
    with cli_session(as_user) as (session, principal):
        rows = [AdmissionOut.model_validate(a).model_dump(mode="json")
                for a in repository.listing(session, principal, Admission)]  # fmt: skip
    emit({"items": rows}, as_json, "\n".join(_admission_line(r) for r in rows))


def decide(
    admission_id: str,
    event: str = typer.Argument(..., help="admit, reject, request_exit or complete_exit"),
    note: str = typer.Option("", help="Required to reject"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Move an admission: officers admit, reject or complete the exit; the enterprise requests
    the exit. Refused with the reason when criteria fail or batches are still open."""
    data = _options(DecisionIn, {"event": event, "note": note})
    with cli_session(as_user) as (session, principal):
        moved = service.decide(session, principal=principal, admission_id=admission_id, data=data)
        out = AdmissionOut.model_validate(moved).model_dump(mode="json")
    emit(out, as_json, _admission_line(out))


def open_batch(
    path: Path = FILE, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """Enter a batch for repair with its overseas pre-inspection fingerprint."""
    data = read_model(path, BatchIn)
    with cli_session(as_user) as (session, principal):
        made = batches.open_batch(session, principal=principal, data=data)
        out = BatchOut.model_validate(made).model_dump(mode="json")
    emit(out, as_json, f"{out['number']} {out['status']} {out['id']}")


def review(
    batch_id: str,
    decision: str = typer.Option("accept", help="accept or order_correction"),
    note: str = typer.Option(..., help="The officer's note (required)"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Review a flagged batch (officers): accept it or order a correction."""
    data = _options(ReviewIn, {"decision": decision, "note": note})
    with cli_session(as_user) as (session, principal):
        done = batches.review(session, principal=principal, batch_id=batch_id, data=data)
        out = BatchOut.model_validate(done).model_dump(mode="json")
    emit(out, as_json, f"{out['number']} {out['status']} {out['verdict']}")


def record_waste(
    path: Path = FILE, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """Record solid or hazardous waste with its disposal certificate's fingerprint."""
    data = read_model(path, WasteIn)
    with cli_session(as_user) as (session, principal):
        made = service.record_waste(session, principal=principal, data=data)
        out = WasteOut.model_validate(made).model_dump(mode="json")
    emit(out, as_json, f"{out['year']} {out['category']} {out['tonnes']} t {out['id']}")


def waste(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """The waste ledger, newest first."""
    with cli_session(as_user) as (session, principal):
        rows = [WasteOut.model_validate(w).model_dump(mode="json")
                for w in repository.listing(session, principal, Waste)]  # fmt: skip
    lines = [f"{r['year']} {r['category']:<9} {r['tonnes']:>9} t {r['method']:<8} {r['receiver']}"
             for r in rows]  # fmt: skip
    emit({"items": rows}, as_json, "\n".join(lines))


COMMANDS: dict[str, Callable[..., None]] = {
    "apply": apply,
    "admissions": admissions,
    "decide": decide,
    "open-batch": open_batch,
    "review": review,
    "record-waste": record_waste,
    "waste": waste,
}
