"""p03 tables: the enterprise's environmental admission (with the rule verdict), the batches of
goods entered for bonded repair with their irreparable-rate verdict, and the solid and hazardous
waste ledger with disposal certificates (stored as SHA-256 fingerprints, never the files)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue


class Admission(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "bonded_repair_admission"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    business: Mapped[str] = mapped_column(String(200))
    high_tech: Mapped[bool] = mapped_column(Boolean)
    value_added_pct: Mapped[int] = mapped_column(Integer)  # output over input, in percent
    toxic_air: Mapped[bool] = mapped_column(Boolean)  # on 《有毒有害大气污染物名录（2018年）》
    toxic_water: Mapped[bool] = mapped_column(Boolean)  # on 《有毒有害水污染物名录（第一批）》
    risk_level: Mapped[str] = mapped_column(String(16))  # general / larger / major
    documents_complete: Mapped[bool] = mapped_column(Boolean)
    permits_complete: Mapped[bool] = mapped_column(Boolean)
    eligible: Mapped[bool] = mapped_column(Boolean)
    failures: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    status: Mapped[str] = mapped_column(String(16), index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    ledger_index: Mapped[int] = mapped_column(BigInteger)
    decision_ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class Batch(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "bonded_repair_batch"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    goods: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer)
    value_cny: Mapped[Decimal] = mapped_column(Numeric(16, 2))
    # Overseas pre-inspection report: its SHA-256 only; the file stays with the enterprise.
    preinspection_sha256: Mapped[str] = mapped_column(String(64))
    repaired_qty: Mapped[int] = mapped_column(Integer, default=0)
    irreparable_qty: Mapped[int] = mapped_column(Integer, default=0)
    irreparable_value_cny: Mapped[Decimal] = mapped_column(Numeric(16, 2), default=Decimal(0))
    reading: Mapped[str] = mapped_column(String(8))
    verdict: Mapped[str] = mapped_column(String(16), index=True)
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    status: Mapped[str] = mapped_column(String(16), index=True)
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class Waste(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "bonded_repair_waste"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    category: Mapped[str] = mapped_column(String(16))  # general / hazardous
    description: Mapped[str] = mapped_column(String(200))
    tonnes: Mapped[Decimal] = mapped_column(Numeric(12, 3))
    method: Mapped[str] = mapped_column(String(16))  # recycled / disposed
    receiver: Mapped[str] = mapped_column(String(200))
    certificate_sha256: Mapped[str] = mapped_column(String(64))
    ledger_index: Mapped[int] = mapped_column(BigInteger)
