"""The officer's indicator operations over the ledger in `indicators`: the province's yearly
quota, allocations to cities and counties, transfers between them, withdrawals back to the
province, and the use and release that licences post. Each is one balanced posting, refused
whole when an account would be overdrawn."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import validation_error
from ftz.practices.leisure_fishery import reference
from ftz.practices.leisure_fishery.indicators import (
    Amount,
    area,
    open_year,
    post,
    province,
    quota_total,
    source,
    used,
)
from ftz.practices.leisure_fishery.models import IndicatorTxn
from ftz.practices.leisure_fishery.service import require_fishery


def _area(code: str, field: str) -> None:
    if code not in reference.coastal_codes():
        raise validation_error(field, f"{code} is not a coastal city or county of Hainan")


def set_quota(
    session: Session, *, principal: Principal, year: int, total: Amount, note: str
) -> IndicatorTxn | None:
    """Set the year's provincial total; lowering it below what is allocated is refused."""
    require_fishery(principal, "set the province's indicator quota")
    open_year(session, year)
    change = total - quota_total(session, year)
    if change.is_zero:
        return None
    return post(
        session,
        principal=principal,
        kind="quota",
        year=year,
        debit=source(year),
        credit=province(year),
        amount=change,
        note=note,
    )


def allocate(
    session: Session, *, principal: Principal, year: int, code: str, amount: Amount, note: str
) -> IndicatorTxn:
    require_fishery(principal, "allocate indicators")
    _area(code, "area_code")
    _positive(amount)
    return post(
        session,
        principal=principal,
        kind="allocate",
        year=year,
        debit=province(year),
        credit=area(code, year),
        amount=amount,
        note=note,
    )


def withdraw(
    session: Session, *, principal: Principal, year: int, code: str, amount: Amount, note: str
) -> IndicatorTxn:
    """Return unused indicators of an area to the province's pool."""
    require_fishery(principal, "withdraw indicators")
    _area(code, "area_code")
    _positive(amount)
    return post(
        session,
        principal=principal,
        kind="withdraw",
        year=year,
        debit=area(code, year),
        credit=province(year),
        amount=amount,
        note=note,
    )


def transfer(
    session: Session,
    *,
    principal: Principal,
    year: int,
    from_code: str,
    to_code: str,
    amount: Amount,
    note: str,
) -> IndicatorTxn:
    require_fishery(principal, "transfer indicators")
    _area(from_code, "from_area")
    _area(to_code, "to_area")
    if from_code == to_code:
        raise validation_error("to_area", "a transfer needs two different cities or counties")
    _positive(amount)
    return post(
        session,
        principal=principal,
        kind="transfer",
        year=year,
        debit=area(from_code, year),
        credit=area(to_code, year),
        amount=amount,
        note=note,
    )


def use(
    session: Session,
    *,
    principal: Principal,
    year: int,
    code: str,
    amount: Amount,
    licence_id: str,
    note: str,
) -> IndicatorTxn:
    """A licence takes its vessel's indicator from its home area's allocation for the year, so
    licences never exceed the indicators (捕捞许可证的批准发放不得超过船网工具控制指标)."""
    return post(
        session,
        principal=principal,
        kind="use",
        year=year,
        debit=area(code, year),
        credit=used(code, year),
        amount=amount,
        note=note,
        licence_id=licence_id,
    )


def release(
    session: Session,
    *,
    principal: Principal,
    year: int,
    code: str,
    amount: Amount,
    licence_id: str,
    note: str,
) -> IndicatorTxn:
    return post(
        session,
        principal=principal,
        kind="release",
        year=year,
        debit=used(code, year),
        credit=area(code, year),
        amount=amount,
        note=note,
        licence_id=licence_id,
    )


def _positive(amount: Amount) -> None:
    if amount.is_zero:
        raise validation_error("vessels", "give at least one vessel, kW or gear unit to move")


def journal_query(*, year: int, area_code: str = "", kind: str = "") -> Any:
    query = select(IndicatorTxn).where(IndicatorTxn.year == year)
    if area_code:
        query = query.where(
            or_(
                IndicatorTxn.from_account.like(f"%:{area_code}:%"),
                IndicatorTxn.to_account.like(f"%:{area_code}:%"),
            )
        )
    if kind:
        query = query.where(IndicatorTxn.kind == kind)
    return query.order_by(IndicatorTxn.at.desc(), IndicatorTxn.id.desc())
