"""p23 tables: the parks (eastern sponsors, western receivers) with their region and their
administration, the cooperation agreements between two parks, the enclave and reverse-enclave
arrangements made under an agreement with their sharing terms, the projects transferred under an
agreement (stage with its dates, planned and actual investment), the periodic indicator reports
of each project, and the statistics offices (national or provincial) that read the roll-ups."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue

MONEY = Numeric(16, 2)


class TransferPark(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "industry_transfer_park"
    __audit_owner__ = "admin_org_id"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))  # sponsor / receiving (its usual side)
    province_code: Mapped[str] = mapped_column(String(2), index=True)  # GB/T 2260
    city: Mapped[str] = mapped_column(String(64))
    # The park administration (管委会) whose officers act for the park.
    admin_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), unique=True)
    operator: Mapped[str] = mapped_column(String(200), default="")  # 开发运营主体
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class CooperationAgreement(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "industry_transfer_agreement"
    __audit_owner__ = "created_by_org_id"
    __table_args__ = (CheckConstraint("sponsor_park_id <> receiving_park_id", name="two_parks"),)

    number: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    sponsor_park_id: Mapped[str] = mapped_column(
        ForeignKey("industry_transfer_park.id"), index=True
    )
    receiving_park_id: Mapped[str] = mapped_column(
        ForeignKey("industry_transfer_park.id"), index=True
    )
    # Who signed: the park administrations (管委会间) or the development operators (运营主体间).
    signatories: Mapped[str] = mapped_column(String(16))
    sponsor_signatory: Mapped[str] = mapped_column(String(200))
    receiving_signatory: Mapped[str] = mapped_column(String(200))
    signed_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(16), index=True)
    terminated_on: Mapped[date | None] = mapped_column(Date, default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"))

    sponsor_park: Mapped[TransferPark] = relationship(
        TransferPark, foreign_keys=[sponsor_park_id], lazy="joined"
    )
    receiving_park: Mapped[TransferPark] = relationship(
        TransferPark, foreign_keys=[receiving_park_id], lazy="joined"
    )


class EnclaveArrangement(Audited, IdMixin, TimestampMixin, Base):
    """An enclave (飞地: the sponsor's park on the receiving side's land) or a reverse enclave
    (反向飞地: the receiving side's park on the sponsor's land), with its sharing terms. The
    sharing of revenue is a contract between the parties; the statistics still count the
    main indicators in full for both (rules/accounting.json)."""

    __tablename__ = "industry_transfer_arrangement"
    __audit_owner__ = "created_by_org_id"
    __table_args__ = (
        CheckConstraint("host_share_pct >= 0 AND host_share_pct <= 100", name="share_pct"),
        CheckConstraint("term_years > 0", name="term_positive"),
    )

    kind: Mapped[str] = mapped_column(String(16))  # enclave / reverse_enclave
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    agreement_id: Mapped[str] = mapped_column(
        ForeignKey("industry_transfer_agreement.id"), index=True
    )
    # Where the land is: the receiving park for an enclave, the sponsor park for a reverse one.
    host_park_id: Mapped[str] = mapped_column(ForeignKey("industry_transfer_park.id"))
    partner_park_id: Mapped[str] = mapped_column(ForeignKey("industry_transfer_park.id"))
    host_share_pct: Mapped[int] = mapped_column(Integer)  # of the shared local revenue
    term_years: Mapped[int] = mapped_column(Integer)
    starts_on: Mapped[date] = mapped_column(Date)
    terms: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"))

    host_park: Mapped[TransferPark] = relationship(
        TransferPark, foreign_keys=[host_park_id], lazy="joined"
    )
    partner_park: Mapped[TransferPark] = relationship(
        TransferPark, foreign_keys=[partner_park_id], lazy="joined"
    )

    @property
    def partner_share_pct(self) -> int:
        return 100 - self.host_share_pct


class TransferProject(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "industry_transfer_project"
    __audit_owner__ = "created_by_org_id"
    __table_args__ = (
        CheckConstraint("sponsor_park_id <> receiving_park_id", name="two_parks"),
        CheckConstraint("planned_investment >= 0", name="planned_not_negative"),
        CheckConstraint("actual_investment >= 0", name="actual_not_negative"),
    )

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    enterprise: Mapped[str] = mapped_column(String(200))
    enterprise_uscc: Mapped[str | None] = mapped_column(String(18), default=None)
    agreement_id: Mapped[str] = mapped_column(
        ForeignKey("industry_transfer_agreement.id"), index=True
    )
    sponsor_park_id: Mapped[str] = mapped_column(
        ForeignKey("industry_transfer_park.id"), index=True
    )
    receiving_park_id: Mapped[str] = mapped_column(
        ForeignKey("industry_transfer_park.id"), index=True
    )
    arrangement_id: Mapped[str | None] = mapped_column(
        ForeignKey("industry_transfer_arrangement.id"), default=None, index=True
    )
    industry_code: Mapped[str] = mapped_column(String(4), index=True)  # GB/T 4754-2017
    stage: Mapped[str] = mapped_column(String(24), index=True)
    intention_on: Mapped[date] = mapped_column(Date)
    signed_on: Mapped[date | None] = mapped_column(Date, default=None)
    construction_on: Mapped[date | None] = mapped_column(Date, default=None)
    operation_on: Mapped[date | None] = mapped_column(Date, default=None)
    withdrawn_on: Mapped[date | None] = mapped_column(Date, default=None)
    planned_investment: Mapped[Decimal] = mapped_column(MONEY, default=Decimal(0))
    actual_investment: Mapped[Decimal] = mapped_column(MONEY, default=Decimal(0))
    description: Mapped[str] = mapped_column(Text, default="")
    created_by_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"))

    sponsor_park: Mapped[TransferPark] = relationship(
        TransferPark, foreign_keys=[sponsor_park_id], lazy="joined"
    )
    receiving_park: Mapped[TransferPark] = relationship(
        TransferPark, foreign_keys=[receiving_park_id], lazy="joined"
    )
    agreement: Mapped[CooperationAgreement] = relationship(CooperationAgreement, lazy="joined")
    arrangement: Mapped[EnclaveArrangement | None] = relationship(EnclaveArrangement, lazy="joined")


class IndicatorReport(Audited, IdMixin, TimestampMixin, Base):
    """One project's figures for one quarter; a correction updates the row (the audit trail
    keeps the figures before) and anchors the new figures in the evidence ledger."""

    __tablename__ = "industry_transfer_indicator_report"
    __audit_owner__ = "reported_by_org_id"
    __table_args__ = (
        UniqueConstraint("project_id", "period"),
        CheckConstraint(
            "output_value >= 0 AND tax >= 0 AND employment >= 0 AND investment_completed >= 0",
            name="figures_not_negative",
        ),
    )

    project_id: Mapped[str] = mapped_column(ForeignKey("industry_transfer_project.id"), index=True)
    period: Mapped[str] = mapped_column(String(7))  # 2025-Q1
    output_value: Mapped[Decimal] = mapped_column(MONEY, default=Decimal(0))
    tax: Mapped[Decimal] = mapped_column(MONEY, default=Decimal(0))
    employment: Mapped[int] = mapped_column(Integer, default=0)
    investment_completed: Mapped[Decimal] = mapped_column(MONEY, default=Decimal(0))
    note: Mapped[str] = mapped_column(Text, default="")
    # The project's stage at the end of the quarter and the rows of rules/reporting.json that
    # allowed each figure: why these figures may be counted.
    stage: Mapped[str] = mapped_column(String(24))
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    reported_by_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    ledger_index: Mapped[int] = mapped_column(BigInteger)


class StatsOffice(Audited, IdMixin, TimestampMixin, Base):
    """A statistics office reading the practice: national (every project) or provincial (the
    projects with a park in its province)."""

    __tablename__ = "industry_transfer_stats_office"
    __audit_owner__ = "org_id"
    __table_args__ = (
        CheckConstraint(
            "(level = 'national' AND province_code IS NULL)"
            " OR (level = 'provincial' AND province_code IS NOT NULL)",
            name="level_province",
        ),
    )

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), unique=True)
    level: Mapped[str] = mapped_column(String(16))
    province_code: Mapped[str | None] = mapped_column(String(2), default=None)
