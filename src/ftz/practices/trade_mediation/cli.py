"""`ftz trade-mediation …`: cases and statistics from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from pydantic import ValidationError

from ftz.core.auth.principal import SYSTEM
from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.core.kit.pagination import PageParams
from ftz.practices.trade_mediation import service
from ftz.practices.trade_mediation.schemas import CaseIn, CaseOut

app = typer.Typer(no_args_is_help=True, help="p19 数字贸易纠纷调解 digital trade dispute mediation")


@app.command("file")
def file_case(
    case_file: Path = typer.Argument(..., exists=True, dir_okay=False),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """File a case from a JSON file (the API's CaseIn body)."""
    try:
        data = CaseIn.model_validate(json.loads(case_file.read_text(encoding="utf-8")))
    except (ValidationError, json.JSONDecodeError) as exc:
        fail(f"{case_file}: {str(exc).splitlines()[0]}", 2)
        return
    with cli_session(as_user) as (session, principal):
        case = CaseOut.model_validate(service.file_case(session, principal=principal, data=data))
    emit(case.model_dump(mode="json"), as_json, f"{case.number} {case.status}")


@app.command("list")
def list_cases(
    status: str | None = None,
    page: int = 1,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Cases, newest first."""
    with cli_session(as_user) as (session, principal):
        result = service.list_cases(
            session, principal=principal, params=PageParams(page=page, size=50), status=status
        )
        rows = [CaseOut.model_validate(c).model_dump(mode="json") for c in result.items]
    emit(
        {"items": rows, "total": result.total},
        as_json,
        "\n".join(
            f"{r['number']} {r['status']:<10} {r['amount_cny']:>14,} {r['id']}" for r in rows
        ),
    )


@app.command("stats")
def stats(as_json: bool = JSON_OPTION) -> None:
    """Cases, countries, provinces and amounts, counted from the records."""
    with cli_session() as (session, _):
        data = service.statistics(session, principal=SYSTEM)
    emit(
        data,
        as_json,
        f"{data['cases']} cases, {data['countries']} countries or regions, "
        f"{data['provinces']} provinces, {data['amount_cny']:,} CNY",
    )
