"""`ftz certification-one-stop …`: schemes and quotes, applications through the three steps
(files hashed locally: only fingerprints leave the machine), certificate verification,
statistics, the standards watch (publish a version from a text file, subscribe, read notices),
cooperation projects and an offline clause-level diff of two texts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit
from ftz.core.kit.pagination import PageParams
from ftz.practices.certification_one_stop import (
    applications,
    certificates,
    cli_watch,
    reference,
    repository,
    statistics,
    testing,
    views,
)
from ftz.practices.certification_one_stop.cli_parse import amount, parse, sha256_of
from ftz.practices.certification_one_stop.models import ExportApplication
from ftz.practices.certification_one_stop.schemas import (
    ApplicationIn,
    ApplicationOut,
    DocumentIn,
    EventIn,
    TestIn,
    VerificationOut,
)

app = typer.Typer(no_args_is_help=True, help="p28 认证与标准国际合作 certification one-stop")


@app.command("schemes")
def list_schemes(as_json: bool = JSON_OPTION) -> None:
    """Partner-country schemes: country, scope by HS code, SLA source, fees basis."""
    found = [s.model_dump(mode="json") for s in reference.schemes()]
    lines = [
        f"{s['code']:<9} {s['country']} {s['name_zh']} · HS "
        + ",".join(i["hs"] for i in s["product_scope"])
        for s in found
    ]
    emit({"schemes": found, "paths": reference.paths()}, as_json, "\n".join(lines))


@app.command("quote")
def quote(
    scheme: str = typer.Option(...),
    hs: str = typer.Option(..., help="HS code (2–10 digits)"),
    value: str = typer.Option(..., help="Trade (FOB) value, CNY"),
    as_json: bool = JSON_OPTION,
) -> None:
    """Category, documents, tests, fee and SLA the rules decide, with the rows that fired."""
    found = applications.assess(scheme, hs, amount(value, "--value"))
    data = {**found, "fee": {k: str(v) for k, v in found["fee"].items()}}
    rows = " ".join(r["row_id"] for r in found["fired"])
    emit(
        data,
        as_json,
        f"{found['category']} · documents {', '.join(found['documents'])} · "
        f"fee {data['fee']['total']} CNY · SLA {found['sla']['sla_days']} "
        f"{found['sla']['day_kind']} days · {rows}",
    )


@app.command("applications")
def list_applications(
    status: str = typer.Option("", help="draft, submitted, testing, tested, issued …"),
    scheme: str = typer.Option(""),
    overdue: bool = typer.Option(False, "--overdue", help="Open files past their due date"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Applications, newest first (the first 200)."""
    filters = repository.application_filters(
        status=status, scheme=scheme, overdue_on=date.today() if overdue else None
    )
    with cli_session(as_user) as (session, principal):
        page = repository.applications(session, principal, PageParams(page=1, size=200), *filters)
        rows = [ApplicationOut.model_validate(a).model_dump(mode="json") for a in page.items]
    lines = [
        f"{r['number']} {r['scheme']:<9} {r['status']:<9} due {r['due_on'] or '—'} "
        f"{r['product']} {r['id']}"
        for r in rows
    ]
    emit({"items": rows, "total": page.total}, as_json, "\n".join(lines))


@app.command("show")
def show(
    application_id: str, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """One file with its documents, tests, certificate and SLA."""
    with cli_session(as_user) as (session, principal):
        found = repository.get_owned(session, principal, ExportApplication, application_id)
        data = views.application_detail(session, found).model_dump(mode="json")
    sla_line = data["sla"]
    emit(
        data,
        as_json,
        f"{data['number']} {data['status']} · SLA {sla_line['status']} "
        f"({sla_line.get('days_used', '—')}/{data['sla_days']} {data['day_kind']} days)",
    )


@app.command("apply")
def apply(
    scheme: str = typer.Option(...),
    product: str = typer.Option(...),
    model: str = typer.Option(...),
    hs: str = typer.Option(...),
    value: str = typer.Option(..., help="Trade (FOB) value, CNY"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Open an application (a draft) as the enterprise."""
    data = parse(
        ApplicationIn,
        scheme=scheme,
        product=product,
        model=model,
        hs_code=hs,
        trade_value_cny=amount(value, "--value"),
    )
    with cli_session(as_user) as (session, principal):
        made = applications.create(session, principal=principal, data=data)
        out = ApplicationOut.model_validate(made).model_dump(mode="json")
    emit(
        out,
        as_json,
        f"{out['number']} {out['status']} needs: "
        + ", ".join(out["required_documents"])
        + f" {out['id']}",
    )


@app.command("attach")
def attach(
    application_id: str,
    kind: str = typer.Option(...),
    file: Path = typer.Option(..., help="Hashed here; the file is not uploaded"),
    as_user: str | None = AS_USER_OPTION,
) -> None:
    """Attach a document's SHA-256 fingerprint."""
    data = parse(DocumentIn, kind=kind, filename=file.name, sha256=sha256_of(file))
    with cli_session(as_user) as (session, principal):
        made = applications.attach(
            session, principal=principal, application_id=application_id, data=data
        )
        typer.echo(f"{made.kind} {made.sha256} ledger #{made.ledger_index}")


@app.command("event")
def event(
    application_id: str,
    name: str = typer.Argument(..., help="submit, withdraw, accept, issue or refuse"),
    note: str = typer.Option(""),
    as_user: str | None = AS_USER_OPTION,
) -> None:
    """Move a file one step (the role and department are checked)."""
    data = parse(EventIn, event=name, note=note)
    with cli_session(as_user) as (session, principal):
        made = applications.event(
            session, principal=principal, application_id=application_id, data=data
        )
        typer.echo(f"{made.number} {made.status}")


@app.command("test")
def record_test(
    application_id: str,
    code: str = typer.Option(..., help="A required test's code"),
    passed: bool = typer.Option(..., "--passed/--failed"),
    report: Path = typer.Option(..., help="The test report (hashed here)"),
    findings: str = typer.Option(""),
    as_user: str | None = AS_USER_OPTION,
) -> None:
    """Record one test result as the laboratory."""
    data = parse(
        TestIn, test_code=code, passed=passed, findings=findings, report_sha256=sha256_of(report)
    )
    with cli_session(as_user) as (session, principal):
        made = testing.record(
            session, principal=principal, application_id=application_id, data=data
        )
        typer.echo(f"{made.test_code} {'passed' if made.passed else 'failed'} {made.standard}")


@app.command("conclude")
def conclude(
    application_id: str, note: str = typer.Option(""), as_user: str | None = AS_USER_OPTION
) -> None:
    """Close testing: every required test passed → tested, any failed → failed."""
    with cli_session(as_user) as (session, principal):
        made = testing.conclude(
            session, principal=principal, application_id=application_id, note=note
        )
        typer.echo(f"{made.number} {made.status}")


@app.command("verify")
def verify(code: str, as_json: bool = JSON_OPTION) -> None:
    """Check a certificate's verification code."""
    with cli_session(None) as (session, _):
        data = VerificationOut.model_validate(certificates.verify(session, code))
    out = data.model_dump(mode="json")
    emit(
        out,
        as_json,
        f"{'VALID' if data.valid else 'NOT VALID'} {data.number} {data.scheme} "
        f"{data.holder} {data.product} until {data.valid_until}",
    )


@app.command("stats")
def stats(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """Figures computed from the records, beside the seed's."""
    with cli_session(as_user) as (session, principal):
        data = statistics.overview(session, principal=principal)
    a = data["all"]
    emit(
        data,
        as_json,
        f"{a['enterprises']} enterprises · {a['applications']} applications · "
        f"success {a['success_rate_pct']} % · average {a['average_days']} days · trade "
        f"{a['trade_value_cny']} CNY · cost {a['average_cost_cny']} (was "
        f"{a['traditional_cost_cny']}) CNY",
    )


# The standards-watch commands live in cli_watch.py.
cli_watch.register(app)
