"""p15 tables. The registry of service inventions (职务科技成果) is the research office's own
register, apart from the state-asset ledger: achievements with their inventors and shares, the
researchers, the office's members and the pilot units admitted by the province. Transfers carry
the unit's internal decision and the due-diligence exemption record; income and rewards
(`models_money`), the surplus-fund pool and the talent evaluations (`models_funds`) live beside.
Money is integer fen so sums are exact on both databases."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue


class PilotUnit(Audited, IdMixin, TimestampMixin, Base):
    """A unit admitted to the "three reforms" pilot by the provincial department."""

    __tablename__ = "tech_transfer_pilot_unit"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), unique=True)
    kind: Mapped[str] = mapped_column(String(24), index=True)
    prefix: Mapped[str] = mapped_column(String(8), unique=True)  # of its registry numbers
    joined_on: Mapped[date] = mapped_column()
    batch: Mapped[str] = mapped_column(String(60), default="")
    # Which rows of rules/reward_share.json apply: the unit's own rule, or the statutory one.
    reward_policy: Mapped[str] = mapped_column(String(40), default="statutory")


class OfficeMember(Audited, IdMixin, TimestampMixin, Base):
    """A user of the unit's tech-transfer office (科研管理部门 / 技术转移中心)."""

    __tablename__ = "tech_transfer_office_member"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("core_user.id"), unique=True)
    position: Mapped[str] = mapped_column(String(100), default="")


class Researcher(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "tech_transfer_researcher"
    __table_args__ = (UniqueConstraint("org_id", "staff_no"),)

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    staff_no: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100), index=True)
    college: Mapped[str] = mapped_column(String(100), index=True)
    # teaching_research (教学科研型) or engineering (工程系列, full-time transfer staff)
    series: Mapped[str] = mapped_column(String(24))
    title_level: Mapped[str] = mapped_column(String(16))  # junior / intermediate / associate / full
    title_since: Mapped[date] = mapped_column()
    manager_certified: Mapped[bool] = mapped_column(Boolean, default=False)  # 技术经理人
    user_id: Mapped[str | None] = mapped_column(
        ForeignKey("core_user.id"), unique=True, default=None
    )


class Achievement(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "tech_transfer_achievement"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    title: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)  # patent / software / know_how
    ip_number: Mapped[str] = mapped_column(String(24), default="", index=True)
    patent_type: Mapped[str] = mapped_column(String(16), default="")
    college: Mapped[str] = mapped_column(String(100), index=True)
    field: Mapped[str] = mapped_column(String(100), default="")
    completed_on: Mapped[date] = mapped_column(index=True)
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), index=True)
    disclosed_by: Mapped[str] = mapped_column(String(64), default="")
    registered_on: Mapped[date | None] = mapped_column(default=None)
    # The separate-listing basis recorded at registration (rule rows with their sources).
    basis: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)


class Inventor(Audited, IdMixin, Base):
    __tablename__ = "tech_transfer_inventor"
    __table_args__ = (UniqueConstraint("achievement_id", "researcher_id"),)

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    achievement_id: Mapped[str] = mapped_column(
        ForeignKey("tech_transfer_achievement.id"), index=True
    )
    researcher_id: Mapped[str] = mapped_column(
        ForeignKey("tech_transfer_researcher.id"), index=True
    )
    share_pct: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    position: Mapped[int] = mapped_column(Integer)


class Transfer(Audited, IdMixin, TimestampMixin, Base):
    """Licence, assignment or equity investment (作价入股), decided by the unit alone."""

    __tablename__ = "tech_transfer_transfer"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    achievement_id: Mapped[str] = mapped_column(
        ForeignKey("tech_transfer_achievement.id"), index=True
    )
    number: Mapped[str] = mapped_column(String(24), unique=True)
    mode: Mapped[str] = mapped_column(String(16), index=True)
    licence_scope: Mapped[str] = mapped_column(String(16), default="")
    counterparty: Mapped[str] = mapped_column(String(200), index=True)
    counterparty_uscc: Mapped[str] = mapped_column(String(18))
    pricing: Mapped[str] = mapped_column(String(16))  # agreement / listing / auction
    price_fen: Mapped[int] = mapped_column(BigInteger)
    equity_pct: Mapped[Decimal] = mapped_column(Numeric(7, 4), default=Decimal(0))
    term_years: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), index=True)
    authority: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    publicity_from: Mapped[date | None] = mapped_column(default=None)
    publicity_to: Mapped[date | None] = mapped_column(default=None)
    publicity_objections: Mapped[int] = mapped_column(Integer, default=0)
    meeting: Mapped[str] = mapped_column(String(100), default="")
    meeting_no: Mapped[str] = mapped_column(String(60), default="")
    meeting_date: Mapped[date | None] = mapped_column(default=None)
    decision: Mapped[str] = mapped_column(Text, default="")
    decision_makers: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    conflict_declared: Mapped[bool] = mapped_column(Boolean, default=False)
    contract_no: Mapped[str] = mapped_column(String(60), default="")
    signed_on: Mapped[date | None] = mapped_column(default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    ledger_sha256: Mapped[str] = mapped_column(String(64), default="")


class Exemption(Audited, IdMixin, TimestampMixin, Base):
    """勤勉尽责免责: the conditions met when the unit decided, so decision-makers are covered."""

    __tablename__ = "tech_transfer_exemption"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    transfer_id: Mapped[str] = mapped_column(ForeignKey("tech_transfer_transfer.id"), unique=True)
    covered: Mapped[bool] = mapped_column(Boolean)
    facts: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    conditions: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    covered_persons: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    ledger_sha256: Mapped[str] = mapped_column(String(64), default="")


from ftz.practices.tech_transfer.models_funds import (  # noqa: E402  (one module for Alembic)
    Evaluation,
    Pool,
    PoolEntry,
    PoolTxn,
    Project,
    TalentRecord,
)
from ftz.practices.tech_transfer.models_money import Income, RewardLine  # noqa: E402

__all__ = [
    "Achievement",
    "Evaluation",
    "Exemption",
    "Income",
    "Inventor",
    "OfficeMember",
    "PilotUnit",
    "Pool",
    "PoolEntry",
    "PoolTxn",
    "Project",
    "Researcher",
    "RewardLine",
    "TalentRecord",
    "Transfer",
]
