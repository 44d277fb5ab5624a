"""p26 HTTP API: cases, the three searches, submissions and answers, checklists, the report,
reviews, statistics. The legal search and the judgments are in `search_endpoints`."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageOut, PageParams, page_params
from ftz.practices.case_handling import (
    reporting,
    repository,
    searches,
    service,
    statistics,
    supervision,
)
from ftz.practices.case_handling.schemas import (
    AnswerIn,
    CaseIn,
    CaseOut,
    CaseUpdate,
    ChecklistIn,
    CloseIn,
    ConclusionIn,
    RectifyIn,
    ReportIn,
    ReviewIn,
    SearchIn,
    SearchOut,
    SubmissionIn,
    SubmissionOut,
    SurveyIn,
)
from ftz.practices.case_handling.search_endpoints import router as search_router

router = APIRouter()
router.include_router(search_router)
DB = Depends(get_db, scope="function")
READ = Depends(require("case_handling.read"))
JUDGE = Depends(require("case_handling.judge"))
SUPERVISE = Depends(require("case_handling.supervise"))
SUBMIT = Depends(require("case_handling.submit"))
STATS = Depends(require("case_handling.stats"))


def case_filters(
    q: str = Query("", max_length=100),
    status: str = Query("", pattern="^(open|report_final|approved|closed|)$"),
    track: str = Query("", pattern="^(fast|full|)$"),
    case_type: str = Query("", max_length=32),
    ftz: str = Query("", pattern="^(yes|no|)$"),
) -> dict[str, Any]:
    return {"q": q, "status": status, "track": track, "case_type": case_type, "ftz": ftz}


@router.get("/cases")
def list_cases(
    filters: dict[str, Any] = Depends(case_filters),
    mine: bool = False,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    who: Principal = READ,
) -> PageOut[CaseOut]:
    if mine:
        filters["judge_user_id"] = who.user_id
    page = repository.case_page(session, who, params, filters)
    return PageOut[CaseOut].of(page, [service.case_out(session, c) for c in page.items])


@router.post("/cases", status_code=201)
def register(body: CaseIn, session: Session = DB, who: Principal = JUDGE) -> CaseOut:
    return service.case_out(session, service.register(session, principal=who, data=body))


@router.get("/cases/{case_id}")
def get_case(case_id: str, session: Session = DB, who: Principal = READ) -> CaseOut:
    return service.case_out(session, repository.get_case(session, who, case_id))


@router.patch("/cases/{case_id}")
def update_case(
    case_id: str, body: CaseUpdate, session: Session = DB, who: Principal = JUDGE
) -> CaseOut:
    case = service.update(session, principal=who, case_id=case_id, data=body)
    return service.case_out(session, case)


@router.post("/cases/{case_id}/close")
def close_case(
    case_id: str, body: CloseIn, session: Session = DB, who: Principal = JUDGE
) -> CaseOut:
    return service.case_out(
        session, service.close(session, principal=who, case_id=case_id, data=body)
    )


@router.get("/cases/{case_id}/history")
def history(case_id: str, session: Session = DB, who: Principal = READ) -> list[dict[str, Any]]:
    case = repository.get_case(session, who, case_id)
    return [
        {
            "at": e.occurred_at,
            "by": e.actor_username,
            "action": e.action,
            "entity": e.entity_type,
            "changes": e.changes,
        }
        for e in service.history(session, principal=who, case=case)
    ]


@router.get("/cases/{case_id}/searches")
def list_searches(case_id: str, session: Session = DB, who: Principal = READ) -> list[SearchOut]:
    case = repository.get_case(session, who, case_id)
    return [SearchOut.model_validate(s) for s in repository.searches(session, case.id)]


@router.post("/cases/{case_id}/searches", status_code=201)
def run_search(
    case_id: str, body: SearchIn, session: Session = DB, who: Principal = JUDGE
) -> SearchOut:
    return SearchOut.model_validate(
        searches.run(session, principal=who, case_id=case_id, data=body)
    )


@router.post("/cases/{case_id}/searches/{search_id}/conclusion")
def conclude(
    case_id: str,
    search_id: str,
    body: ConclusionIn,
    session: Session = DB,
    who: Principal = JUDGE,
) -> SearchOut:
    saved = searches.conclude(
        session, principal=who, case_id=case_id, search_id=search_id, conclusion=body.conclusion
    )
    return SearchOut.model_validate(saved)


@router.get("/cases/{case_id}/submissions")
def list_submissions(
    case_id: str, session: Session = DB, who: Principal = READ
) -> list[SubmissionOut]:
    case = repository.get_case(session, who, case_id)
    return [SubmissionOut.model_validate(s) for s in repository.submissions(session, who, case.id)]


@router.post("/cases/{case_id}/submissions", status_code=201)
def submit(
    case_id: str, body: SubmissionIn, session: Session = DB, who: Principal = SUBMIT
) -> SubmissionOut:
    made = reporting.submit(session, principal=who, case_id=case_id, data=body)
    return SubmissionOut.model_validate(made)


@router.post("/submissions/{submission_id}/answer")
def answer(
    submission_id: str, body: AnswerIn, session: Session = DB, who: Principal = JUDGE
) -> SubmissionOut:
    done = reporting.answer(session, principal=who, submission_id=submission_id, data=body)
    return SubmissionOut.model_validate(done)


@router.get("/cases/{case_id}/checklist")
def checklist(case_id: str, session: Session = DB, who: Principal = READ) -> list[dict[str, Any]]:
    return reporting.checklist_view(session, repository.get_case(session, who, case_id))


@router.put("/cases/{case_id}/checklist")
def save_checklist(
    case_id: str, body: ChecklistIn, session: Session = DB, who: Principal = JUDGE
) -> list[dict[str, Any]]:
    return reporting.save_checklist(session, principal=who, case_id=case_id, data=body)


@router.get("/cases/{case_id}/report")
def report(case_id: str, session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    case = repository.get_case(session, who, case_id)
    return reporting.view(session, principal=who, case=case)


@router.put("/cases/{case_id}/report")
def save_report(
    case_id: str, body: ReportIn, session: Session = DB, who: Principal = JUDGE
) -> dict[str, Any]:
    reporting.save_analysis(session, principal=who, case_id=case_id, data=body)
    return reporting.view(session, principal=who, case=repository.get_case(session, who, case_id))


@router.post("/cases/{case_id}/report/finalize")
def finalize(case_id: str, session: Session = DB, who: Principal = JUDGE) -> dict[str, Any]:
    reporting.finalize(session, principal=who, case_id=case_id)
    return reporting.view(session, principal=who, case=repository.get_case(session, who, case_id))


@router.get("/cases/{case_id}/reviews")
def reviews(case_id: str, session: Session = DB, who: Principal = READ) -> dict[str, Any]:
    case = repository.get_case(session, who, case_id)
    return {
        "reviews": [
            {
                "id": r.id,
                "kind": r.kind,
                "outcome": r.outcome,
                "reviewer": r.reviewer,
                "position": r.position,
                "note": r.note,
                "at": r.created_at,
                "ledger_index": r.ledger_index,
            }
            for r in repository.reviews(session, case.id)
        ],
        "findings": [
            {
                "id": f.id,
                "review_id": f.review_id,
                "category": f.category,
                "severity": f.severity,
                "description": f.description,
                "status": f.status,
                "rectification": f.rectification,
            }
            for f in repository.findings(session, case.id)
        ],
    }


@router.post("/cases/{case_id}/reviews", status_code=201)
def record_review(
    case_id: str, body: ReviewIn, session: Session = DB, who: Principal = SUPERVISE
) -> dict[str, Any]:
    made = supervision.review(session, principal=who, case_id=case_id, data=body)
    case = repository.get_case(session, who, case_id)
    return {
        "id": made.id,
        "kind": made.kind,
        "outcome": made.outcome,
        "case_status": case.status,
        "ledger_index": made.ledger_index,
    }


@router.post("/findings/{finding_id}/rectify")
def rectify(
    finding_id: str, body: RectifyIn, session: Session = DB, who: Principal = JUDGE
) -> dict[str, Any]:
    done = supervision.rectify(session, principal=who, finding_id=finding_id, data=body)
    return {"id": done.id, "status": done.status, "rectification": done.rectification}


@router.get("/statistics")
def stats(
    start: date | None = Query(None, alias="from"),
    end: date | None = Query(None, alias="to"),
    session: Session = DB,
    who: Principal = STATS,
) -> dict[str, Any]:
    return statistics.compute(session, principal=who, start=start, end=end)


@router.get("/surveys")
def surveys(session: Session = DB, who: Principal = STATS) -> list[dict[str, Any]]:
    return [
        {
            "id": s.id,
            "year": s.year,
            "label": s.label,
            "respondents": s.respondents,
            "satisfied": s.satisfied,
        }
        for s in repository.surveys(session, who)
    ]


@router.post("/surveys", status_code=201)
def record_survey(
    body: SurveyIn, session: Session = DB, who: Principal = SUPERVISE
) -> dict[str, Any]:
    made = supervision.record_survey(session, principal=who, data=body)
    return {
        "id": made.id,
        "year": made.year,
        "label": made.label,
        "respondents": made.respondents,
        "satisfied": made.satisfied,
    }
