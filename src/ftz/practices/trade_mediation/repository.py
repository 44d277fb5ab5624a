"""Every p19 query; an enterprise sees the cases it filed."""

from __future__ import annotations

from sqlalchemy import Select, false, func, select
from sqlalchemy.orm import Session

from ftz.core.auth.models import Role
from ftz.core.auth.principal import Principal, visibility
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import Page, PageParams, paginate_query
from ftz.practices.trade_mediation.models import Case, Party


def _own(query: Select[Case], principal: Principal) -> Select[Case]:
    seen = visibility(principal, ("mediation",), roles=(Role.NOTARY,))
    if seen == "own":
        return query.where(Case.org_id == principal.org_id)
    return query if seen == "all" else query.where(false())


def get_case(session: Session, principal: Principal, case_id: str) -> Case:
    found = session.scalar(_own(select(Case).where(Case.id == case_id), principal))
    if found is None:
        raise not_found("case")
    return found


def case_by_id(session: Session, case_id: str) -> Case:
    found = session.get(Case, case_id)
    if found is None:
        raise not_found("case")
    return found


def list_cases(
    session: Session,
    principal: Principal,
    params: PageParams,
    *,
    status: str | None = None,
    text: str | None = None,
) -> Page[Case]:
    query = _own(select(Case), principal)
    if status:
        query = query.where(Case.status == status)
    if text:
        query = query.where(Case.number.like(f"%{text}%") | Case.summary.like(f"%{text}%"))
    return paginate_query(session, query.order_by(Case.created_at.desc(), Case.id.desc()), params)


def count_cases(session: Session) -> int:
    return int(session.scalar(select(func.count(Case.id))) or 0)


def statistics(session: Session, principal: Principal) -> dict[str, object]:
    cases = _own(select(Case), principal).subquery()
    by_status: dict[str, int] = dict(
        session.execute(select(cases.c.status, func.count()).group_by(cases.c.status)).all()
    )
    totals = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(cases.c.amount_cny), 0),
            func.count(func.distinct(cases.c.province)),
        )
    ).one()
    countries = session.scalar(
        select(func.count(func.distinct(Party.country))).where(
            Party.case_id.in_(select(cases.c.id)), Party.role == "respondent", Party.country != "CN"
        )
    )
    return {
        "cases": int(totals[0]),
        "amount_cny": int(totals[1]),
        "provinces": int(totals[2]),
        "countries": int(countries or 0),
        "by_status": {str(k): int(v) for k, v in by_status.items()},
        "settled_or_notarized": int(by_status.get("settled", 0))
        + int(by_status.get("notarized", 0)),
    }
