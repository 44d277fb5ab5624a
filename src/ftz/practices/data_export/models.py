"""p01 tables: export filings (versioned: an approved filing is never edited, a revision is a new
row that keeps the old one), export batches recorded as evidence (fingerprints and counts only,
never the data), audit runs with their findings, and pre-assessments."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
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


class Filing(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "data_export_filing"
    __table_args__ = (UniqueConstraint("number", "version"),)

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    # One number per flow; each revision is a new row with version + 1.
    number: Mapped[str] = mapped_column(String(32), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[str | None] = mapped_column(
        ForeignKey("data_export_filing.id"), default=None
    )
    status: Mapped[str] = mapped_column(String(24), index=True)
    recipient: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2), index=True)
    sector: Mapped[str] = mapped_column(String(40), index=True)
    purpose: Mapped[str] = mapped_column(String(32))
    purpose_text: Mapped[str] = mapped_column(Text, default="")
    scenario: Mapped[str] = mapped_column(String(120), default="")
    ftz: Mapped[str | None] = mapped_column(String(24), default=None)
    ciio: Mapped[bool] = mapped_column(Boolean, default=False)
    important_data: Mapped[bool] = mapped_column(Boolean, default=False)
    collected_abroad: Mapped[bool] = mapped_column(Boolean, default=False)
    trade_transport_academic_manufacturing: Mapped[bool] = mapped_column(Boolean, default=False)
    on_negative_list: Mapped[bool | None] = mapped_column(Boolean, default=None)
    # Field inventory: [{name, entity, category, level, personal_info, sensitive}], from a scan.
    inventory: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    individuals: Mapped[int] = mapped_column(BigInteger, default=0)  # per year, planned
    sensitive_individuals: Mapped[int] = mapped_column(BigInteger, default=0)
    mechanism: Mapped[str] = mapped_column(String(40))
    # The export-path decision at filing time: articles, fired rows, the scenario evaluated.
    decision: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # [{kind, title, sha256}] — fingerprints of the contract, certificate or approval.
    documents: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    review_note: Mapped[str] = mapped_column(Text, default="")
    approved_on: Mapped[date | None] = mapped_column(Date, default=None)
    valid_until: Mapped[date | None] = mapped_column(Date, default=None)
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class Batch(Audited, IdMixin, TimestampMixin, Base):
    """One export that actually happened: what left, counted and fingerprinted."""

    __tablename__ = "data_export_batch"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    filing_id: Mapped[str] = mapped_column(ForeignKey("data_export_filing.id"), index=True)
    exported_at: Mapped[datetime] = mapped_column(index=True)
    columns: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    row_count: Mapped[int] = mapped_column(BigInteger)
    individuals: Mapped[int] = mapped_column(BigInteger)
    sensitive_individuals: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str] = mapped_column(String(64))
    ledger_index: Mapped[int] = mapped_column(BigInteger)


class AuditRun(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "data_export_audit_run"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    batches: Mapped[int] = mapped_column(Integer)
    finding_count: Mapped[int] = mapped_column(Integer)


class Finding(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "data_export_finding"

    run_id: Mapped[str] = mapped_column(ForeignKey("data_export_audit_run.id"), index=True)
    org_id: Mapped[str] = mapped_column(String(26), index=True)
    filing_id: Mapped[str | None] = mapped_column(String(26), default=None)
    batch_id: Mapped[str | None] = mapped_column(String(26), default=None)
    kind: Mapped[str] = mapped_column(String(40))
    severity: Mapped[str] = mapped_column(String(16))
    # The rule row that fired (reason_zh/en, citation) and the figures compared.
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class PreAssessment(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "data_export_preassessment"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    catalog_version: Mapped[str] = mapped_column(String(20))
    answers: Mapped[dict[str, bool]] = mapped_column(JSONValue, default=dict)
    score: Mapped[int] = mapped_column(Integer)
    passed: Mapped[bool] = mapped_column(Boolean)
    gaps: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)


class CatalogVersion(Audited, IdMixin, TimestampMixin, Base):
    """A catalog version saved by an administrator in the UI: the whole YAML document, so it is
    validated exactly like a shipped file and earlier versions stay for dates before it."""

    __tablename__ = "data_export_catalog_version"
    __table_args__ = (UniqueConstraint("catalog", "version"),)
    __audit_owner__ = None  # platform reference data: no organization owns it

    catalog: Mapped[str] = mapped_column(String(80), index=True)
    version: Mapped[str] = mapped_column(String(20))
    effective_from: Mapped[date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text)
