"""The case report (审理报告) and what goes into it: the three searches, the parties' and
lawyers' own search reports with the judge's answers (案例26 主要做法(二)一: the judge must
answer each), the evidence-rule and law-application checklists, and the judge's analysis.

Finalizing checks everything at once and names every gap (a field problem each): a search of
each kind, no unanswered submission, every applicable checklist item answered, an analysis.
The final report is a snapshot, hashed and anchored in the evidence ledger."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import FieldProblem, FtzError, conflict, forbidden, validation_error
from ftz.core.workflow import fire
from ftz.practices.case_handling import repository
from ftz.practices.case_handling.common import KINDS, anchor, digest, guide_items
from ftz.practices.case_handling.models import (
    CaseReport,
    CaseSubmission,
    ChecklistAnswer,
    CourtCase,
)
from ftz.practices.case_handling.schemas import AnswerIn, ChecklistIn, ReportIn, SubmissionIn
from ftz.practices.case_handling.service import require_handler, require_open
from ftz.practices.case_handling.workflow import CaseFlow


def submit(
    session: Session, *, principal: Principal, case_id: str, data: SubmissionIn
) -> CaseSubmission:
    """A party or its lawyer submits its own search report on the case."""
    case = repository.get_case(session, principal, case_id)
    party = repository.party_of(session, case.id, principal)
    if party is None or principal.org_id is None:
        raise forbidden("only a party to the case or its lawyer may submit a search report")
    require_open(case)
    made = CaseSubmission(
        case_id=case.id,
        party_id=party.id,
        org_id=principal.org_id,
        submitted_by=principal.display_name,
        kind=data.kind,
        query=data.query,
        cited=[c.strip() for c in data.cited if c.strip()],
        argument=data.argument,
        status="pending",
    )
    session.add(made)
    session.flush()
    return made


def answer(
    session: Session, *, principal: Principal, submission_id: str, data: AnswerIn
) -> CaseSubmission:
    found = repository.get_submission(session, principal, submission_id)
    case = repository.get_case(session, principal, found.case_id)
    require_handler(session, principal, case)
    require_open(case)
    if found.status == "answered":
        raise conflict("this submission has been answered")
    found.status, found.position, found.answer = "answered", data.position, data.answer
    found.answered_by, found.answered_at = principal.display_name, utcnow()
    session.flush()
    return found


def checklist_view(session: Session, case: CourtCase) -> list[dict[str, Any]]:
    answers = repository.checklist(session, case.id)
    rows = []
    for item in guide_items(case.case_type):
        given = answers.get(item["id"])
        rows.append(
            {**item, "state": given.state if given else "open", "note": given.note if given else ""}
        )
    return rows


def save_checklist(
    session: Session, *, principal: Principal, case_id: str, data: ChecklistIn
) -> list[dict[str, Any]]:
    case = repository.get_case(session, principal, case_id)
    require_handler(session, principal, case)
    require_open(case)
    items = {i["id"]: i for i in guide_items(case.case_type)}
    answers = repository.checklist(session, case.id)
    for n, given in enumerate(data.items):
        item = items.get(given.item_id)
        if item is None:
            raise validation_error(
                f"items[{n}].item_id", f"{given.item_id} is not on this case's checklist"
            )
        found = answers.get(given.item_id)
        if given.state == "open":
            if found is not None:
                session.delete(found)
            continue
        if found is None:
            session.add(
                ChecklistAnswer(
                    case_id=case.id,
                    court_org_id=case.court_org_id,
                    guide=item["guide"],
                    item_id=item["id"],
                    state=given.state,
                    note=given.note,
                )
            )
        else:
            found.state, found.note = given.state, given.note
    session.flush()
    return checklist_view(session, case)


def _report(session: Session, case: CourtCase) -> CaseReport:
    found = repository.report(session, case.id)
    if found is None:
        found = CaseReport(case_id=case.id, court_org_id=case.court_org_id, status="draft")
        session.add(found)
        session.flush()
    return found


def save_analysis(
    session: Session, *, principal: Principal, case_id: str, data: ReportIn
) -> CaseReport:
    case = repository.get_case(session, principal, case_id)
    require_handler(session, principal, case)
    require_open(case)
    found = _report(session, case)
    found.analysis = data.analysis
    session.flush()
    return found


def view(session: Session, *, principal: Principal, case: CourtCase) -> dict[str, Any]:
    """The report as it stands: a final one from its snapshot, a draft assembled live."""
    found = repository.report(session, case.id)
    if found is not None and found.status == "final":
        return {
            **found.snapshot,
            "status": "final",
            "sha256": found.sha256,
            "ledger_index": found.ledger_index,
            "finalized_by": found.finalized_by,
            "finalized_at": found.finalized_at,
        }
    body = _assemble(session, principal, case, found)
    body["gaps"] = [p.as_dict() for p in gaps(session, case, body)]
    return {**body, "status": "draft"}


def _assemble(
    session: Session, principal: Principal, case: CourtCase, found: CaseReport | None
) -> dict[str, Any]:
    latest = repository.latest_searches(session, case.id)
    subs = repository.submissions(session, principal, case.id)
    return {
        "case": {
            "number": case.number,
            "cause": case.cause,
            "court": case.court,
            "judge": case.judge_name,
            "track": case.track,
        },
        "searches": {
            kind: (
                {
                    "id": r.id,
                    "query": r.query,
                    "filters": r.filters,
                    "mode": r.mode,
                    "results": r.results,
                    "searched": r.searched,
                    "run_by": r.run_by,
                    "conclusion": r.conclusion,
                    "at": r.created_at.isoformat(),
                }
                if (r := latest.get(kind))
                else None
            )
            for kind in KINDS
        },
        "submissions": [
            {
                "id": s.id,
                "kind": s.kind,
                "by": s.submitted_by,
                "query": s.query,
                "cited": s.cited,
                "argument": s.argument,
                "status": s.status,
                "position": s.position,
                "answer": s.answer,
                "answered_by": s.answered_by,
            }
            for s in subs
        ],
        "checklist": checklist_view(session, case),
        "analysis": found.analysis if found else "",
    }


def gaps(session: Session, case: CourtCase, body: dict[str, Any]) -> list[FieldProblem]:
    problems = [
        FieldProblem(f"searches.{kind}", "not run yet")
        for kind in KINDS
        if body["searches"][kind] is None
    ]
    pending = repository.pending_submissions(session, case.id)
    if pending:
        problems.append(
            FieldProblem("submissions", f"{pending} submitted search report(s) not answered")
        )
    unanswered = [i["id"] for i in body["checklist"] if i["state"] == "open"]
    if unanswered:
        problems.append(FieldProblem("checklist", "not answered: " + ", ".join(unanswered)))
    if not body["analysis"].strip():
        problems.append(FieldProblem("analysis", "write the judge's analysis"))
    return problems


def finalize(session: Session, *, principal: Principal, case_id: str) -> CaseReport:
    case = repository.get_case(session, principal, case_id, lock=True)
    require_handler(session, principal, case)
    require_open(case)
    found = _report(session, case)
    body = _assemble(session, principal, case, found)
    problems = gaps(session, case, body)
    if problems:
        raise FtzError(
            detail="the report cannot be finalized: "
            + "; ".join(f"{p.field}: {p.reason}" for p in problems),
            status=422,
            title="Invalid input",
            type_slug="validation",
            errors=problems,
        )
    fire(session, CaseFlow, case, "finalize", principal=principal, owner_org_id=case.court_org_id)
    found.snapshot = body
    found.sha256 = digest(body)
    found.status, found.finalized_by, found.finalized_at = "final", principal.display_name, utcnow()
    found.ledger_index = anchor(
        session,
        {"type": "p26.report", "number": case.number, "sha256": found.sha256},
        f"case_handling_report:{found.id}",
    )
    session.flush()
    return found


def reopen(session: Session, case: CourtCase) -> None:
    """A report sent back by the supervisor becomes a draft again (its snapshot is kept in the
    audit trail)."""
    found = repository.report(session, case.id)
    if found is not None:
        found.status, found.finalized_at, found.finalized_by = "draft", None, ""
        session.flush()
