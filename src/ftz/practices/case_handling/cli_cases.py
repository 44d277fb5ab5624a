"""`ftz case-handling cases …`: register, list, show, run the three searches, submit and answer
search reports, save the analysis, finalize, review (阅核 / 评查) and close — over the service,
acting as `--as USER`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import typer
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.cli_kit import AS_USER_OPTION, JSON_OPTION, cli_session, emit, fail
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams
from ftz.practices.case_handling import reporting, repository, searches, service, supervision
from ftz.practices.case_handling.schemas import (
    AnswerIn,
    CaseIn,
    CloseIn,
    ReportIn,
    ReviewIn,
    SearchIn,
    SearchOut,
    SubmissionIn,
)

app = typer.Typer(no_args_is_help=True, help="Cases: register, search, answer, report, review")
Model = TypeVar("Model", bound=BaseModel)


def run(as_user: str | None, action: Any) -> Any:
    try:
        with cli_session(as_user) as (session, principal):
            return action(session, principal)
    except FtzError as exc:
        detail = "; ".join(f"{e.field}: {e.reason}" for e in exc.errors) or exc.detail
        fail(detail.replace("\n", " "), 2 if exc.status in (400, 409, 422) else 1)


def parse(model: type[Model], values: dict[str, Any]) -> Model:
    try:
        return model.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        fail(f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}", 2)


def _file(path: Path) -> dict[str, Any]:
    try:
        loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        fail(f"{path}: {exc.strerror}", 2)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        fail(f"{path}: not JSON ({exc})", 2)
    return loaded


def _case(session: Session, case: Any) -> dict[str, Any]:
    return service.case_out(session, case).model_dump(mode="json")


@app.command("register")
def register(
    body: Path = typer.Argument(..., dir_okay=False),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Register a case from CASE.json (the API's body); triage runs at once."""
    data = parse(CaseIn, _file(body))
    out = run(as_user, lambda s, p: _case(s, service.register(s, principal=p, data=data)))
    emit(
        out,
        as_json,
        f"{out['number']} {out['track']} ({out['procedure_hint']}) "
        f"{out['review_requirement']} {out['id']}",
    )


@app.command("list")
def list_cases(
    status: str = typer.Option("", "--status"),
    track: str = typer.Option("", "--track"),
    q: str = typer.Option("", "--q"),
    page: int = 1,
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Cases the user may see, newest first."""
    filters = {"status": status, "track": track, "q": q}

    def act(session: Session, principal: Principal) -> dict[str, Any]:
        found = repository.case_page(session, principal, PageParams(page=page, size=50), filters)
        return {"total": found.total, "items": [_case(session, c) for c in found.items]}

    out = run(as_user, act)
    lines = [
        f"{c['number']} {c['cause']} {c['track']} {c['status']} {c['id']}" for c in out["items"]
    ]
    emit(out, as_json, "\n".join(lines) or "no cases")


@app.command("show")
def show(case_id: str, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION) -> None:
    """A case with its report (draft with its gaps, or the final snapshot)."""

    def act(session: Session, principal: Principal) -> dict[str, Any]:
        case = repository.get_case(session, principal, case_id)
        report = reporting.view(session, principal=principal, case=case)
        return {"case": _case(session, case), "report": report}

    out = run(as_user, act)
    gaps = "; ".join(f"{g['field']}: {g['reason']}" for g in out["report"].get("gaps", []))
    emit(
        out,
        as_json,
        f"{out['case']['number']} {out['case']['status']} report "
        f"{out['report']['status']}{' — ' + gaps if gaps else ''}",
    )


@app.command("search")
def search(
    case_id: str,
    kind: str = typer.Option(..., "--kind", help="legal_basis, similar_cases, related_cases"),
    query: str = typer.Option("", "--query"),
    mode: str = typer.Option("bm25", "--mode"),
    law: str | None = typer.Option(None, "--law"),
    conclusion: str = typer.Option("", "--conclusion"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Run one of the three searches for the case and save it into the report."""
    data = parse(
        SearchIn, {"kind": kind, "query": query, "mode": mode, "law": law, "conclusion": conclusion}
    )
    out = run(
        as_user,
        lambda s, p: SearchOut.model_validate(
            searches.run(s, principal=p, case_id=case_id, data=data)
        ).model_dump(mode="json"),
    )
    emit(
        out,
        as_json,
        f"{out['kind']}: {len(out['results'])} results for {out['query'][:40]!r} ({out['id']})",
    )


@app.command("submit")
def submit(
    case_id: str,
    body: Path = typer.Argument(..., dir_okay=False),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """A party or lawyer submits its own search report (SUBMISSION.json)."""
    data = parse(SubmissionIn, _file(body))
    out = run(
        as_user,
        lambda s, p: {"id": reporting.submit(s, principal=p, case_id=case_id, data=data).id},
    )
    emit(out, as_json, f"submitted {out['id']}")


@app.command("answer")
def answer(
    submission_id: str,
    position: str = typer.Option(..., "--position"),
    text: str = typer.Option(..., "--answer"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The judge answers a submitted search report (adopted, partly_adopted, not_adopted)."""
    data = parse(AnswerIn, {"position": position, "answer": text})
    out = run(
        as_user,
        lambda s, p: {
            "id": reporting.answer(s, principal=p, submission_id=submission_id, data=data).id,
            "position": position,
        },
    )
    emit(out, as_json, f"answered {out['id']}: {position}")


@app.command("analysis")
def analysis(
    case_id: str, text: str = typer.Argument(...), as_user: str | None = AS_USER_OPTION
) -> None:
    """Save the judge's analysis in the report."""
    data = parse(ReportIn, {"analysis": text})
    run(as_user, lambda s, p: reporting.save_analysis(s, principal=p, case_id=case_id, data=data))
    typer.echo("saved")


@app.command("finalize")
def finalize(
    case_id: str, as_user: str | None = AS_USER_OPTION, as_json: bool = JSON_OPTION
) -> None:
    """Finalize the report (refused, with every gap named, while anything is missing)."""
    out = run(
        as_user, lambda s, p: {"sha256": reporting.finalize(s, principal=p, case_id=case_id).sha256}
    )
    emit(out, as_json, f"final {out['sha256']}")


@app.command("review")
def review(
    case_id: str,
    kind: str = typer.Option("reading_approval", "--kind"),
    outcome: str = typer.Option(..., "--outcome"),
    note: str = typer.Option("", "--note"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Reading and approval (approved / returned) or a quality review (passed / findings)."""
    data = parse(ReviewIn, {"kind": kind, "outcome": outcome, "note": note})

    def act(session: Session, principal: Principal) -> dict[str, Any]:
        made = supervision.review(session, principal=principal, case_id=case_id, data=data)
        return {
            "id": made.id,
            "outcome": made.outcome,
            "case_status": repository.get_case(session, principal, case_id).status,
        }

    out = run(as_user, act)
    emit(out, as_json, f"{kind} {out['outcome']}: case {out['case_status']}")


@app.command("close")
def close(
    case_id: str,
    outcome: str = typer.Option(..., "--outcome"),
    closed_on: str = typer.Option("", "--closed-on", help="YYYY-MM-DD (default today)"),
    as_user: str | None = AS_USER_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """Close the case: judgment (after the final report and any 阅核), mediated, withdrawn."""
    data = parse(CloseIn, {"outcome": outcome, "closed_on": closed_on or date.today()})
    out = run(
        as_user, lambda s, p: _case(s, service.close(s, principal=p, case_id=case_id, data=data))
    )
    emit(out, as_json, f"{out['number']} closed: {out['outcome']}")
