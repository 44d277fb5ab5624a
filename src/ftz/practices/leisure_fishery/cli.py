"""`ftz leisure-fishery …`: the registry, licences, catch reports and the province's indicators
from the command line, over the same service as the API (bodies are the API's JSON). Bad input:
one `error:` line on stderr, exit 2; denial or absence, exit 1. The indicator commands live in
cli_indicators and register on the same app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, emit, fail
from ftz.practices.leisure_fishery import (
    catch,
    cli_indicators,
    licences,
    reference,
    repository,
    service,
)
from ftz.practices.leisure_fishery.cli_common import FILE, NOTE, app, read_body, run, valid
from ftz.practices.leisure_fishery.schemas import (
    CatchReportIn,
    InspectionIn,
    LicenceIn,
    ReasonIn,
    ReviewIn,
    VesselIn,
)
from ftz.practices.leisure_fishery.views import CatchReportOut, LicenceOut, VesselOut


@app.command("vessels")
def vessels(
    q: str = typer.Option("", "--q", help="name, registration number or home port"),
    problem: str = typer.Option(
        "", help="inspection_overdue | uninsured | no_safety_officer | unlicensed"
    ),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """List vessels (the caller's own for operators)."""
    if problem not in ("", "inspection_overdue", "uninsured", "no_safety_officer", "unlicensed"):
        fail(f"--problem: unknown {problem!r}", 2)

    def act(session: Session, principal: Principal) -> list[dict[str, Any]]:
        query = repository.vessels_query(principal, q=q, problem=problem, on=reference.today())
        return [VesselOut.of(v).model_dump(mode="json") for v in session.scalars(query)]

    rows = run(as_user, act)
    text = "\n".join(
        f"{v['registration_no']}\t{v['name']}\t{v['vessel_class']}\t"
        f"{v['area_code']}\t{v['status']}\t{v['id']}"
        for v in rows
    )
    emit({"vessels": rows}, as_json, text or "no vessels")


@app.command("register")
def register(
    body: Path = FILE, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """Register a vessel from VESSEL.json (the API's body)."""
    data = read_body(body, VesselIn)
    out = run(
        as_user,
        lambda s, p: VesselOut.of(service.create_vessel(s, principal=p, data=data)).model_dump(
            mode="json"
        ),
    )
    emit(
        out, as_json, f"{out['registration_no']} {out['name']} {out['vessel_class']} ({out['id']})"
    )


@app.command("inspect")
def inspect(
    vessel_id: str,
    body: Path = FILE,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Record an inspection of VESSEL_ID from INSPECTION.json (fishery officers)."""
    data = read_body(body, InspectionIn)
    out = run(
        as_user,
        lambda s, p: service.record_inspection(s, principal=p, vessel_id=vessel_id, data=data),
    )
    emit(
        {"id": out.id, "result": out.result, "next_due": out.next_due.isoformat(), "why": out.why},
        as_json,
        f"{out.result}, next due {out.next_due}",
    )


@app.command("license")
def license_vessel(
    body: Path = FILE, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """Issue a licence from LICENCE.json, using the home area's indicator."""
    data = read_body(body, LicenceIn)
    out = run(
        as_user,
        lambda s, p: LicenceOut.of(
            licences.issue(s, principal=p, data=data), reference.today()
        ).model_dump(mode="json"),
    )
    emit(out, as_json, f"{out['number']} valid {out['valid_from']} – {out['valid_to']}")


@app.command("revoke")
def revoke(
    licence_id: str,
    reason: str = typer.Option(..., "--reason"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Revoke LICENCE_ID (releases its indicator)."""
    data = valid(ReasonIn, reason=reason)
    out = run(
        as_user,
        lambda s, p: LicenceOut.of(
            licences.revoke(s, principal=p, licence_id=licence_id, data=data), reference.today()
        ).model_dump(mode="json"),
    )
    emit(out, as_json, f"{out['number']} {out['status']}")


@app.command("reminders")
def reminders(as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """What expires within the reminder window, and overdue inspections."""

    def act(session: Session, principal: Principal) -> dict[str, Any]:
        due = licences.reminders(session, principal=principal)
        return {
            "on": due["on"].isoformat(),
            "days": due["days"],
            "licences": [[x.number, x.valid_to.isoformat()] for x in due["licences"]],
            "insurance": [[x.policy_no, x.expires_on.isoformat()] for x in due["insurance"]],
            "safety_officers": [[x.name, x.valid_to.isoformat()] for x in due["safety_officers"]],
            "inspections": [
                [
                    d["vessel"].registration_no,
                    d["state"],
                    d["next_due"].isoformat() if d["next_due"] else None,
                ]
                for d in due["inspections"]
            ],
        }

    out = run(as_user, act)
    lines = [f"licence {n} expires {d}" for n, d in out["licences"]]
    lines += [f"policy {n} expires {d}" for n, d in out["insurance"]]
    lines += [f"safety officer {n} certificate expires {d}" for n, d in out["safety_officers"]]
    lines += [f"inspection {v} {s} {d or ''}".rstrip() for v, s, d in out["inspections"]]
    emit(out, as_json, "\n".join(lines) or f"nothing due within {out['days']} days")


@app.command("report")
def report(
    body: Path = FILE, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """File a catch report from REPORT.json; prints the flags and the rows that fired."""
    data = read_body(body, CatchReportIn)
    out = run(
        as_user,
        lambda s, p: CatchReportOut.of(catch.file_report(s, principal=p, data=data)).model_dump(
            mode="json"
        ),
    )
    rows = "; ".join(f"{w['row_id']}" for w in out["why"])
    emit(
        out,
        as_json,
        f"{out['id']} {'FLAGGED ' + ','.join(out['flags']) if out['flagged'] else 'ok'}"
        + (f" ({rows})" if rows else ""),
    )


@app.command("review")
def review(
    report_id: str,
    note: str = NOTE,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Review REPORT_ID (fishery officers; a flagged report needs --note)."""
    data = valid(ReviewIn, note=note)
    out = run(
        as_user,
        lambda s, p: CatchReportOut.of(
            catch.review(s, principal=p, report_id=report_id, data=data)
        ).model_dump(mode="json"),
    )
    emit(out, as_json, f"{out['id']} {out['status']}")


_ = cli_indicators  # imported for its commands
__all__ = ["app"]
