"""p25 tables: special permits printed with two domestic routes, trips (the destination station
the enterprise chose, the driver, the checked track with its violations and points) and the
blacklist entries reported to the transport authority."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    Float,
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


class Permit(Audited, IdMixin, TimestampMixin, Base):
    """特别行车许可证: both routes are WGS84 [lon, lat] lists ending at their station."""

    __tablename__ = "dangerous_goods_permit_permit"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    vehicle_plate: Mapped[str] = mapped_column(String(16), index=True)
    cargo_un: Mapped[str] = mapped_column(String(8))  # UN number, e.g. UN1075 (LPG)
    cargo_name: Mapped[str] = mapped_column(String(64))
    route_a: Mapped[list[list[float]]] = mapped_column(JSONValue)
    route_b: Mapped[list[list[float]]] = mapped_column(JSONValue)
    station_a: Mapped[str] = mapped_column(String(16))
    station_b: Mapped[str] = mapped_column(String(16))
    tolerance_m: Mapped[float] = mapped_column(Float)  # each side of the road
    speed_limit_kmh: Mapped[float] = mapped_column(Float)
    window_start: Mapped[str] = mapped_column(String(5))  # HH:MM local time
    window_end: Mapped[str] = mapped_column(String(5))
    max_stop_min: Mapped[int] = mapped_column(Integer)
    escort: Mapped[bool] = mapped_column(Boolean, default=True)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class Trip(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "dangerous_goods_permit_trip"

    number: Mapped[str] = mapped_column(String(24), unique=True)
    permit_id: Mapped[str] = mapped_column(
        ForeignKey("dangerous_goods_permit_permit.id"), index=True
    )
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    station: Mapped[str] = mapped_column(String(16), index=True)  # the route chosen: A or B
    driver_name: Mapped[str] = mapped_column(String(64))
    driver_licence: Mapped[str] = mapped_column(String(32), index=True)
    tonnes: Mapped[float] = mapped_column(Float)
    entry_at: Mapped[datetime] = mapped_column(index=True)  # planned border entry
    status: Mapped[str] = mapped_column(String(16), index=True)
    compliant: Mapped[bool | None] = mapped_column(Boolean, default=None, index=True)
    route_followed: Mapped[str | None] = mapped_column(String(1), default=None)
    violations: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    points: Mapped[int] = mapped_column(Integer, default=0)
    summary: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    track: Mapped[dict[str, Any] | None] = mapped_column(JSONValue, default=None)
    track_sha256: Mapped[str | None] = mapped_column(String(64), default=None)
    checked_at: Mapped[datetime | None] = mapped_column(default=None, index=True)
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class Blacklisting(Audited, IdMixin, TimestampMixin, Base):
    """A driver (by licence number) or an enterprise past the threshold, with the rule row and
    the notice to the transport authority."""

    __tablename__ = "dangerous_goods_permit_blacklisting"
    __table_args__ = (UniqueConstraint("subject", "subject_key"),)

    subject: Mapped[str] = mapped_column(String(16))  # driver / enterprise
    subject_key: Mapped[str] = mapped_column(String(32))  # licence number or org id
    subject_name: Mapped[str] = mapped_column(String(200))
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    points: Mapped[int] = mapped_column(Integer)
    trip_id: Mapped[str] = mapped_column(ForeignKey("dangerous_goods_permit_trip.id"))
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    reported_to: Mapped[str] = mapped_column(String(64))
    listed_at: Mapped[datetime]
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)
