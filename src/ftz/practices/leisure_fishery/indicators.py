"""The province's vessel and gear control indicators (船网工具控制指标: vessel count, main engine
power, gear units) as a double-entry ledger per year. Accounts:

- `source:<year>`: where the year's quota comes from (the only account allowed below zero);
- `province:<year>`: the province's quota not yet allocated;
- `area:<code>:<year>`: allocated to a city or county, not yet used;
- `used:<code>:<year>`: used by the licences issued there that year.

Every movement is one transaction whose legs sum to zero in each of the three dimensions. The
accounts it touches are locked in name order (SELECT … FOR UPDATE on PostgreSQL; SQLite's
BEGIN IMMEDIATE already queues writers) and checked before anything is written, so concurrent
allocations can never over-allocate; the table's check constraint is the last guard. Stored
balances are proved equal to the sums of their entries by `reconcile`."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.errors import conflict
from ftz.core.ledger import service as ledger
from ftz.practices.leisure_fishery import reference
from ftz.practices.leisure_fishery.models import IndicatorBalance, IndicatorEntry, IndicatorTxn
from ftz.practices.leisure_fishery.schemas import IndicatorAmount
from ftz.practices.leisure_fishery.service import watts

DIMENSIONS = ("vessels", "power_w", "gear_units")


@dataclass(frozen=True)
class Amount:
    vessels: int = 0
    power_w: int = 0
    gear_units: int = 0

    def __neg__(self) -> Amount:
        return Amount(-self.vessels, -self.power_w, -self.gear_units)

    def __add__(self, other: Amount) -> Amount:
        return Amount(
            self.vessels + other.vessels,
            self.power_w + other.power_w,
            self.gear_units + other.gear_units,
        )

    def __sub__(self, other: Amount) -> Amount:
        return Amount(
            self.vessels - other.vessels,
            self.power_w - other.power_w,
            self.gear_units - other.gear_units,
        )

    @property
    def is_zero(self) -> bool:
        return not (self.vessels or self.power_w or self.gear_units)

    def as_dict(self) -> dict[str, Any]:
        return {
            "vessels": self.vessels,
            "power_kw": self.power_w / 1000,
            "gear_units": self.gear_units,
        }


def amount_of(body: IndicatorAmount) -> Amount:
    return Amount(body.vessels, watts(body.power_kw), body.gear_units)


def source(year: int) -> str:
    return f"source:{year}"


def province(year: int) -> str:
    return f"province:{year}"


def area(code: str, year: int) -> str:
    return f"area:{code}:{year}"


def used(code: str, year: int) -> str:
    return f"used:{code}:{year}"


def _of(row: IndicatorBalance) -> Amount:
    return Amount(row.vessels, row.power_w, row.gear_units)


def open_year(session: Session, year: int) -> None:
    """Create the year's accounts (all 19 areas), so later postings only lock existing rows."""
    have = set(
        session.scalars(select(IndicatorBalance.account).where(IndicatorBalance.year == year))
    )
    wanted = [(source(year), "source", "460000"), (province(year), "province", "460000")]
    for code in reference.coastal_codes():
        wanted += [(area(code, year), "area", code), (used(code, year), "used", code)]
    for account, kind, code in wanted:
        if account not in have:
            session.add(
                IndicatorBalance(
                    account=account,
                    kind=kind,
                    year=year,
                    area_code=code,
                    vessels=0,
                    power_w=0,
                    gear_units=0,
                )
            )
    session.flush()


def _locked(session: Session, accounts: list[str]) -> dict[str, IndicatorBalance]:
    query = (
        select(IndicatorBalance)
        .where(IndicatorBalance.account.in_(accounts))
        .order_by(IndicatorBalance.account)
        .with_for_update()
    )
    found = {row.account: row for row in session.scalars(query)}
    missing = sorted(set(accounts) - set(found))
    if missing:
        raise conflict(
            f"no indicator account {missing[0]}: set the province's quota for the year first"
        )
    return found


def post(
    session: Session,
    *,
    principal: Principal,
    kind: str,
    year: int,
    debit: str,
    credit: str,
    amount: Amount,
    note: str = "",
    licence_id: str | None = None,
) -> IndicatorTxn:
    """Move `amount` from `debit` to `credit` (two legs, balanced by construction); refuse it
    whole if an account other than the source would go below zero in any dimension, naming the
    account and what it has left."""
    legs = {debit: -amount, credit: amount}
    rows = _locked(session, sorted(legs))
    for account, change in legs.items():
        row = rows[account]
        after = _of(row) + change
        if row.kind != "source":
            for dim in DIMENSIONS:
                if getattr(after, dim) < 0:
                    raise conflict(
                        f"{account}: {_unit(dim, getattr(row, dim))} left, "
                        f"{_unit(dim, -getattr(change, dim))} asked; indicators are "
                        "never over-allocated"
                    )
        row.vessels, row.power_w, row.gear_units = after.vessels, after.power_w, after.gear_units
    txn = IndicatorTxn(
        year=year,
        kind=kind,
        from_account=debit,
        to_account=credit,
        vessels=amount.vessels,
        power_w=amount.power_w,
        gear_units=amount.gear_units,
        licence_id=licence_id,
        note=note,
        actor=principal.username,
        at=utcnow(),
    )
    session.add(txn)
    session.flush()
    session.add_all(
        IndicatorEntry(
            txn_id=txn.id, account=a, vessels=x.vessels, power_w=x.power_w, gear_units=x.gear_units
        )
        for a, x in legs.items()
    )
    entry = ledger.canonical(
        {
            "type": "leisure-fishery-indicator",
            "txn": txn.id,
            "kind": kind,
            "year": year,
            "from": debit,
            "to": credit,
            "amount": [amount.vessels, amount.power_w, amount.gear_units],
            "licence": licence_id,
            "at": txn.at.isoformat(),
        }
    )
    ledger.enqueue(session, ledger.EVIDENCE_LOG, entry, f"leisure_fishery_indicator_txn:{txn.id}")
    txn.ledger_sha256 = hashlib.sha256(entry).hexdigest()
    session.flush()
    return txn


def _unit(dim: str, value: int) -> str:
    return f"{value / 1000:g} kW" if dim == "power_w" else f"{value} {dim.replace('_', ' ')}"


def quota_total(session: Session, year: int) -> Amount:
    row = session.scalar(select(IndicatorBalance).where(IndicatorBalance.account == source(year)))
    return -_of(row) if row is not None else Amount()


def balances(session: Session, year: int) -> dict[str, Amount]:
    rows = session.scalars(select(IndicatorBalance).where(IndicatorBalance.year == year))
    return {row.account: _of(row) for row in rows}


def summary(session: Session, year: int) -> dict[str, Any]:
    """The year at a glance: quota, unallocated, and per area allocated / used / available."""
    have = balances(session, year)
    rows = []
    for code in reference.coastal_codes():
        free, spent = have.get(area(code, year), Amount()), have.get(used(code, year), Amount())
        allocated = free + spent
        rows.append(
            {
                "area_code": code,
                "allocated": allocated.as_dict(),
                "used": spent.as_dict(),
                "available": free.as_dict(),
            }
        )
    return {
        "year": year,
        "quota": quota_total(session, year).as_dict(),
        "unallocated": have.get(province(year), Amount()).as_dict(),
        "areas": rows,
    }


def reconcile(session: Session) -> dict[str, Any]:
    """Every stored balance equals the sum of its entries; every transaction sums to zero."""
    sums = {
        str(a): Amount(int(v), int(p), int(g))
        for a, v, p, g in session.execute(
            select(
                IndicatorEntry.account,
                func.sum(IndicatorEntry.vessels),
                func.sum(IndicatorEntry.power_w),
                func.sum(IndicatorEntry.gear_units),
            ).group_by(IndicatorEntry.account)
        )
    }
    problems: list[dict[str, Any]] = []
    for txn, v, p, g in session.execute(
        select(
            IndicatorEntry.txn_id,
            func.sum(IndicatorEntry.vessels),
            func.sum(IndicatorEntry.power_w),
            func.sum(IndicatorEntry.gear_units),
        ).group_by(IndicatorEntry.txn_id)
    ):
        if int(v) or int(p) or int(g):
            problems.append({"txn": txn, "problem": "unbalanced"})
    accounts = 0
    for row in session.scalars(select(IndicatorBalance)):
        accounts += 1
        entries = sums.get(row.account, Amount())
        if entries != _of(row):
            problems.append(
                {"account": row.account, "stored": _of(row).as_dict(), "entries": entries.as_dict()}
            )
        if row.kind != "source" and min(row.vessels, row.power_w, row.gear_units) < 0:
            problems.append({"account": row.account, "problem": "overdrawn"})
    return {"ok": not problems, "accounts": accounts, "problems": problems}
