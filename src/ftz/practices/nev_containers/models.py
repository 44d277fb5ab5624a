"""p13 tables: the shipper's dangerous-goods declaration of one container of new-energy vehicles
(origin, transit port, the two maritime offices, the IMDG amendment that governs its sea leg),
the vehicles in it with the UN number their power source gives, and the inspections: the one at
the packing site by the origin office and the arrival check at the transit port. Photos are kept
as SHA-256 fingerprints, never the files."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue


class Declaration(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "nev_containers_declaration"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    batch_no: Mapped[str] = mapped_column(String(32), index=True)  # 批次 (one train, many boxes)
    container_no: Mapped[str] = mapped_column(String(11), index=True)  # ISO 6346, check digit
    container_type: Mapped[str] = mapped_column(String(8))  # ISO 6346 size/type, e.g. 45G1
    origin: Mapped[str] = mapped_column(String(64))  # network node id of the packing place
    transit_port: Mapped[str] = mapped_column(String(64))
    destination: Mapped[str] = mapped_column(String(100))
    origin_office_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"))
    transit_office_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"))
    packing_site: Mapped[str] = mapped_column(String(200))
    sea_date: Mapped[date] = mapped_column(Date)  # planned loading at the transit port
    opt_in_42_24: Mapped[bool] = mapped_column(Boolean, default=False)
    edition: Mapped[str] = mapped_column(String(16))
    un_numbers: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    special_provisions: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    seal_no: Mapped[str] = mapped_column(String(32), default="")
    certificate_no: Mapped[str] = mapped_column(String(40), default="")  # 集装箱海运安全适运证书
    status: Mapped[str] = mapped_column(String(16), index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)

    # Callables, not class names: other practices have classes called Vehicle or Declaration.
    vehicles: Mapped[list[Vehicle]] = relationship(
        lambda: Vehicle,
        back_populates="declaration",
        cascade="all, delete-orphan",
        order_by=lambda: Vehicle.position,
        lazy="selectin",
    )


class Vehicle(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "nev_containers_vehicle"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    declaration_id: Mapped[str] = mapped_column(
        ForeignKey("nev_containers_declaration.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    vin: Mapped[str] = mapped_column(String(17), index=True)  # ISO 3779
    model: Mapped[str] = mapped_column(String(100))
    power_source: Mapped[str] = mapped_column(String(16))
    battery_kwh: Mapped[Decimal] = mapped_column(Numeric(8, 1))
    un_number: Mapped[str] = mapped_column(String(8))
    proper_shipping_name: Mapped[str] = mapped_column(String(100))
    dg_class: Mapped[str] = mapped_column(String(4))
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)

    declaration: Mapped[Declaration] = relationship(lambda: Declaration, back_populates="vehicles")


class Inspection(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "nev_containers_inspection"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    declaration_id: Mapped[str] = mapped_column(
        ForeignKey("nev_containers_declaration.id"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # packing_site / arrival / reinspection
    office_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"))
    officer: Mapped[str] = mapped_column(String(64))
    answers: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    photo_sha256: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    seal_no: Mapped[str] = mapped_column(String(32), default="")
    passed: Mapped[bool] = mapped_column(Boolean)
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    ledger_index: Mapped[int] = mapped_column(BigInteger)
