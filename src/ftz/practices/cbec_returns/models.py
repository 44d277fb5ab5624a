"""p08 tables: declaration lists (申报清单) with their lines, return declarations, the buyers'
annual quota and the double-entry ledger (every balance is a sum of its entries); the replay
store of idempotency keys is the core's (`core.web.idempotency`). Money is integer fen (cents)
so sums are exact on both databases."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue


class DeclarationList(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "cbec_returns_list"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    order_no: Mapped[str] = mapped_column(String(60))
    buyer_hash: Mapped[str] = mapped_column(String(64), index=True)
    customs_code: Mapped[str] = mapped_column(String(8), index=True)
    release_date: Mapped[date] = mapped_column(index=True)
    regime: Mapped[str] = mapped_column(String(8))
    value_fen: Mapped[int] = mapped_column(BigInteger)
    tax_fen: Mapped[int] = mapped_column(BigInteger)
    # Stored balance of the ledger account tax_due:<id>; reconcile proves it equals the entries.
    tax_due_fen: Mapped[int] = mapped_column(BigInteger)
    why: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)


class ListLine(IdMixin, Base):
    __tablename__ = "cbec_returns_line"
    __table_args__ = (UniqueConstraint("list_id", "line_no"),)

    list_id: Mapped[str] = mapped_column(ForeignKey("cbec_returns_list.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    hs_code: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(100))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_fen: Mapped[int] = mapped_column(BigInteger)
    tax_fen: Mapped[int] = mapped_column(BigInteger)
    # Held by pending return declarations, so two pending returns cannot claim the same units.
    reserved_qty: Mapped[int] = mapped_column(Integer, default=0)
    returned_qty: Mapped[int] = mapped_column(Integer, default=0)


class ReturnDeclaration(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "cbec_returns_return"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    list_id: Mapped[str] = mapped_column(ForeignKey("cbec_returns_list.id"), index=True)
    customs_code: Mapped[str] = mapped_column(String(8), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    declared_on: Mapped[date] = mapped_column()
    zone_entry_date: Mapped[date] = mapped_column()
    month: Mapped[str] = mapped_column(String(7), index=True)
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    items: Mapped[int] = mapped_column(Integer)
    value_fen: Mapped[int] = mapped_column(BigInteger)
    tax_fen: Mapped[int] = mapped_column(BigInteger)
    why: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    decision_note: Mapped[str] = mapped_column(String(500), default="")
    decided_at: Mapped[datetime | None] = mapped_column(default=None)
    ledger_sha256: Mapped[str] = mapped_column(String(64), default="")


class BuyerQuota(IdMixin, Base):
    __tablename__ = "cbec_returns_quota"
    __table_args__ = (UniqueConstraint("buyer_hash", "year"),)

    buyer_hash: Mapped[str] = mapped_column(String(64))
    year: Mapped[int] = mapped_column(Integer)
    used_fen: Mapped[int] = mapped_column(BigInteger, default=0)


class Entry(IdMixin, Base):
    """One leg of a balanced transaction: the legs of one `txn` sum to zero."""

    __tablename__ = "cbec_returns_entry"

    txn: Mapped[str] = mapped_column(String(80), index=True)
    account: Mapped[str] = mapped_column(String(120), index=True)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[datetime] = mapped_column()
