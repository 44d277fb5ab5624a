"""`ftz hs-inspection …`: the one search, the workbench statistics, imports of the four sources
(CSV or JSON), batches (list, declare from a JSON file) and recording an inspection result."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail, read_model
from ftz.core.kit.errors import validation_error
from ftz.core.kit.pagination import PageParams
from ftz.domain.hs.nomenclature import HsCodeError
from ftz.practices.hs_inspection import assess, importer, repository, service
from ftz.practices.hs_inspection.common import require_inspector
from ftz.practices.hs_inspection.models import HsBatch
from ftz.practices.hs_inspection.schemas import (
    SOURCES,
    BatchIn,
    BatchOut,
    ImportOut,
    ResultIn,
)

app = typer.Typer(no_args_is_help=True, help="p06 一码通 HS-code inspection assistant")


@app.command("lookup")
def lookup(
    query: str,
    used_machinery: bool = typer.Option(False, "--used-machinery"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Risk elements, standards, cases and the assessment for an HS code or product text."""
    with cli_session(as_user) as (session, principal):
        require_inspector(principal)
        try:
            found = assess.lookup(session, query, used_machinery=used_machinery)
        except (HsCodeError, ValueError) as exc:
            raise validation_error("query", str(exc)) from exc
    a = found["assessment"]
    counts = " ".join(f"{s}={b['total']}" for s, b in found["elements"].items())
    rows = " ".join(r["row_id"] for r in a["fired"])
    emit(found, as_json, f"{found['code']} {a['risk_level']} → {a['action']} ({counts}) {rows}")


@app.command("dashboard")
def dashboard(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Batches, detection rate, hours saved and the seed's figures."""
    with cli_session(as_user) as (session, principal):
        data = service.dashboard(session, principal=principal)
    emit(data, as_json, json.dumps(data, ensure_ascii=False, indent=1, default=str))


@app.command("import")
def import_file(
    source: str = typer.Argument(..., help=", ".join(SOURCES)),
    file: Path = typer.Argument(..., help="CSV (header row) or JSON"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Import one source's records; the file is checked whole, known records are skipped."""
    if source not in SOURCES:
        fail(f"SOURCE must be one of {', '.join(SOURCES)}", 2)
    try:
        content = file.read_bytes()
    except OSError as exc:
        fail(f"{file}: {exc.strerror}", 2)
    with cli_session(as_user) as (session, principal):
        made = importer.import_records(session, principal=principal, source=source,
                                       filename=file.name, content=content)  # fmt: skip
        out = ImportOut.model_validate(made).model_dump(mode="json")
    emit(out, as_json, f"{source}: {out['inserted']} imported, {out['skipped']} skipped "
         f"(ledger #{out['ledger_index']})")  # fmt: skip


@app.command("batches")
def batches(
    status: str | None = typer.Option(None, help="pending or inspected"),
    q: str | None = typer.Option(None),
    page: int = typer.Option(1, min=1),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Batches, newest arrival first."""
    filters = [HsBatch.status == status] if status else []
    if q:
        filters.append(repository.batch_search(q))
    with cli_session(as_user) as (session, principal):
        found = repository.batch_page(session, principal, PageParams(page=page, size=50), *filters)
        rows = [BatchOut.model_validate(b).model_dump(mode="json") for b in found.items]
    text = "\n".join(f"{r['number']} {r['hs_code']} {r['product']} {r['status']}" for r in rows)
    emit({"items": rows, "total": found.total}, as_json, text)


@app.command("declare")
def declare(file: Path, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Declare a batch from a JSON file (the API's BatchIn), as the importer."""
    data = read_model(file, BatchIn)
    with cli_session(as_user) as (session, principal):
        made = service.declare(session, principal=principal, data=data)
        out = BatchOut.model_validate(made).model_dump(mode="json")
    emit(out, as_json, f"{out['number']} {out['hs_code']} {out['status']}")


@app.command("result")
def result(
    batch_id: str,
    file: Path,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Record an inspection result from a JSON file (the API's ResultIn)."""
    data = read_model(file, ResultIn)
    with cli_session(as_user) as (session, principal):
        made = service.record_result(session, principal=principal, batch_id=batch_id, data=data)
        out = BatchOut.model_validate(made).model_dump(mode="json")
    text = (f"{out['number']} {out['result']} (recommended {out['recommended_action']}, "
            f"{out['risk_level']}) ledger #{out['ledger_index']}")  # fmt: skip
    emit(out, as_json, text)
