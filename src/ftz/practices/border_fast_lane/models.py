"""p21 tables: pre-registered vehicles and drivers (document numbers as keyed hashes, biometric
templates as the enrolment device's reference ids only), the forwarder's declaration and the
border-check record made from it with consent, and the lane transactions with their verdicts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue


class Vehicle(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "border_fast_lane_vehicle"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    plate: Mapped[str] = mapped_column(String(16), unique=True)
    # The electronic tag the lane reader sees before the camera reads the plate.
    etag: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    permit_valid_until: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Driver(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "border_fast_lane_driver"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    document_kind: Mapped[str] = mapped_column(String(24))
    # HMAC-SHA256 keyed by the platform secret: the number itself is never stored.
    document_hash: Mapped[str] = mapped_column(String(64), unique=True)
    document_hint: Mapped[str] = mapped_column(String(8))  # last four characters, for people
    document_valid_until: Mapped[date] = mapped_column(Date)
    # Reference ids issued by the enrolment device; the templates stay in the device's vault.
    fingerprint_ref: Mapped[str] = mapped_column(String(64))
    face_ref: Mapped[str] = mapped_column(String(64))
    enrolment_device: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Declaration(Audited, IdMixin, TimestampMixin, Base):
    """The forwarder's one submission to the bonded zone (一单两报)."""

    __tablename__ = "border_fast_lane_declaration"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    vehicle_id: Mapped[str] = mapped_column(ForeignKey("border_fast_lane_vehicle.id"), index=True)
    driver_id: Mapped[str] = mapped_column(ForeignKey("border_fast_lane_driver.id"), index=True)
    direction: Mapped[str] = mapped_column(String(8))
    trip_date: Mapped[date] = mapped_column(Date, index=True)
    cargo: Mapped[str] = mapped_column(String(300))
    hs_code: Mapped[str] = mapped_column(String(10))
    weight_kg: Mapped[int] = mapped_column(Integer)
    consent: Mapped[bool] = mapped_column(Boolean)
    ledger_index: Mapped[int] = mapped_column(BigInteger)
    border_record: Mapped[BorderRecord | None] = relationship(lazy="selectin", viewonly=True)

    @property
    def border_record_id(self) -> str | None:
        return self.border_record.id if self.border_record else None


class BorderRecord(Audited, IdMixin, TimestampMixin, Base):
    """What the border check receives from a consented declaration: nothing is typed twice."""

    __tablename__ = "border_fast_lane_border_record"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    declaration_id: Mapped[str] = mapped_column(
        ForeignKey("border_fast_lane_declaration.id"), unique=True
    )
    vehicle_id: Mapped[str] = mapped_column(ForeignKey("border_fast_lane_vehicle.id"), index=True)
    driver_id: Mapped[str] = mapped_column(ForeignKey("border_fast_lane_driver.id"), index=True)
    direction: Mapped[str] = mapped_column(String(8))
    trip_date: Mapped[date] = mapped_column(Date, index=True)


class LaneTransaction(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "border_fast_lane_transaction"

    # The forwarder owning the vehicle, when the lane recognized one.
    org_id: Mapped[str | None] = mapped_column(ForeignKey("core_organization.id"), index=True)
    lane: Mapped[int] = mapped_column(Integer, index=True)
    device: Mapped[str] = mapped_column(String(64))
    direction: Mapped[str] = mapped_column(String(8))
    vehicle_id: Mapped[str | None] = mapped_column(ForeignKey("border_fast_lane_vehicle.id"))
    driver_id: Mapped[str | None] = mapped_column(ForeignKey("border_fast_lane_driver.id"))
    border_record_id: Mapped[str | None] = mapped_column(
        ForeignKey("border_fast_lane_border_record.id")
    )
    plate_read: Mapped[str] = mapped_column(String(16), index=True)
    document_hash: Mapped[str] = mapped_column(String(64))
    fingerprint_score: Mapped[int] = mapped_column(Integer)
    face_score: Mapped[int] = mapped_column(Integer)
    under_vehicle: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime] = mapped_column(index=True)
    finished_at: Mapped[datetime]
    verdict: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), index=True)
    flags: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    resolution_note: Mapped[str] = mapped_column(Text, default="")
    resolved_by: Mapped[str | None] = mapped_column(String(64), default=None)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    ledger_index: Mapped[int] = mapped_column(BigInteger)
    resolution_ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)
