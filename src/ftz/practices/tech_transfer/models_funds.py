"""p15 funds and talent. Horizontal research projects whose accepted surplus (横向科研结余经费)
may be contributed in cash to the unit's pool; the pool as double-entry transactions (legs of a
transaction sum to zero; the pool's balance is the sum of its legs and never negative, also as a
CHECK constraint); the talent records and title evaluations of technology-transfer staff."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue


class Project(Audited, IdMixin, TimestampMixin, Base):
    """A horizontal (enterprise-commissioned) research project and its surplus."""

    __tablename__ = "tech_transfer_project"
    __table_args__ = (UniqueConstraint("org_id", "code"),)

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    sponsor: Mapped[str] = mapped_column(String(200))
    lead_id: Mapped[str | None] = mapped_column(
        ForeignKey("tech_transfer_researcher.id"), default=None
    )
    contract_fen: Mapped[int] = mapped_column(BigInteger)
    spent_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    status: Mapped[str] = mapped_column(String(16), index=True)  # open / closed
    closed_on: Mapped[date | None] = mapped_column(default=None)
    accepted: Mapped[bool] = mapped_column(Boolean, default=False)  # 结题验收通过
    surplus_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    contributed_fen: Mapped[int] = mapped_column(BigInteger, default=0)


class Pool(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "tech_transfer_pool"
    __table_args__ = (CheckConstraint("balance_fen >= 0", name="balance_not_negative"),)

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), unique=True)
    # Kept equal to the sum of the pool account's legs (checked by reconcile) so the CHECK
    # constraint guards the invariant in the database itself.
    balance_fen: Mapped[int] = mapped_column(BigInteger, default=0)


class PoolTxn(Audited, IdMixin, TimestampMixin, Base):
    """One movement of the pool: contribution, investment or return, with its legs."""

    __tablename__ = "tech_transfer_pool_txn"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    project_id: Mapped[str | None] = mapped_column(
        ForeignKey("tech_transfer_project.id"), default=None
    )
    transfer_id: Mapped[str | None] = mapped_column(
        ForeignKey("tech_transfer_transfer.id"), default=None
    )
    booked_on: Mapped[date] = mapped_column(index=True)
    memo: Mapped[str] = mapped_column(String(500), default="")
    balance_after_fen: Mapped[int] = mapped_column(BigInteger)
    why: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    ledger_sha256: Mapped[str] = mapped_column(String(64), default="")


class PoolEntry(IdMixin, Base):
    """One leg; the legs of a transaction sum to zero (append-only, audited through the txn)."""

    __tablename__ = "tech_transfer_pool_entry"

    txn_id: Mapped[str] = mapped_column(ForeignKey("tech_transfer_pool_txn.id"), index=True)
    account: Mapped[str] = mapped_column(String(120), index=True)
    amount_fen: Mapped[int] = mapped_column(BigInteger)


class TalentRecord(Audited, IdMixin, TimestampMixin, Base):
    """Proof of concept, pilot, industrialisation or transfer-service work of a researcher."""

    __tablename__ = "tech_transfer_talent_record"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    researcher_id: Mapped[str] = mapped_column(
        ForeignKey("tech_transfer_researcher.id"), index=True
    )
    kind: Mapped[str] = mapped_column(String(24))
    title: Mapped[str] = mapped_column(String(200))
    done_on: Mapped[date] = mapped_column()
    value_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    transfer_id: Mapped[str | None] = mapped_column(
        ForeignKey("tech_transfer_transfer.id"), default=None
    )
    evidence: Mapped[str] = mapped_column(String(500), default="")


class Evaluation(Audited, IdMixin, TimestampMixin, Base):
    """A title evaluation on one path and level: the criteria met, then the committee's result."""

    __tablename__ = "tech_transfer_evaluation"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    researcher_id: Mapped[str] = mapped_column(
        ForeignKey("tech_transfer_researcher.id"), index=True
    )
    path: Mapped[str] = mapped_column(String(24))
    level: Mapped[str] = mapped_column(String(16))
    year: Mapped[int] = mapped_column(Integer, index=True)
    metrics: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    criteria: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    eligible: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(16), index=True)
    decided_on: Mapped[date | None] = mapped_column(default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    ledger_sha256: Mapped[str] = mapped_column(String(64), default="")
