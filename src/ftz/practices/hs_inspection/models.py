"""p06 tables: the risk records of the four sources (nonconformities, overseas notifications,
export returns, used-machinery pre-shipment inspections) with their HS code, the imports that
brought them (audited and anchored), the inspection batches of the officer's workbench and the
risk-case database that grows with each confirmed case. Risk records are reference data loaded
in bulk; who brought them in is on their import."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue


class HsImport(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "hs_inspection_import"
    __audit_owner__ = None

    source: Mapped[str] = mapped_column(String(24), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    rows_total: Mapped[int] = mapped_column(Integer)
    inserted: Mapped[int] = mapped_column(Integer)
    skipped: Mapped[int] = mapped_column(Integer)
    imported_by: Mapped[str] = mapped_column(String(64))
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class HsRiskRecord(IdMixin, TimestampMixin, Base):
    __tablename__ = "hs_inspection_risk_record"
    __table_args__ = (
        UniqueConstraint("source", "ref"),
        Index("ix_hs_inspection_risk_record_code_source", "hs_code", "source"),
    )

    source: Mapped[str] = mapped_column(String(24))
    ref: Mapped[str] = mapped_column(String(64))  # record no. / alert number / return no. / cert
    hs_code: Mapped[str] = mapped_column(String(6))  # HS 2022 heading or subheading
    tariff_code: Mapped[str] = mapped_column(String(10), default="")  # as given (8/10 digits)
    record_date: Mapped[date] = mapped_column(Date)
    product: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(64), default="")
    brand: Mapped[str] = mapped_column(String(100), default="")
    model: Mapped[str] = mapped_column(String(100), default="")
    barcode: Mapped[str] = mapped_column(String(64), default="")
    batch_no: Mapped[str] = mapped_column(String(64), default="")
    risk_type: Mapped[str] = mapped_column(String(32))
    defect: Mapped[str] = mapped_column(Text, default="")
    measures: Mapped[str] = mapped_column(String(200), default="")
    severity: Mapped[int | None] = mapped_column(Integer, default=None)
    result: Mapped[str] = mapped_column(String(32), default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    import_id: Mapped[str | None] = mapped_column(
        ForeignKey("hs_inspection_import.id"), default=None
    )
    batch_id: Mapped[str | None] = mapped_column(ForeignKey("hs_inspection_batch.id"), default=None)


class HsBatch(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "hs_inspection_batch"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    declaration_no: Mapped[str] = mapped_column(String(32), default="")
    hs_code: Mapped[str] = mapped_column(String(6), index=True)
    tariff_code: Mapped[str] = mapped_column(String(10), default="")
    product: Mapped[str] = mapped_column(String(200))
    brand: Mapped[str] = mapped_column(String(100), default="")
    model: Mapped[str] = mapped_column(String(100), default="")
    origin_country: Mapped[str] = mapped_column(String(64), default="")
    quantity: Mapped[int] = mapped_column(Integer)
    arrival_date: Mapped[date] = mapped_column(Date, index=True)
    used_machinery: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), index=True)  # pending / inspected
    risk_level: Mapped[str] = mapped_column(String(16), default="")
    recommended_action: Mapped[str] = mapped_column(String(24), default="")
    assessment: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    result: Mapped[str] = mapped_column(String(16), default="")  # conforming / nonconforming
    action_taken: Mapped[str] = mapped_column(String(24), default="")
    risk_type: Mapped[str] = mapped_column(String(32), default="")
    defect: Mapped[str] = mapped_column(Text, default="")
    officer: Mapped[str] = mapped_column(String(64), default="")
    inspected_at: Mapped[datetime | None] = mapped_column(default=None)
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class HsRiskCase(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "hs_inspection_risk_case"
    __audit_owner__ = None

    number: Mapped[str] = mapped_column(String(32), unique=True)
    hs_code: Mapped[str] = mapped_column(String(6), index=True)
    title: Mapped[str] = mapped_column(String(200))
    risk_type: Mapped[str] = mapped_column(String(32))
    severity: Mapped[int] = mapped_column(Integer)
    risk_level: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text, default="")
    record_id: Mapped[str] = mapped_column(ForeignKey("hs_inspection_risk_record.id"))
    confirmed_by: Mapped[str] = mapped_column(String(64))
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)
