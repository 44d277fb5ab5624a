"""p20 tables: the enterprise's pilot application with its risk assessment and, once admitted,
its revocation; the goods it files (HS code, special packing); the control instructions that hit
its goods and the checks recorded on them (the port's external check, the destination check, or
the full port inspection). Every decision is anchored in the evidence ledger."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue


class TsiPilot(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "two_stage_inspection_pilot"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    contact: Mapped[str] = mapped_column(String(100))
    business_scope: Mapped[str] = mapped_column(Text, default="")
    recommendation_ref: Mapped[str] = mapped_column(String(64), default="")  # 地方政府推荐函
    status: Mapped[str] = mapped_column(String(16), index=True)
    reapply_fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    # The risk assessment (customs): the factors it weighed and the rows that fired.
    credit_level: Mapped[str] = mapped_column(String(24), default="")
    local_recommended: Mapped[bool | None] = mapped_column(Boolean, default=None)
    supply_chain: Mapped[str] = mapped_column(String(16), default="")
    seizures_3y: Mapped[int | None] = mapped_column(Integer, default=None)
    assessed_by: Mapped[str] = mapped_column(String(64), default="")
    assessed_on: Mapped[date | None] = mapped_column(Date, default=None)
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    # A violation revokes the pilot; no new application before blocked_until.
    violation: Mapped[str] = mapped_column(String(32), default="")
    violation_note: Mapped[str] = mapped_column(Text, default="")
    revoked_on: Mapped[date | None] = mapped_column(Date, default=None)
    blocked_until: Mapped[date | None] = mapped_column(Date, default=None)
    revocation_fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)
    revocation_ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)

    goods: Mapped[list[TsiGood]] = relationship(
        lambda: TsiGood,
        back_populates="pilot",
        cascade="all, delete-orphan",
        order_by=lambda: TsiGood.position,
        lazy="selectin",
    )


class TsiGood(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "two_stage_inspection_good"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    pilot_id: Mapped[str] = mapped_column(
        ForeignKey("two_stage_inspection_pilot.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    hs_code: Mapped[str] = mapped_column(String(6), index=True)  # HS 2022 subheading
    tariff_code: Mapped[str] = mapped_column(String(10))  # as declared (8 or 10 digits)
    name: Mapped[str] = mapped_column(String(200))
    specification: Mapped[str] = mapped_column(String(200))
    packing: Mapped[str] = mapped_column(String(24))
    annual_value_usd: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    eligible: Mapped[bool] = mapped_column(Boolean)
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)

    pilot: Mapped[TsiPilot] = relationship(lambda: TsiPilot, back_populates="goods")


class TsiInstruction(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "two_stage_inspection_instruction"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    entry_no: Mapped[str] = mapped_column(String(18), index=True)  # 报关单号
    hs_code: Mapped[str] = mapped_column(String(6))
    goods_name: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[Decimal] = mapped_column(Numeric(14, 3))
    unit: Mapped[str] = mapped_column(String(16))
    value_usd: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    requirements: Mapped[str] = mapped_column(Text)  # the instruction's inspection requirements
    arrived_on: Mapped[date] = mapped_column(Date)
    port_office_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"))
    destination_office_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"))
    pilot_id: Mapped[str | None] = mapped_column(
        ForeignKey("two_stage_inspection_pilot.id"), default=None
    )
    good_id: Mapped[str | None] = mapped_column(
        ForeignKey("two_stage_inspection_good.id"), default=None
    )
    mode: Mapped[str] = mapped_column(String(16))  # two_stage / port
    routing_fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    remark: Mapped[str] = mapped_column(Text, default="")
    released_on: Mapped[date | None] = mapped_column(Date, default=None)  # left the port
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    outcome: Mapped[str] = mapped_column(String(16), default="")  # conform / discrepancy
    status: Mapped[str] = mapped_column(String(20), index=True)
    ledger_index: Mapped[int] = mapped_column(BigInteger)


class TsiCheck(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "two_stage_inspection_check"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    instruction_id: Mapped[str] = mapped_column(
        ForeignKey("two_stage_inspection_instruction.id"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # external / destination / port
    office_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"))
    officer: Mapped[str] = mapped_column(String(64))
    checked_on: Mapped[date] = mapped_column(Date)
    answers: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    passed: Mapped[bool] = mapped_column(Boolean)
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    ledger_index: Mapped[int] = mapped_column(BigInteger)
