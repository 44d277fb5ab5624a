"""`ftz data-export …`: scan tables, assess a scenario, record export batches (hashed locally),
list filings, run an audit and a pre-assessment from the command line."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import typer
from pydantic import ValidationError

from ftz.config import get_settings
from ftz.core.auth import service as accounts
from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams
from ftz.practices.data_export import evidence, forms, preassessment, service
from ftz.practices.data_export.decision import assess
from ftz.practices.data_export.scanner.cli import scan as scan_command
from ftz.practices.data_export.schemas import (
    BatchIn,
    BatchOut,
    FilingIn,
    FilingOut,
    PreAssessmentIn,
)

app = typer.Typer(no_args_is_help=True, help="p01 数据跨境流动 cross-border data compliance")
app.command("scan")(scan_command)
CHUNK = 4 * 1024 * 1024


def _json_file(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        fail(f"{path}: not JSON ({exc})", 2)


@app.command("assess")
def assess_command(
    scenario_file: Path = typer.Argument(..., exists=True, dir_okay=False),
    as_json: bool = JSON_OPTION,
) -> None:
    """The export path of SCENARIO.json: exempt, standard contract/certification, or security
    assessment, with the articles and the rule rows that decided."""
    try:
        result = assess(_json_file(scenario_file)).to_dict()
    except (ValidationError, FtzError) as exc:
        fail(f"{scenario_file}: {str(exc).splitlines()[0]}", 2)
    emit(result, as_json, f"{result['mechanism']} ({', '.join(result['articles'])})")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@app.command("file")
def file_flow(
    filing_file: Path = typer.Argument(..., exists=True, dir_okay=False),
    scan: Path | None = typer.Option(
        None, "--scan", exists=True, dir_okay=False, help="Fill the inventory from a scan's JSON"
    ),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """File a data flow (a draft) from FILING.json, the API's filing body."""
    raw = _json_file(filing_file)
    if not isinstance(raw, dict):
        fail(f"{filing_file}: a filing is a JSON object", 2)
    try:
        if scan is not None:
            raw["inventory"] = forms.inventory_from_scan(_json_file(scan))
        data = FilingIn.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        fail(f"{filing_file}: {'.'.join(str(p) for p in first['loc'])}: {first['msg']}", 2)
    except FtzError as exc:
        fail(f"{scan}: {exc.detail}", 2)
    with cli_session(as_user) as (session, principal):
        filing = FilingOut.model_validate(
            service.create_filing(session, principal=principal, data=data)
        )
    emit(filing.model_dump(mode="json"), as_json, f"{filing.number} {filing.mechanism}")


@app.command("record-batch")
def record_batch(
    manifest: Path = typer.Argument(..., exists=True, dir_okay=False),
    data_file: Path | None = typer.Option(
        None, "--data", exists=True, dir_okay=False, help="Hash this file locally for sha256"
    ),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Record one export batch from MANIFEST.json (filing_id, exported_at, columns, row_count,
    individuals, sensitive_individuals, sha256); the data itself never reaches the platform."""
    raw = _json_file(manifest)
    if not isinstance(raw, dict):
        fail(f"{manifest}: a manifest is a JSON object", 2)
    if data_file is not None:
        raw["sha256"] = _sha256(data_file)
    try:
        data = BatchIn.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        fail(f"{manifest}: {'.'.join(str(p) for p in first['loc'])}: {first['msg']}", 2)
    with cli_session(as_user) as (session, principal):
        batch = BatchOut.model_validate(
            evidence.record_batch(session, principal=principal, data=data)
        )
    emit(
        batch.model_dump(mode="json"),
        as_json,
        f"batch {batch.id} at ledger index {batch.ledger_index}",
    )


@app.command("filings")
def list_filings(
    status: str | None = None,
    page: int = 1,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Filings (current versions), newest first."""
    with cli_session(as_user) as (session, principal):
        result = service.list_filings(
            session, principal=principal, params=PageParams(page=page, size=50), status=status
        )
        rows = [FilingOut.model_validate(f).model_dump(mode="json") for f in result.items]
    emit(
        {"items": rows, "total": result.total},
        as_json,
        "\n".join(f"{r['number']} v{r['version']} {r['status']} {r['mechanism']}" for r in rows),
    )


@app.command("audit")
def audit(
    org: str = typer.Argument(..., help="Organization code, e.g. ENT-A"),
    year: int = typer.Option(..., min=2022, max=2100),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Compare an organization's export batches of YEAR with its filings and the law."""
    with cli_session(as_user) as (session, principal):
        found = accounts.get_org_by_code(session, org)
        if found is None:
            fail(f"no organization {org!r}", 2)
        run, findings, receipts = evidence.run_audit(
            session, principal=principal, org_id=found.id, year=year, settings=get_settings()
        )
        data = {
            "run_id": run.id,
            "batches": run.batches,
            "findings": [{"kind": f.kind, "severity": f.severity, **f.detail} for f in findings],
            "receipts": receipts,
        }
    emit(data, as_json, f"{run.batches} batches, {len(findings)} findings")


@app.command("expire")
def expire(
    today: str | None = typer.Option(None, help="Date to check against (default today)"),
    as_json: bool = JSON_OPTION,
) -> None:
    """Mark approved filings whose three-year term has ended as expired (run daily)."""
    try:
        day = date.fromisoformat(today) if today else date.today()
    except ValueError:
        fail(f"--today: {today!r} is not a date like 2026-11-24", 2)
    with cli_session() as (session, principal):
        expired = service.expire_due(session, principal=principal, today=day)
        numbers = [f"{f.number} v{f.version}" for f in expired]
    emit({"expired": numbers}, as_json, f"{len(numbers)} filings expired")


@app.command("preassess")
def preassess(
    answers_file: Path = typer.Argument(..., exists=True, dir_okay=False),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Score a pre-assessment from ANSWERS.json ({"title", "answers": {id: true|false}})."""
    try:
        data = PreAssessmentIn.model_validate(_json_file(answers_file))
    except ValidationError as exc:
        fail(f"{answers_file}: {str(exc).splitlines()[0]}", 2)
    with cli_session(as_user) as (session, principal):
        made = preassessment.preassess(session, principal=principal, data=data)
        data_out = {"id": made.id, "score": made.score, "passed": made.passed, "gaps": made.gaps}
    emit(data_out, as_json, f"score {made.score}, {'passed' if made.passed else 'not passed'}")
