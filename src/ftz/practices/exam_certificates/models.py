"""p12 tables: candidates, their applications, one request per chosen certificate."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin


class Candidate(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "exam_certificates_candidate"
    __table_args__ = (UniqueConstraint("org_id", "id_fingerprint"),)

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    full_name: Mapped[str] = mapped_column(String(100))
    id_fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    id_masked: Mapped[str] = mapped_column(String(18))
    birth_date: Mapped[date] = mapped_column(Date)
    gender: Mapped[str] = mapped_column(String(1))
    education: Mapped[int] = mapped_column(Integer)
    health_ok: Mapped[bool] = mapped_column(Boolean)

    held: Mapped[list[HeldCertificate]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", back_populates="candidate"
    )


class HeldCertificate(Audited, IdMixin, TimestampMixin, Base):
    """Certificates a candidate already holds: declared at registration or issued here."""

    __tablename__ = "exam_certificates_held"
    __table_args__ = (UniqueConstraint("candidate_id", "certificate_code"),)

    candidate_id: Mapped[str] = mapped_column(ForeignKey("exam_certificates_candidate.id"))
    org_id: Mapped[str] = mapped_column(String(26), index=True)
    certificate_code: Mapped[str] = mapped_column(String(32))
    certificate_number: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(16))  # "declared" | "issued"

    candidate: Mapped[Candidate] = relationship(back_populates="held")


class Application(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "exam_certificates_application"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    candidate_id: Mapped[str] = mapped_column(
        ForeignKey("exam_certificates_candidate.id"), index=True
    )
    trade: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(32), index=True)
    experience_years: Mapped[float] = mapped_column(Float)
    apprenticeship_done: Mapped[bool] = mapped_column(Boolean, default=False)
    vocational_graduate: Mapped[bool] = mapped_column(Boolean, default=False)
    exam_date: Mapped[date | None] = mapped_column(Date, default=None)
    theory_score: Mapped[int | None] = mapped_column(Integer, default=None)
    practical_score: Mapped[int | None] = mapped_column(Integer, default=None)

    candidate: Mapped[Candidate] = relationship(lazy="joined")
    requests: Mapped[list[CertificateRequest]] = relationship(
        lazy="selectin",
        cascade="all, delete-orphan",
        back_populates="application",
        order_by="CertificateRequest.department",
    )


class CertificateRequest(Audited, IdMixin, TimestampMixin, Base):
    """One chosen certificate: its eligibility check and its department's decision, with why."""

    __tablename__ = "exam_certificates_request"
    __table_args__ = (UniqueConstraint("application_id", "department"),)

    application_id: Mapped[str] = mapped_column(
        ForeignKey("exam_certificates_application.id"), index=True
    )
    org_id: Mapped[str] = mapped_column(String(26), index=True)
    certificate_code: Mapped[str] = mapped_column(String(32))
    department: Mapped[str] = mapped_column(String(32), index=True)
    status: Mapped[str] = mapped_column(String(32), index=True)
    eligibility: Mapped[dict[str, Any]] = mapped_column(default=dict)
    decision: Mapped[dict[str, Any]] = mapped_column(default=dict)
    certificate_number: Mapped[str | None] = mapped_column(String(64), unique=True, default=None)
    decided_by: Mapped[str | None] = mapped_column(String(64), default=None)
    decided_at: Mapped[datetime | None] = mapped_column(default=None)

    application: Mapped[Application] = relationship(back_populates="requests")
