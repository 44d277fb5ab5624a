"""p15 income and rewards: every receipt of a transfer with its deductible costs, net income and
the inventors' reward computed by rules/reward_share.json; one reward line per inventor (cash,
or equity for an investment), so each researcher reads exactly what is theirs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue


class Income(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "tech_transfer_income"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    transfer_id: Mapped[str] = mapped_column(ForeignKey("tech_transfer_transfer.id"), index=True)
    received_on: Mapped[date] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(24))
    gross_fen: Mapped[int] = mapped_column(BigInteger)
    costs: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    costs_fen: Mapped[int] = mapped_column(BigInteger)
    net_fen: Mapped[int] = mapped_column(BigInteger)
    reward_rate: Mapped[Decimal] = mapped_column(Numeric(5, 4))
    reward_fen: Mapped[int] = mapped_column(BigInteger)
    why: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    steps: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    ledger_sha256: Mapped[str] = mapped_column(String(64), default="")


class RewardLine(Audited, IdMixin, TimestampMixin, Base):
    """An inventor's part of one reward: cash from an income, or equity from an investment."""

    __tablename__ = "tech_transfer_reward"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    transfer_id: Mapped[str] = mapped_column(ForeignKey("tech_transfer_transfer.id"), index=True)
    income_id: Mapped[str | None] = mapped_column(
        ForeignKey("tech_transfer_income.id"), index=True, default=None
    )
    researcher_id: Mapped[str] = mapped_column(
        ForeignKey("tech_transfer_researcher.id"), index=True
    )
    share_pct: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    amount_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    equity_pct: Mapped[Decimal] = mapped_column(Numeric(9, 6), default=Decimal(0))
    rule_row: Mapped[str] = mapped_column(String(40))
