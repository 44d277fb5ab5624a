"""Supervision (案例26 主要做法(二)三): presidents and division chiefs read and approve (阅核)
the final report of the cases the rules put under reading and approval, or send it back with
their note; quality reviewers (评查) record findings on any case, which the judge rectifies.
Every review is anchored in the evidence ledger."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, validation_error
from ftz.core.workflow import fire
from ftz.practices.case_handling import repository
from ftz.practices.case_handling.common import anchor, require_member
from ftz.practices.case_handling.models import CaseFinding, CaseReview, SatisfactionSurvey
from ftz.practices.case_handling.permissions import APPROVERS, QUALITY_REVIEWERS
from ftz.practices.case_handling.reporting import reopen
from ftz.practices.case_handling.schemas import RectifyIn, ReviewIn, SurveyIn
from ftz.practices.case_handling.service import require_handler
from ftz.practices.case_handling.workflow import CaseFlow

OUTCOMES = {"reading_approval": ("approved", "returned"), "quality_review": ("passed", "findings")}


def review(session: Session, *, principal: Principal, case_id: str, data: ReviewIn) -> CaseReview:
    case = repository.get_case(session, principal, case_id, lock=True)
    if data.outcome not in OUTCOMES[data.kind]:
        raise validation_error(
            "outcome", f"for {data.kind}: one of {', '.join(OUTCOMES[data.kind])}"
        )
    if data.outcome in ("returned", "findings") and not (data.note.strip() or data.findings):
        raise validation_error("note", "say why the report goes back or what was found")
    if data.outcome == "findings" and not data.findings:
        raise validation_error("findings", "record at least one finding")
    if data.kind == "reading_approval":
        seat = require_member(session, principal, APPROVERS, "read and approve (阅核)")
        if case.status != "report_final":
            raise conflict("reading and approval needs a final report awaiting approval")
        event = "approve" if data.outcome == "approved" else "send_back"
        fire(
            session,
            CaseFlow,
            case,
            event,
            principal=principal,
            owner_org_id=case.court_org_id,
            note=data.note,
        )
        if event == "send_back":
            reopen(session, case)
    else:
        seat = require_member(session, principal, QUALITY_REVIEWERS, "record a quality review")
        if case.status == "open":
            raise conflict("a quality review reads a final report or a closed case")
    made = CaseReview(
        case_id=case.id,
        court_org_id=case.court_org_id,
        kind=data.kind,
        outcome=data.outcome,
        reviewer=principal.display_name,
        position=seat.position if seat else "admin",
        note=data.note,
    )
    session.add(made)
    session.flush()
    for item in data.findings:
        session.add(
            CaseFinding(
                review_id=made.id,
                case_id=case.id,
                court_org_id=case.court_org_id,
                category=item.category,
                severity=item.severity,
                description=item.description,
            )
        )
    made.ledger_index = anchor(
        session,
        {
            "type": f"p26.{data.kind}",
            "number": case.number,
            "outcome": data.outcome,
            "reviewer": made.reviewer,
        },
        f"case_handling_review:{made.id}",
    )
    session.flush()
    return made


def rectify(
    session: Session, *, principal: Principal, finding_id: str, data: RectifyIn
) -> CaseFinding:
    found = repository.get_finding(session, principal, finding_id)
    case = repository.get_case(session, principal, found.case_id)
    require_handler(session, principal, case)
    if found.status == "rectified":
        raise conflict("this finding has been rectified")
    found.status, found.rectification = "rectified", data.rectification
    session.flush()
    return found


def record_survey(session: Session, *, principal: Principal, data: SurveyIn) -> SatisfactionSurvey:
    seat = require_member(session, principal, APPROVERS, "record satisfaction surveys")
    if data.satisfied > data.respondents:
        raise validation_error("satisfied", "more satisfied than respondents")
    court_org_id = seat.court_org_id if seat else principal.org_id
    if court_org_id is None:
        raise validation_error("court", "record surveys as a member of a court")
    duplicate = select(SatisfactionSurvey.id).where(
        SatisfactionSurvey.court_org_id == court_org_id,
        SatisfactionSurvey.year == data.year,
        SatisfactionSurvey.label == data.label,
    )
    if session.scalar(duplicate) is not None:
        raise validation_error(
            "label", f"a survey {data.label!r} of {data.year} is recorded already"
        )
    made = SatisfactionSurvey(
        court_org_id=court_org_id,
        year=data.year,
        label=data.label,
        respondents=data.respondents,
        satisfied=data.satisfied,
    )
    session.add(made)
    session.flush()
    return made
