"""p26 case page and its forms: the three searches (run, conclude), the parties' submissions
and the judge's answers, the checklists, the analysis and finalization (refused with every gap
named), reading and approval and quality review, rectification, closing; the printable report.
Each form shows the page again with its problems (422) and changes nothing when refused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FieldProblem, FtzError
from ftz.core.web.forms import form_values
from ftz.core.web.templating import render
from ftz.practices.case_handling import reporting, repository, searches, service, supervision
from ftz.practices.case_handling.common import member
from ftz.practices.case_handling.page_common import (
    BASE,
    DB,
    JUDGE,
    READ,
    SUBMIT,
    SUPERVISE,
    shown_again,
)
from ftz.practices.case_handling.permissions import APPROVERS, QUALITY_REVIEWERS
from ftz.practices.case_handling.schemas import (
    AnswerIn,
    ChecklistIn,
    CloseIn,
    ConclusionIn,
    FindingIn,
    RectifyIn,
    ReportIn,
    ReviewIn,
    SearchIn,
    SubmissionIn,
)

router = APIRouter(include_in_schema=False)


def _detail(
    request: Request,
    session: Session,
    who: Principal,
    case_id: str,
    errors: list[FieldProblem],
    values: dict[str, str],
    form: str = "",
) -> Response:
    case = repository.get_case(session, who, case_id)
    seat = member(session, who)
    handler = (
        who.is_admin
        or case.judge_user_id == who.user_id
        or (
            seat is not None
            and seat.position in ("president", "division_chief")
            and seat.court_org_id == case.court_org_id
        )
    )
    context = {
        "case": case,
        "parties": repository.parties(session, [case.id])[case.id],
        "report": reporting.view(session, principal=who, case=case),
        "runs": repository.searches(session, case.id),
        "reviews": repository.reviews(session, case.id),
        "findings": repository.findings(session, case.id),
        "history": service.history(session, principal=who, case=case),
        "handler": handler and allows(who, "case_handling.judge"),
        "is_party": who.is_enterprise and repository.party_of(session, case.id, who) is not None,
        "can_approve": who.is_admin or (seat is not None and seat.position in APPROVERS),
        "can_quality": who.is_admin or (seat is not None and seat.position in QUALITY_REVIEWERS),
        "errors": errors,
        "values": values,
        "form": form,
    }
    return render(request, "case_handling/case.html", context, status=422 if errors else 200)


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(
    request: Request, case_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    return _detail(request, session, who, case_id, [], {})


@router.get("/cases/{case_id}/report", response_class=HTMLResponse)
def report_page(
    request: Request, case_id: str, session: Session = DB, who: Principal = READ
) -> Response:
    case = repository.get_case(session, who, case_id)
    context = {
        "case": case,
        "report": reporting.view(session, principal=who, case=case),
        "reviews": repository.reviews(session, case.id),
    }
    return render(request, "case_handling/report.html", context)


async def _act(
    request: Request,
    session: Session,
    who: Principal,
    case_id: str,
    form: str,
    action: Callable[[dict[str, str]], Any],
    anchor: str,
) -> Response:
    values = await form_values(request)
    try:
        with session.begin_nested():
            action(values)
    except (FtzError, ValidationError) as exc:
        return _detail(request, session, who, case_id, shown_again(exc), values, form)
    return RedirectResponse(f"{BASE}/cases/{case_id}#{anchor}", status_code=303)


def _blank_free(values: dict[str, str]) -> dict[str, str]:
    return {k: v.strip() for k, v in values.items() if v.strip()}


@router.post("/cases/{case_id}/searches", response_class=HTMLResponse)
async def run_search(
    request: Request, case_id: str, session: Session = DB, who: Principal = JUDGE
) -> Response:
    def act(values: dict[str, str]) -> None:
        data = SearchIn.model_validate(_blank_free(values))
        searches.run(session, principal=who, case_id=case_id, data=data)

    return await _act(request, session, who, case_id, "search", act, "searches")


@router.post("/cases/{case_id}/searches/{search_id}/conclusion", response_class=HTMLResponse)
async def conclude(
    request: Request, case_id: str, search_id: str, session: Session = DB, who: Principal = JUDGE
) -> Response:
    def act(values: dict[str, str]) -> None:
        data = ConclusionIn.model_validate(values)
        searches.conclude(
            session, principal=who, case_id=case_id, search_id=search_id, conclusion=data.conclusion
        )

    return await _act(request, session, who, case_id, f"conclusion-{search_id}", act, "searches")


@router.post("/cases/{case_id}/submissions", response_class=HTMLResponse)
async def submit(
    request: Request, case_id: str, session: Session = DB, who: Principal = SUBMIT
) -> Response:
    def act(values: dict[str, str]) -> None:
        cited = [c for c in values.get("cited", "").replace("；", "\n").splitlines() if c.strip()]
        data = SubmissionIn.model_validate({**_blank_free(values), "cited": cited})
        reporting.submit(session, principal=who, case_id=case_id, data=data)

    return await _act(request, session, who, case_id, "submit", act, "submissions")


@router.post("/cases/{case_id}/submissions/{submission_id}/answer", response_class=HTMLResponse)
async def answer(
    request: Request,
    case_id: str,
    submission_id: str,
    session: Session = DB,
    who: Principal = JUDGE,
) -> Response:
    def act(values: dict[str, str]) -> None:
        data = AnswerIn.model_validate(_blank_free(values))
        reporting.answer(session, principal=who, submission_id=submission_id, data=data)

    return await _act(request, session, who, case_id, f"answer-{submission_id}", act, "submissions")


@router.post("/cases/{case_id}/checklist", response_class=HTMLResponse)
async def checklist(
    request: Request, case_id: str, session: Session = DB, who: Principal = JUDGE
) -> Response:
    def act(values: dict[str, str]) -> None:
        items = [
            {"item_id": key[6:], "state": state, "note": values.get(f"note_{key[6:]}", "")}
            for key, state in values.items()
            if key.startswith("state_")
        ]
        data = ChecklistIn.model_validate({"items": items})
        reporting.save_checklist(session, principal=who, case_id=case_id, data=data)

    return await _act(request, session, who, case_id, "checklist", act, "checklist")


@router.post("/cases/{case_id}/analysis", response_class=HTMLResponse)
async def analysis(
    request: Request, case_id: str, session: Session = DB, who: Principal = JUDGE
) -> Response:
    def act(values: dict[str, str]) -> None:
        data = ReportIn.model_validate(values)
        reporting.save_analysis(session, principal=who, case_id=case_id, data=data)

    return await _act(request, session, who, case_id, "analysis", act, "report")


@router.post("/cases/{case_id}/finalize", response_class=HTMLResponse)
async def finalize(
    request: Request, case_id: str, session: Session = DB, who: Principal = JUDGE
) -> Response:
    return await _act(
        request,
        session,
        who,
        case_id,
        "finalize",
        lambda _: reporting.finalize(session, principal=who, case_id=case_id),
        "report",
    )


@router.post("/cases/{case_id}/reviews", response_class=HTMLResponse)
async def review(
    request: Request, case_id: str, session: Session = DB, who: Principal = SUPERVISE
) -> Response:
    def act(values: dict[str, str]) -> None:
        findings = []
        if values.get("finding_description", "").strip():
            findings.append(
                FindingIn.model_validate(
                    {
                        "category": values.get("finding_category", ""),
                        "severity": values.get("finding_severity", ""),
                        "description": values["finding_description"].strip(),
                    }
                )
            )
        data = ReviewIn.model_validate(
            {
                "kind": values.get("kind", ""),
                "outcome": values.get("outcome", ""),
                "note": values.get("note", ""),
                "findings": findings,
            }
        )
        supervision.review(session, principal=who, case_id=case_id, data=data)

    return await _act(request, session, who, case_id, "review", act, "supervision")


@router.post("/cases/{case_id}/findings/{finding_id}/rectify", response_class=HTMLResponse)
async def rectify(
    request: Request, case_id: str, finding_id: str, session: Session = DB, who: Principal = JUDGE
) -> Response:
    def act(values: dict[str, str]) -> None:
        data = RectifyIn.model_validate(values)
        supervision.rectify(session, principal=who, finding_id=finding_id, data=data)

    return await _act(request, session, who, case_id, f"rectify-{finding_id}", act, "supervision")


@router.post("/cases/{case_id}/close", response_class=HTMLResponse)
async def close(
    request: Request, case_id: str, session: Session = DB, who: Principal = JUDGE
) -> Response:
    def act(values: dict[str, str]) -> None:
        data = CloseIn.model_validate(_blank_free(values))
        service.close(session, principal=who, case_id=case_id, data=data)

    return await _act(request, session, who, case_id, "close", act, "close")
