"""p26 cases: registration with parties and linked case numbers, triage by rule (fast track or
full review, rules/triage.json) and the supervision scope (reading and approval or filing,
rules/review_scope.json), edits while the case is open, closing, and the case view."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.audit.service import list_events
from ftz.core.auth import service as accounts
from ftz.core.auth.models import Organization, Role
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, forbidden, validation_error
from ftz.core.kit.pagination import PageParams
from ftz.core.workflow import fire
from ftz.practices.case_handling import repository
from ftz.practices.case_handling.common import anchor, member, require_member, rules
from ftz.practices.case_handling.models import CaseParty, CourtCase, CourtMember
from ftz.practices.case_handling.permissions import JUDGE_POSITIONS
from ftz.practices.case_handling.schemas import (
    CaseIn,
    CaseOut,
    CaseUpdate,
    CloseIn,
    FactsIn,
    PartyOut,
)
from ftz.practices.case_handling.workflow import CaseFlow

BATCH_WINDOW_STATUSES = ("open",)


def _org_id(session: Session, code: str | None, field: str) -> str | None:
    if not code:
        return None
    org = accounts.get_org_by_code(session, code)
    if org is None:
        raise validation_error(field, f"no organization with code {code}")
    return org.id


def _judge(session: Session, principal: Principal, username: str | None) -> tuple[str, str, str]:
    """(user id, display name, court org id) of the judge who will handle the case."""
    if username is None:
        if principal.user_id is None or principal.org_id is None:
            raise validation_error("judge", "name the judge (username)")
        me = member(session, principal)
        if me is None or me.position not in JUDGE_POSITIONS:
            raise validation_error("judge", "you are not a judge of this court: name one")
        return principal.user_id, principal.display_name, principal.org_id
    user = accounts.get_user_by_username(session, username)
    seat = (
        session.scalar(select(CourtMember).where(CourtMember.user_id == user.id)) if user else None
    )
    if user is None or seat is None or seat.position not in JUDGE_POSITIONS:
        raise validation_error("judge", f"{username} is not a judge of a court on the platform")
    if not principal.is_admin and seat.court_org_id != principal.org_id:
        raise validation_error("judge", f"{username} is a judge of another court")
    return user.id, user.display_name, seat.court_org_id


def similar_pending(
    session: Session, case_type: str, plaintiffs: list[str], exclude: str = ""
) -> int:
    """Open cases of the same type brought by the same plaintiff: the batch-handling input."""
    if not plaintiffs:
        return 0
    same = select(CaseParty.case_id).where(
        CaseParty.role == "plaintiff", CaseParty.name.in_(plaintiffs)
    )
    query = select(func.count(CourtCase.id)).where(
        CourtCase.case_type == case_type,
        CourtCase.status.in_(BATCH_WINDOW_STATUSES),
        CourtCase.id.in_(same),
        CourtCase.id != exclude,
    )
    # The case itself counts: three similar cases make a batch.
    return int(session.scalar(query) or 0) + 1


def triage(facts: FactsIn, amount: Decimal, similar: int) -> dict[str, Any]:
    """Track and supervision scope by rule, with the rows that fired."""
    inputs = {**facts.model_dump(), "amount_cny": float(amount), "similar_pending": similar}
    decided = rules().evaluate("triage.json", inputs)
    scope = rules().evaluate(
        "review_scope.json",
        {"four_category": facts.four_category, "track": decided.result["track"]},
    )
    return {
        "inputs": inputs,
        "track": decided.result["track"],
        "procedure": decided.result["procedure"],
        "triage": decided.explanation(),
        "requirement": scope.result["requirement"],
        "review_rule": scope.explanation(),
    }


def _apply_triage(case: CourtCase, outcome: dict[str, Any]) -> None:
    case.facts = outcome["inputs"]
    case.track = outcome["track"]
    case.procedure_hint = outcome["procedure"]
    case.triage = outcome["triage"]
    case.review_requirement = outcome["requirement"]
    case.review_rule = outcome["review_rule"]


def register(session: Session, *, principal: Principal, data: CaseIn) -> CourtCase:
    require_member(session, principal, JUDGE_POSITIONS, "register cases")
    if repository.case_by_number(session, data.number) is not None:
        raise validation_error("number", f"case {data.number} is already registered")
    if not any(p.role == "plaintiff" for p in data.parties) or not any(
        p.role == "defendant" for p in data.parties
    ):
        raise validation_error("parties", "at least one plaintiff and one defendant")
    judge_id, judge_name, court_org_id = _judge(session, principal, data.judge)
    court_org = session.get(Organization, court_org_id)
    assert court_org is not None
    plaintiffs = [p.name for p in data.parties if p.role == "plaintiff"]
    outcome = triage(
        data.facts, data.amount_cny, similar_pending(session, data.case_type, plaintiffs)
    )
    case = CourtCase(
        number=data.number,
        court_org_id=court_org_id,
        court=court_org.name_zh,
        cause=data.cause,
        case_type=data.case_type,
        procedure=data.procedure,
        ftz_enterprise=any(p.ftz_enterprise for p in data.parties),
        claims=data.claims,
        subject_matter=data.subject_matter,
        amount_cny=data.amount_cny,
        filed_on=data.filed_on,
        judge_user_id=judge_id,
        judge_name=judge_name,
        linked_numbers=sorted(set(data.linked_numbers) - {data.number}),
        status="open",
        track="",
        review_requirement="",
    )
    _apply_triage(case, outcome)
    session.add(case)
    session.flush()
    for p in data.parties:
        session.add(
            CaseParty(
                case_id=case.id,
                court_org_id=court_org_id,
                role=p.role,
                name=p.name,
                uscc=p.uscc,
                ftz_enterprise=p.ftz_enterprise,
                org_id=_org_id(session, p.org_code, "parties.org_code"),
                counsel=p.counsel,
                counsel_org_id=_org_id(session, p.counsel_org_code, "parties.counsel_org_code"),
            )
        )
    session.flush()
    case.ledger_index = anchor(
        session,
        {
            "type": "p26.case",
            "number": case.number,
            "track": case.track,
            "filed_on": str(case.filed_on),
        },
        f"case_handling_case:{case.id}",
    )
    return case


def require_handler(session: Session, principal: Principal, case: CourtCase) -> None:
    """The judge assigned to the case (or a president/division chief of its court, or admin)."""
    if principal.is_admin or case.judge_user_id == principal.user_id:
        return
    seat = member(session, principal)
    if (
        seat is not None
        and seat.position in ("president", "division_chief")
        and (seat.court_org_id == case.court_org_id)
    ):
        return
    raise forbidden("only the judge handling this case may do this")


def require_open(case: CourtCase) -> None:
    if case.status != "open":
        raise conflict(f"the case is {case.status}: the report is no longer open for changes")


def update(session: Session, *, principal: Principal, case_id: str, data: CaseUpdate) -> CourtCase:
    case = repository.get_case(session, principal, case_id, lock=True)
    require_handler(session, principal, case)
    require_open(case)
    if data.claims is not None:
        case.claims = data.claims
    if data.subject_matter is not None:
        case.subject_matter = data.subject_matter
    if data.amount_cny is not None:
        case.amount_cny = data.amount_cny
    if data.linked_numbers is not None:
        case.linked_numbers = sorted(set(data.linked_numbers) - {case.number})
    if data.judge is not None:
        case.judge_user_id, case.judge_name, _ = _judge(session, principal, data.judge)
    facts = data.facts or FactsIn.model_validate(
        {k: v for k, v in case.facts.items() if k in FactsIn.model_fields}
    )
    plaintiffs = [
        p.name for p in repository.parties(session, [case.id])[case.id] if p.role == "plaintiff"
    ]
    _apply_triage(
        case,
        triage(
            facts, case.amount_cny, similar_pending(session, case.case_type, plaintiffs, case.id)
        ),
    )
    session.flush()
    return case


def close(session: Session, *, principal: Principal, case_id: str, data: CloseIn) -> CourtCase:
    case = repository.get_case(session, principal, case_id, lock=True)
    require_handler(session, principal, case)
    if data.closed_on < case.filed_on:
        raise validation_error("closed_on", "before the filing date")
    if data.closed_on > date.today():
        raise validation_error("closed_on", "in the future")
    if data.outcome == "judgment":
        if case.status == "open":
            raise conflict("a judgment needs the final case report first")
        if case.review_requirement == "reading_approval" and case.status != "approved":
            raise conflict("this case must be read and approved (阅核) before the judgment issues")
    fire(
        session,
        CaseFlow,
        case,
        "close",
        principal=principal,
        owner_org_id=case.court_org_id,
        note=data.outcome,
    )
    case.outcome = data.outcome
    case.closed_on = data.closed_on
    session.flush()
    anchor(
        session,
        {
            "type": "p26.close",
            "number": case.number,
            "outcome": data.outcome,
            "closed_on": str(data.closed_on),
        },
        f"case_handling_case:{case.id}",
    )
    return case


def case_out(session: Session, case: CourtCase) -> CaseOut:
    out = CaseOut.model_validate(case)
    out.parties = [
        PartyOut.model_validate(p) for p in repository.parties(session, [case.id])[case.id]
    ]
    return out


def history(session: Session, *, principal: Principal, case: CourtCase) -> list[Any]:
    """The case's audit trail (court users and admins; parties see the report and answers)."""
    if principal.is_enterprise:
        return []
    ids = [case.id] + [r.id for r in repository.reviews(session, case.id)]
    ids += [s.id for s in repository.searches(session, case.id)]
    found = repository.report(session, case.id)
    if found is not None:
        ids.append(found.id)
    page = list_events(session, principal=principal, entity_ids=ids, params=PageParams(size=100))
    return list(page.items)


def is_court_user(principal: Principal) -> bool:
    return principal.is_admin or Role.COURT in principal.roles
