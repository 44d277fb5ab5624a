"""`ftz industry-transfer …`: the dashboard, projects (list, register, advance), quarterly
indicators, a region's report (`report --region 53/昆明市 --json`), the roll-up and the rules.
Projects are named by their codes; `--as USER` acts as a park administration or office."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import typer
from pydantic import ValidationError

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.practices.industry_transfer import dashboard as boards
from ftz.practices.industry_transfer import repository, service, statistics
from ftz.practices.industry_transfer.access import scope_of
from ftz.practices.industry_transfer.reference import STAGES, today
from ftz.practices.industry_transfer.rule_tables import rule_tables
from ftz.practices.industry_transfer.schemas import (
    ProjectIn,
    ProjectOut,
    ReportIn,
    ReportOut,
    StageIn,
)

app = typer.Typer(no_args_is_help=True, help="p23 梯度承接产业转移 industry transfer")
FROM_OPTION = typer.Option("", "--from", help="First quarter, e.g. 2025-Q1")
TO_OPTION = typer.Option("", "--to", help="Last quarter, e.g. 2025-Q4")


def _yi(value: str) -> str:
    """CNY as 亿元 for the text output (1亿 = 100 million)."""
    return f"{Decimal(value) / Decimal(100_000_000):,.2f}亿"


def _valid(model: Any, **values: Any) -> Any:
    try:
        return model(**values)
    except ValidationError as exc:
        first = exc.errors()[0]
        fail(f"{'.'.join(str(p) for p in first['loc']) or 'input'}: {first['msg']}", 2)


def _amount(text: str, name: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        fail(f"--{name} must be an amount in CNY", 2)


@app.command("dashboard")
def dashboard(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Signed projects and investment per receiving park, beside the seed's figures."""
    with cli_session(as_user) as (session, principal):
        data = boards.plain(boards.dashboard(session, principal=principal))
    lines = [f"{p['park']:<8} signed {p['signed']['projects']:>3}  contracted "
             f"{_yi(p['signed']['planned_investment'])}  in place "
             f"{_yi(p['signed']['actual_investment'])}  intentions {p['intention']['projects']}"
             for p in data["receiving_parks"]]  # fmt: skip
    lines += [f"seed {s['id']}: {s['projects']} / {_yi(str(s['amount_cny']))} → records "
              f"{s['records_projects']} / {_yi(s['records_amount'])} "
              f"{'ok' if s['matches'] else 'differs'}" for s in data["seed"]]  # fmt: skip
    emit(data, as_json, "\n".join(lines))


@app.command("projects")
def projects(
    stage: str = typer.Option("", help="One of " + ", ".join(STAGES)),
    park: str = typer.Option("", help="A park's code (either side)"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Projects within reach, by code."""
    if stage and stage not in STAGES:
        fail(f"--stage must be one of {', '.join(STAGES)}", 2)
    with cli_session(as_user) as (session, principal):
        scope = scope_of(session, principal)
        park_id = repository.park_by_code(session, scope, park).id if park else ""
        found = repository.export_projects(
            session, scope, *repository.project_filters(stage=stage, park_id=park_id)
        )
        rows = [ProjectOut.model_validate(p).model_dump(mode="json") for p in found]
    lines = [f"{r['code']:<14} {r['stage']:<19} {r['sponsor_park']['code']:>8} → "
             f"{r['receiving_park']['code']:<8} {r['industry_code']:<4} {r['name']}"
             for r in rows]  # fmt: skip
    emit({"items": rows, "total": len(rows)}, as_json, "\n".join(lines))


@app.command("register")
def register(
    agreement: str = typer.Option(..., help="The agreement's number"),
    code: str = typer.Option(...),
    name: str = typer.Option(...),
    enterprise: str = typer.Option(...),
    industry: str = typer.Option(..., help="GB/T 4754-2017 code, e.g. C27"),
    planned: str = typer.Option("0", help="Contracted investment, CNY"),
    intention_on: str = typer.Option(..., help="Date of the intention, YYYY-MM-DD"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Register a project (as the sponsor park's administration)."""
    data = _valid(ProjectIn, agreement=agreement, code=code, name=name, enterprise=enterprise,
                  industry_code=industry, planned_investment=_amount(planned, "planned"),
                  intention_on=intention_on)  # fmt: skip
    with cli_session(as_user) as (session, principal):
        made = ProjectOut.model_validate(service.register(session, principal=principal, data=data))
    emit(made.model_dump(mode="json"), as_json, f"{made.code} registered ({made.stage})")


@app.command("stage")
def stage(
    code: str,
    event: str = typer.Argument(..., help="sign, start_construction, start_operation, withdraw"),
    on: str = typer.Option("", help="The stage's date (default: today)"),
    note: str = typer.Option(""),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Advance a project to its next stage, with the date."""
    data = _valid(StageIn, event=event, on=on or today().isoformat(), note=note)
    with cli_session(as_user) as (session, principal):
        project = repository.project_by_code(session, scope_of(session, principal), code)
        made = service.advance(session, principal=principal, project_id=project.id, data=data)
        out = ProjectOut.model_validate(made)
    emit(out.model_dump(mode="json"), as_json, f"{out.code} {out.stage}")


@app.command("indicators")
def indicators(
    code: str,
    period: str = typer.Option(..., help="The quarter, e.g. 2025-Q1"),
    output_value: str = typer.Option("0", "--output"),
    tax: str = typer.Option("0"),
    employment: int = typer.Option(0),
    investment: str = typer.Option("0", help="Investment completed in the quarter"),
    note: str = typer.Option(""),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """File or correct a project's quarterly indicators (as the receiving park)."""
    data = _valid(ReportIn, output_value=_amount(output_value, "output"), tax=_amount(tax, "tax"),
                  employment=employment, investment_completed=_amount(investment, "investment"),
                  note=note)  # fmt: skip
    with cli_session(as_user) as (session, principal):
        project = repository.project_by_code(session, scope_of(session, principal), code)
        made = service.file_report(session, principal=principal, project_id=project.id,
                                   period=period, data=data)  # fmt: skip
        out = ReportOut.model_validate(made).model_dump(mode="json")
    emit(out, as_json, f"{code} {out['period']} revision {out['revision']} "
         f"(ledger {out['ledger_index']})")  # fmt: skip


def _totals_text(totals: dict[str, str]) -> str:
    return "  ".join(f"{k}={v}" for k, v in totals.items())


@app.command("report")
def report(
    region: str = typer.Option(..., help="CN, a province (53, 云南) or province/city (53/昆明市)"),
    first: str = FROM_OPTION,
    last: str = TO_OPTION,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """A region's report: every project with a park in it, in full, with the rules that count it."""
    with cli_session(as_user) as (session, principal):
        data = statistics.region_report(session, principal=principal, region=region,
                                        first=first, last=last)  # fmt: skip
    lines = [f"{data['region']['label_zh']} ({data['region']['key']}): {data['projects']} projects"]
    for line in data["lines"]:
        via = ",".join(sorted({row for hits in line["via"].values() for _, row in hits}))
        lines.append(f"  {line['code']:<14} {_totals_text(line['values'])}  [{via}]")
    lines.append(f"  total {_totals_text(data['totals'])}")
    emit(data, as_json, "\n".join(lines))


@app.command("rollup")
def rollup(
    scope: str = typer.Option("CN", help="CN or a province"),
    first: str = FROM_OPTION,
    last: str = TO_OPTION,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The child regions' reports, their sum, the overlap, and each project counted once."""
    with cli_session(as_user) as (session, principal):
        data = statistics.rollup(session, principal=principal, scope_region=scope, first=first,
                                 last=last)  # fmt: skip
    lines = [f"{c['region']['key']:<16} {c['projects']:>3}  {_totals_text(c['totals'])}"
             for c in data["children"]]  # fmt: skip
    lines += [f"sum of regions   {_totals_text(data['children_sum'])}",
              f"overlap          {_totals_text(data['overlap_total'])}",
              f"roll-up ({data['mode']}, {data['rule']['row_id']}) {data['projects']} projects  "
              f"{_totals_text(data['total'])}"]  # fmt: skip
    emit(data, as_json, "\n".join(lines))


@app.command("rules")
def show_rules(as_json: bool = JSON_OPTION) -> None:
    """Every rule table row with its source."""
    tables = rule_tables()
    lines = [f"{t['key']} {r['row_id']}: {r['then'].get('reason_zh', '')} — "
             f"{r['then'].get('citation', '')}" for t in tables for r in t["rows"]]  # fmt: skip
    emit({"tables": tables}, as_json, "\n".join(lines))
