"""p11 tables: the enterprise's declarations (with customs' release instruction on them), the
airport's manifests, the gate's transactions with their verdicts, and the airport's daily export
and import volumes (the denominator of the tonnage share)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue


class Declaration(Audited, IdMixin, TimestampMixin, Base):
    """What the zone enterprise declares it will move through the gate."""

    __tablename__ = "zone_port_gate_declaration"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    direction: Mapped[str] = mapped_column(String(8), index=True)  # export | import
    status: Mapped[str] = mapped_column(String(16), index=True)
    plate: Mapped[str] = mapped_column(String(16))
    # [{"number": "PMC12345CA", "kind": "uld", "seals": ["..."]}]
    units: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    weight_kg: Mapped[int] = mapped_column(BigInteger)
    goods: Mapped[str] = mapped_column(String(200), default="")
    # Export only: pallets security-screened and built up inside the zone.
    screened: Mapped[bool] = mapped_column(Boolean, default=False)
    # Customs' release instruction: released, or selected for inspection at airport/zone.
    inspection_site: Mapped[str | None] = mapped_column(String(8), default=None)
    instruction_note: Mapped[str] = mapped_column(Text, default="")
    instructed_at: Mapped[datetime | None] = mapped_column(default=None)


class Manifest(Audited, IdMixin, TimestampMixin, Base):
    """The airport's cargo manifest line for a declaration (air waybill, flight, units)."""

    __tablename__ = "zone_port_gate_manifest"

    org_id: Mapped[str | None] = mapped_column(
        ForeignKey("core_organization.id"), index=True, default=None
    )
    number: Mapped[str] = mapped_column(String(32), unique=True)
    declaration_number: Mapped[str] = mapped_column(String(32), index=True)
    flight: Mapped[str] = mapped_column(String(16), default="")
    # [{"number", "kind", "seals": [...], "weight_kg"}]; rows stored before seals and unit
    # weights were taken hold bare numbers (schemas.unit_rows reads both).
    units: Mapped[list[Any]] = mapped_column(JSONValue, default=list)
    weight_kg: Mapped[int] = mapped_column(BigInteger)

    @property
    def unit_numbers(self) -> set[str]:
        return {u if isinstance(u, str) else u["number"] for u in self.units}

    @property
    def seals_by_unit(self) -> dict[str, list[str]]:
        """Seals the manifest records per unit (units without recorded seals left out)."""
        return {u["number"]: u["seals"] for u in self.units if isinstance(u, dict) and u["seals"]}


class GateTransaction(Audited, IdMixin, TimestampMixin, Base):
    """One vehicle at the zone–port gate: what was read, what it was compared with, the verdict."""

    __tablename__ = "zone_port_gate_transaction"

    org_id: Mapped[str | None] = mapped_column(
        ForeignKey("core_organization.id"), index=True, default=None
    )
    declaration_id: Mapped[str | None] = mapped_column(
        ForeignKey("zone_port_gate_declaration.id"), index=True, default=None
    )
    declaration_number: Mapped[str] = mapped_column(String(32), index=True)
    direction: Mapped[str] = mapped_column(String(8))
    plate: Mapped[str] = mapped_column(String(16), index=True)
    units: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    weight_kg: Mapped[int] = mapped_column(BigInteger)
    passed_at: Mapped[datetime] = mapped_column(index=True)
    day: Mapped[date] = mapped_column(Date, index=True)  # local (Asia/Shanghai) business day
    status: Mapped[str] = mapped_column(String(16), index=True)  # released | held | cleared …
    verdict: Mapped[str] = mapped_column(String(8))  # the automatic verdict: release | hold
    route: Mapped[str] = mapped_column(String(24))
    # Every mismatch: the fired row (table, row id, reason, citation) and its source document.
    mismatches: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    facts: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    decision_ms: Mapped[float] = mapped_column(Float, default=0.0)
    ledger_sha256: Mapped[str] = mapped_column(String(64))
    resolution_note: Mapped[str] = mapped_column(Text, default="")


class DailyVolume(Audited, IdMixin, TimestampMixin, Base):
    """The airport's whole export and import tonnage of a day, reported by the airport."""

    __tablename__ = "zone_port_gate_daily_volume"
    __audit_owner__ = None  # airport statistics: no enterprise owns them

    day: Mapped[date] = mapped_column(Date, unique=True)
    airport_export_kg: Mapped[int] = mapped_column(BigInteger)
    airport_import_kg: Mapped[int] = mapped_column(BigInteger)
