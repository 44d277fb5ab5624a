"""p28 tables. Certification: the enterprise's application for a partner-country scheme with its
documents (SHA-256 fingerprints, never the files), the laboratory's test results and the
certificate issued in China with a verification code. Standards watch: partner-country standards,
their versions (immutable, with the clause-level diff against the previous one), enterprises'
subscriptions and the notifications a new version produces. Cooperation: standard-cooperation
projects with their partners, stage, outcome and dated events (visits, meetings, agreements)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
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


class ExportApplication(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "certification_one_stop_application"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    scheme: Mapped[str] = mapped_column(String(16), index=True)
    product: Mapped[str] = mapped_column(String(200))
    model: Mapped[str] = mapped_column(String(100))
    hs_code: Mapped[str] = mapped_column(String(10), index=True)
    category: Mapped[str] = mapped_column(String(16))
    trade_value_cny: Mapped[Decimal] = mapped_column(Numeric(16, 2))  # FOB value of the exports
    fee_cny: Mapped[Decimal] = mapped_column(Numeric(12, 2))  # the one-stop tariff for this file
    required_documents: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    required_tests: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    sla_days: Mapped[int] = mapped_column(Integer)
    day_kind: Mapped[str] = mapped_column(String(16))  # calendar / working
    submitted_on: Mapped[date | None] = mapped_column(Date, default=None)
    due_on: Mapped[date | None] = mapped_column(Date, default=None, index=True)
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    lab_org_id: Mapped[str | None] = mapped_column(ForeignKey("core_organization.id"), default=None)
    status: Mapped[str] = mapped_column(String(16), index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class ApplicationDocument(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "certification_one_stop_document"
    __table_args__ = (UniqueConstraint("application_id", "kind"),)

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    application_id: Mapped[str] = mapped_column(
        ForeignKey("certification_one_stop_application.id"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    filename: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    ledger_index: Mapped[int] = mapped_column(BigInteger)


class LabTestResult(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "certification_one_stop_test_result"
    __table_args__ = (UniqueConstraint("application_id", "test_code"),)

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    application_id: Mapped[str] = mapped_column(
        ForeignKey("certification_one_stop_application.id"), index=True
    )
    test_code: Mapped[str] = mapped_column(String(32))
    standard: Mapped[str] = mapped_column(String(200))
    passed: Mapped[bool] = mapped_column(Boolean)
    findings: Mapped[str] = mapped_column(Text, default="")
    report_sha256: Mapped[str] = mapped_column(String(64))
    tested_on: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(64))
    ledger_index: Mapped[int] = mapped_column(BigInteger)


class PartnerCertificate(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "certification_one_stop_certificate"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    application_id: Mapped[str] = mapped_column(
        ForeignKey("certification_one_stop_application.id"), unique=True
    )
    number: Mapped[str] = mapped_column(String(40), unique=True)
    # Printed on the certificate; anyone can check it on the verification page.
    verification_code: Mapped[str] = mapped_column(String(14), unique=True)
    issued_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    issued_by: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(String(64))  # of the certificate's canonical content
    status: Mapped[str] = mapped_column(String(16), default="valid")
    ledger_index: Mapped[int] = mapped_column(BigInteger)


class PartnerStandard(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "certification_one_stop_standard"
    __audit_owner__ = None

    number: Mapped[str] = mapped_column(String(64), unique=True)
    country: Mapped[str] = mapped_column(String(2), index=True)
    body: Mapped[str] = mapped_column(String(100))
    mandatory: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(16), default="active")  # active / withdrawn


class StandardVersion(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "certification_one_stop_standard_version"
    __table_args__ = (UniqueConstraint("standard_id", "version"),)
    __audit_owner__ = None

    standard_id: Mapped[str] = mapped_column(
        ForeignKey("certification_one_stop_standard.id"), index=True
    )
    version: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(300))
    hs_codes: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    products: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    effective_on: Mapped[date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    diff: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    published_by: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime]
    ledger_index: Mapped[int] = mapped_column(BigInteger)


class WatchSubscription(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "certification_one_stop_subscription"
    __table_args__ = (UniqueConstraint("org_id", "kind", "value"),)

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # hs / keyword
    value: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class WatchNotification(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "certification_one_stop_notification"
    __table_args__ = (UniqueConstraint("org_id", "version_id", "change"),)

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    version_id: Mapped[str] = mapped_column(
        ForeignKey("certification_one_stop_standard_version.id"), index=True
    )
    change: Mapped[str] = mapped_column(String(16))  # new_standard / new_version / withdrawn
    priority: Mapped[str] = mapped_column(String(16))
    matched: Mapped[list[str]] = mapped_column(JSONValue, default=list)  # "hs:8418", "keyword:冰箱"
    summary: Mapped[str] = mapped_column(Text)
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    read_at: Mapped[datetime | None] = mapped_column(default=None)


class CooperationProject(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "certification_one_stop_project"
    __audit_owner__ = None

    code: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    country: Mapped[str] = mapped_column(String(2), index=True)
    subject: Mapped[str] = mapped_column(Text)  # the standard being developed or adopted
    partners: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    stage: Mapped[str] = mapped_column(String(16), index=True)
    outcome: Mapped[str] = mapped_column(Text, default="")
    started_on: Mapped[date] = mapped_column(Date)


class CooperationEvent(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "certification_one_stop_project_event"
    __audit_owner__ = None

    project_id: Mapped[str] = mapped_column(
        ForeignKey("certification_one_stop_project.id"), index=True
    )
    on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))  # visit / meeting / agreement / publication
    note: Mapped[str] = mapped_column(Text)
    ledger_index: Mapped[int] = mapped_column(BigInteger)
