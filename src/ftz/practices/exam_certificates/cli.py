"""`ftz exam-certificates …`: the p12 service from the command line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import typer
from pydantic import ValidationError

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.core.kit.pagination import PageParams
from ftz.practices.exam_certificates import service
from ftz.practices.exam_certificates.catalog import catalog
from ftz.practices.exam_certificates.schemas import (
    ApplicationCreate,
    ApplicationRead,
    RequestRead,
    ScoresIn,
)

app = typer.Typer(no_args_is_help=True, help="p12 一考多证 one exam, many certificates")


def _read(application: Any) -> dict[str, Any]:
    return ApplicationRead.model_validate(application).model_dump(mode="json")


@app.command("certificates")
def certificates(as_json: bool = JSON_OPTION) -> None:
    """The 15 certificates of the pilot."""
    rows = [c.__dict__ for c in catalog().certificates.values()]
    emit(
        {"certificates": rows},
        as_json,
        "\n".join(f"{r['code']:<13} {r['department']:<10} {r['name_zh']}" for r in rows),
    )


@app.command("apply")
def apply(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="Application JSON"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Register a candidate from a JSON file (the API's ApplicationCreate body)."""
    try:
        data = ApplicationCreate.model_validate(json.loads(file.read_text(encoding="utf-8")))
    except (ValidationError, json.JSONDecodeError) as exc:
        fail(f"{file}: {str(exc).splitlines()[0]}", 2)
        return
    with cli_session(as_user) as (session, principal):
        application = service.register_application(session, principal=principal, data=data)
        read = _read(application)
    emit(
        read,
        as_json,
        f"{read['id']} {read['status']} "
        + ", ".join(f"{r['certificate_code']}={r['status']}" for r in read["requests"]),
    )


@app.command("list")
def list_applications(
    status: str | None = None,
    trade: str | None = None,
    page: int = 1,
    size: int = 20,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Applications, newest first."""
    with cli_session(as_user) as (session, principal):
        result = service.list_applications(
            session,
            principal=principal,
            params=PageParams(page=page, size=min(size, 200)),
            status=status,
            trade=trade,
        )
        items = [_read(a) for a in result.items]
    emit(
        {"items": items, "total": result.total, "page": page},
        as_json,
        "\n".join(
            f"{a['id']} {a['status']:<10} {a['trade']:<11} {a['candidate']['full_name']}"
            for a in items
        )
        + f"\n({result.total} in all)",
    )


@app.command("show")
def show(
    application_id: str, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """One application with each certificate's decision and the rule rows behind it."""
    with cli_session(as_user) as (session, principal):
        read = _read(
            service.get_application(session, principal=principal, application_id=application_id)
        )
    lines = [f"{read['candidate']['full_name']} {read['trade']} {read['status']}"]
    for r in read["requests"]:
        lines.append(f"  {r['certificate_code']}: {r['status']} {r['certificate_number'] or ''}")
        for row in r["eligibility"].get("fired", []) + r["decision"].get("fired", []):
            lines.append(f"    [{row['row_id']}] {row['description']} — {row['citation']}")
    emit(read, as_json, "\n".join(lines))


@app.command("scores")
def scores(
    application_id: str,
    theory: int = typer.Option(...),
    practical: int = typer.Option(...),
    exam_date: str = typer.Option(date.today().isoformat()),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Record the one theory and one practical exam (exam centre officers)."""
    try:
        data = ScoresIn.model_validate(
            {"theory_score": theory, "practical_score": practical, "exam_date": exam_date}
        )
    except ValidationError as exc:
        fail("; ".join(f"{e['loc'][0]}: {e['msg']}" for e in exc.errors()), 2)
        return
    with cli_session(as_user) as (session, principal):
        read = _read(
            service.record_scores(
                session, principal=principal, application_id=application_id, data=data
            )
        )
    emit(read, as_json, f"{read['id']} {read['status']}")


@app.command("decide")
def decide(
    request_id: str,
    note: str = "",
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """A department decides one certificate request (the issuance table decides)."""
    with cli_session(as_user) as (session, principal):
        request = service.decide_request(
            session, principal=principal, request_id=request_id, note=note
        )
        read = RequestRead.model_validate(request).model_dump(mode="json")
    emit(
        read,
        as_json,
        f"{read['certificate_code']}: {read['status']} {read['certificate_number'] or ''}",
    )


@app.command("review")
def review(
    department: str | None = None, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """Decide a department's whole review queue."""
    with cli_session(as_user) as (session, principal):
        decided = service.review_pending(session, principal=principal, department=department)
        summary = {
            "decided": len(decided),
            "issued": sum(1 for r in decided if r.status == "issued"),
        }
    emit(summary, as_json, f"decided {summary['decided']}, issued {summary['issued']}")


@app.command("stats")
def stats(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Candidates and certificates issued, counted from the records."""
    with cli_session(as_user) as (session, principal):
        result = service.statistics(session, principal=principal)
    by = result["by_certificates_issued"]
    emit(
        result,
        as_json,
        f"candidates {result['candidates']}: three certificates {by['3']}, "
        f"two {by['2']}, one {by['1']}, none {by['0']}",
    )
