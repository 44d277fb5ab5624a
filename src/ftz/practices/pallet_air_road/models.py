"""p09 tables: the ULDs (one manifest each, built abroad by destination), the events recorded
on each ULD by the parties (the metrics are computed from their times), and the trucking
companies' trailers."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue


class Trailer(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "pallet_air_road_trailer"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    plate: Mapped[str] = mapped_column(String(16), unique=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)  # uld_roller / uld_reefer / box / …
    positions: Mapped[int] = mapped_column(Integer)  # ULD positions on the deck
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Uld(Audited, IdMixin, TimestampMixin, Base):
    """One ULD on one trip; `org_id` is the airline or forwarder that built it abroad."""

    __tablename__ = "pallet_air_road_uld"
    __table_args__ = (UniqueConstraint("uld_code", "flight_no", "flight_date"),)

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    handler_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    trucker_org_id: Mapped[str | None] = mapped_column(
        ForeignKey("core_organization.id"), index=True, default=None
    )
    trailer_id: Mapped[str | None] = mapped_column(
        ForeignKey("pallet_air_road_trailer.id"), index=True, default=None
    )
    uld_code: Mapped[str] = mapped_column(String(12), index=True)  # normalized, PMC12345CA
    type_code: Mapped[str] = mapped_column(String(3), index=True)
    owner_code: Mapped[str] = mapped_column(String(2))
    mawb_no: Mapped[str] = mapped_column(String(12), index=True)  # 3-digit prefix + 8 digits
    flight_no: Mapped[str] = mapped_column(String(8))
    flight_date: Mapped[str] = mapped_column(String(10))  # ISO date of departure abroad
    origin: Mapped[str] = mapped_column(String(3))  # airport abroad where it was built
    entry: Mapped[str] = mapped_column(String(3))  # entry airport (CGO)
    destination: Mapped[str] = mapped_column(String(3), index=True)  # domestic airport
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue)  # house waybills
    pieces: Mapped[int] = mapped_column(Integer)
    gross_kg: Mapped[Decimal] = mapped_column(Numeric(10, 1))
    mode: Mapped[str] = mapped_column(String(12), index=True)  # whole_uld / breakdown
    package_type: Mapped[str] = mapped_column(String(8))  # what the tally report counts
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    road: Mapped[dict[str, Any] | None] = mapped_column(JSONValue, default=None)
    metrics: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    record_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), index=True)


class UldEvent(Audited, IdMixin, Base):
    """Append-only: what happened to a ULD, when, and by whom (the audit trail has the rest)."""

    __tablename__ = "pallet_air_road_event"

    uld_id: Mapped[str] = mapped_column(ForeignKey("pallet_air_road_uld.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    event: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(64))
    org_id: Mapped[str | None] = mapped_column(ForeignKey("core_organization.id"), default=None)
    crew: Mapped[int | None] = mapped_column(Integer, default=None)
    touches: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    note: Mapped[str] = mapped_column(Text, default="")


class UldRoadLeg(Audited, IdMixin, TimestampMixin, Base):
    """One road leg of a broken-down ULD: the loose cargo bound for one destination, on one
    truck, tracked on its own (loading → loaded → on_road → delivered)."""

    __tablename__ = "pallet_air_road_road_leg"
    __audit_owner__ = "trucker_org_id"
    __table_args__ = (UniqueConstraint("uld_id", "destination"),)

    uld_id: Mapped[str] = mapped_column(ForeignKey("pallet_air_road_uld.id"), index=True)
    destination: Mapped[str] = mapped_column(String(3))
    trailer_id: Mapped[str] = mapped_column(ForeignKey("pallet_air_road_trailer.id"), index=True)
    trucker_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    plate: Mapped[str] = mapped_column(String(16))
    hawbs: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    pieces: Mapped[int] = mapped_column(Integer)
    gross_kg: Mapped[Decimal] = mapped_column(Numeric(10, 1))
    distance_km: Mapped[Decimal] = mapped_column(Numeric(8, 1))
    planned_hours: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    departed_at: Mapped[datetime | None] = mapped_column(default=None)
    delivered_at: Mapped[datetime | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(16), index=True)
