"""Every p26 query. Who sees a case: court users of the court that handles it (and admins);
enterprise users whose organization is a party or a party's law firm; nobody else. Another's
case answers 404, exactly like a missing one. Submissions are scoped by `core.auth.scoping`
(an enterprise sees its own organization's)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, false, func, or_, select
from sqlalchemy.orm import Session

from ftz.core.auth import scoping
from ftz.core.auth.models import Role
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.case_handling.models import (
    CaseFinding,
    CaseParty,
    CaseReport,
    CaseReview,
    CaseSearch,
    CaseSubmission,
    ChecklistAnswer,
    CourtCase,
    CourtJudgment,
    SatisfactionSurvey,
)

EXPORT_LIMIT = 50_000
ROLE_ORDER = {"plaintiff": 0, "defendant": 1, "third_party": 2}


def party_case_ids(principal: Principal) -> Select[Any]:
    mine = or_(CaseParty.org_id == principal.org_id, CaseParty.counsel_org_id == principal.org_id)
    return select(CaseParty.case_id).where(mine)


def scoped_cases(query: Select[Any], principal: Principal) -> Select[Any]:
    if principal.is_admin:
        return query
    if Role.COURT in principal.roles and principal.org_id is not None:
        return query.where(CourtCase.court_org_id == principal.org_id)
    if principal.is_enterprise and principal.org_id is not None:
        return query.where(CourtCase.id.in_(party_case_ids(principal)))
    return query.where(false())


def get_case(
    session: Session, principal: Principal, case_id: str, *, lock: bool = False
) -> CourtCase:
    query = scoped_cases(select(CourtCase).where(CourtCase.id == case_id), principal)
    found: CourtCase | None = session.scalar(query.with_for_update() if lock else query)
    if found is None:
        raise not_found("case")
    return found


def case_by_number(session: Session, number: str) -> CourtCase | None:
    return session.scalar(select(CourtCase).where(CourtCase.number == number))


def _case_filters(filters: dict[str, Any]) -> list[Any]:
    clauses: list[Any] = []
    for column in ("status", "track", "case_type"):
        if filters.get(column):
            clauses.append(getattr(CourtCase, column) == filters[column])
    if filters.get("active"):
        clauses.append(CourtCase.status != "closed")
    if filters.get("judge_user_id"):
        clauses.append(CourtCase.judge_user_id == filters["judge_user_id"])
    if filters.get("ftz") in ("yes", "no"):
        clauses.append(CourtCase.ftz_enterprise.is_(filters["ftz"] == "yes"))
    if filters.get("q"):
        like = f"%{filters['q']}%"
        by_party = select(CaseParty.case_id).where(CaseParty.name.like(like))
        clauses.append(
            or_(CourtCase.number.like(like), CourtCase.cause.like(like), CourtCase.id.in_(by_party))
        )
    return clauses


def _ordered_cases(principal: Principal, filters: dict[str, Any]) -> Select[Any]:
    query = scoped_cases(select(CourtCase), principal).where(*_case_filters(filters))
    return query.order_by(CourtCase.filed_on.desc(), CourtCase.number.desc())


def case_page(
    session: Session, principal: Principal, params: PageParams, filters: dict[str, Any]
) -> Page[CourtCase]:
    return paginate_query(session, _ordered_cases(principal, filters), params)


def case_export(session: Session, principal: Principal, filters: dict[str, Any]) -> list[CourtCase]:
    query = _ordered_cases(principal, filters).limit(EXPORT_LIMIT)
    return list(session.scalars(query))


def parties(session: Session, case_ids: list[str]) -> dict[str, list[CaseParty]]:
    found: dict[str, list[CaseParty]] = {cid: [] for cid in case_ids}
    if case_ids:
        query = select(CaseParty).where(CaseParty.case_id.in_(case_ids))
        for party in session.scalars(query.order_by(CaseParty.created_at, CaseParty.id)):
            found[party.case_id].append(party)
        for listed in found.values():  # plaintiffs first, as a case is written
            listed.sort(key=lambda p: ROLE_ORDER.get(p.role, 9))
    return found


def party_of(session: Session, case_id: str, principal: Principal) -> CaseParty | None:
    """The party the enterprise user acts for (its own organization or its law firm's)."""
    mine = or_(CaseParty.org_id == principal.org_id, CaseParty.counsel_org_id == principal.org_id)
    query = select(CaseParty).where(CaseParty.case_id == case_id, mine)
    return session.scalar(query.order_by(CaseParty.role).limit(1))


def searches(session: Session, case_id: str) -> list[CaseSearch]:
    query = select(CaseSearch).where(CaseSearch.case_id == case_id)
    return list(session.scalars(query.order_by(CaseSearch.created_at.desc(), CaseSearch.id.desc())))


def get_search(session: Session, case_id: str, search_id: str) -> CaseSearch:
    found = session.scalar(
        select(CaseSearch).where(CaseSearch.id == search_id, CaseSearch.case_id == case_id)
    )
    if found is None:
        raise not_found("search")
    return found


def latest_searches(session: Session, case_id: str) -> dict[str, CaseSearch]:
    latest: dict[str, CaseSearch] = {}
    for run in searches(session, case_id):
        latest.setdefault(run.kind, run)
    return latest


def submissions(session: Session, principal: Principal, case_id: str) -> list[CaseSubmission]:
    query = scoping.scoped(
        select(CaseSubmission).where(CaseSubmission.case_id == case_id),
        CaseSubmission,
        principal,
        (),
        roles=(Role.COURT,),
    )
    return list(session.scalars(query.order_by(CaseSubmission.created_at, CaseSubmission.id)))


def get_submission(session: Session, principal: Principal, submission_id: str) -> CaseSubmission:
    query = scoping.scoped(
        select(CaseSubmission).where(CaseSubmission.id == submission_id),
        CaseSubmission,
        principal,
        (),
        roles=(Role.COURT,),
    )
    found: CaseSubmission | None = session.scalar(query)
    if found is None:
        raise not_found("submission")
    return found


def pending_submissions(session: Session, case_id: str) -> int:
    query = select(func.count(CaseSubmission.id)).where(
        CaseSubmission.case_id == case_id, CaseSubmission.status == "pending"
    )
    return int(session.scalar(query) or 0)


def report(session: Session, case_id: str) -> CaseReport | None:
    return session.scalar(select(CaseReport).where(CaseReport.case_id == case_id))


def checklist(session: Session, case_id: str) -> dict[str, ChecklistAnswer]:
    query = select(ChecklistAnswer).where(ChecklistAnswer.case_id == case_id)
    return {a.item_id: a for a in session.scalars(query)}


def reviews(session: Session, case_id: str) -> list[CaseReview]:
    query = select(CaseReview).where(CaseReview.case_id == case_id)
    return list(session.scalars(query.order_by(CaseReview.created_at, CaseReview.id)))


def findings(session: Session, case_id: str) -> list[CaseFinding]:
    query = select(CaseFinding).where(CaseFinding.case_id == case_id)
    return list(session.scalars(query.order_by(CaseFinding.created_at, CaseFinding.id)))


def get_finding(session: Session, principal: Principal, finding_id: str) -> CaseFinding:
    found = session.get(CaseFinding, finding_id)
    if found is None:
        raise not_found("finding")
    get_case(session, principal, found.case_id)  # 404 when the case is not visible
    return found


def judgment_page(
    session: Session, params: PageParams, *, q: str = "", court: str = "", case_type: str = ""
) -> Page[CourtJudgment]:
    query = select(CourtJudgment)
    if q:
        like = f"%{q}%"
        query = query.where(
            or_(
                CourtJudgment.number.like(like),
                CourtJudgment.cause.like(like),
                CourtJudgment.facts.like(like),
            )
        )
    if court:
        query = query.where(CourtJudgment.court == court)
    if case_type:
        query = query.where(CourtJudgment.case_type == case_type)
    return paginate_query(
        session, query.order_by(CourtJudgment.decided_on.desc(), CourtJudgment.number), params
    )


def get_judgment(session: Session, judgment_id: str) -> CourtJudgment:
    found = session.get(CourtJudgment, judgment_id)
    if found is None:
        raise not_found("judgment")
    return found


def surveys(session: Session, principal: Principal) -> list[SatisfactionSurvey]:
    query = select(SatisfactionSurvey)
    if not principal.is_admin:
        query = query.where(SatisfactionSurvey.court_org_id == principal.org_id)
    return list(session.scalars(query.order_by(SatisfactionSurvey.year, SatisfactionSurvey.label)))


def cases_for_stats(session: Session, principal: Principal) -> list[CourtCase]:
    return list(session.scalars(scoped_cases(select(CourtCase), principal)))
