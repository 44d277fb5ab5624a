"""p19 tables: mediation cases, their parties, evidence fingerprints, sessions, the settlement
agreement and its signatures. Every step is also anchored in the mediation log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin


class Case(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "trade_mediation_case"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    dispute_type: Mapped[str] = mapped_column(String(32))
    summary: Mapped[str] = mapped_column(Text)
    amount_cny: Mapped[int] = mapped_column(BigInteger)  # whole yuan claimed
    province: Mapped[str] = mapped_column(String(32))  # applicant's province (seed: 7 provinces)
    status: Mapped[str] = mapped_column(String(32), index=True)
    mediator: Mapped[str | None] = mapped_column(String(64), default=None)
    referral: Mapped[str | None] = mapped_column(String(32), default=None)
    outcome: Mapped[dict[str, Any]] = mapped_column(default=dict)

    parties: Mapped[list[Party]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="Party.role"
    )
    evidence: Mapped[list[Evidence]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="Evidence.created_at"
    )
    sessions: Mapped[list[MediationSession]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="MediationSession.scheduled_at"
    )
    agreement: Mapped[Agreement | None] = relationship(
        lazy="selectin", uselist=False, cascade="all, delete-orphan"
    )


class Party(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "trade_mediation_party"

    case_id: Mapped[str] = mapped_column(ForeignKey("trade_mediation_case.id"), index=True)
    org_id: Mapped[str] = mapped_column(String(26))  # owner of the case, for audit scoping
    role: Mapped[str] = mapped_column(String(16))  # "applicant" | "respondent"
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2))  # ISO 3166-1 alpha-2
    representative: Mapped[str] = mapped_column(String(100), default="")
    # Hash of the one-time signing code given to a party without an account (never stored).
    signing_code_hash: Mapped[str | None] = mapped_column(String(64), default=None)


class Evidence(Audited, IdMixin, TimestampMixin, Base):
    """Evidence stays with the party ("数据不出本地"): the platform keeps its fingerprint."""

    __tablename__ = "trade_mediation_evidence"

    case_id: Mapped[str] = mapped_column(ForeignKey("trade_mediation_case.id"), index=True)
    org_id: Mapped[str] = mapped_column(String(26))
    party_role: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    ledger_index: Mapped[int] = mapped_column(BigInteger)


class MediationSession(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "trade_mediation_session"

    case_id: Mapped[str] = mapped_column(ForeignKey("trade_mediation_case.id"), index=True)
    org_id: Mapped[str] = mapped_column(String(26))
    scheduled_at: Mapped[datetime] = mapped_column()
    language: Mapped[str] = mapped_column(String(16), default="zh")
    interpreter: Mapped[bool] = mapped_column(Boolean, default=False)
    minutes_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    held: Mapped[bool] = mapped_column(Boolean, default=False)


class Agreement(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "trade_mediation_agreement"

    case_id: Mapped[str] = mapped_column(ForeignKey("trade_mediation_case.id"), unique=True)
    org_id: Mapped[str] = mapped_column(String(26))
    terms: Mapped[str] = mapped_column(Text)
    terms_sha256: Mapped[str] = mapped_column(String(64))
    payment_cny: Mapped[int] = mapped_column(BigInteger, default=0)
    enforcement_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    signatures: Mapped[dict[str, Any]] = mapped_column(default=dict)  # role -> signature record
    notarial_number: Mapped[str | None] = mapped_column(String(64), default=None)
    notarized_by: Mapped[str | None] = mapped_column(String(64), default=None)
    enforceability: Mapped[dict[str, Any]] = mapped_column(default=dict)
