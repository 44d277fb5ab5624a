"""p24 tables: trucks and their route permits, loads tendered to a carrier, trips (with the
permit check, the green channel and the seal numbers at both ends) and rail–road multimodal
applications. The five designated routes are reference data (data/routes.yaml)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue


class Truck(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "china_vietnam_transport_truck"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    plate: Mapped[str] = mapped_column(String(16), unique=True)
    country: Mapped[str] = mapped_column(String(2))  # CN or VN: both sides' trucks may run
    kind: Mapped[str] = mapped_column(String(16))  # box / reefer
    capacity_t: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    driver: Mapped[str] = mapped_column(String(64), default="")


class Permit(Audited, IdMixin, TimestampMixin, Base):
    """A vehicle permit for one designated route, issued by the transport bureau."""

    __tablename__ = "china_vietnam_transport_permit"

    number: Mapped[str] = mapped_column(String(24), unique=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    truck_id: Mapped[str] = mapped_column(
        ForeignKey("china_vietnam_transport_truck.id"), index=True
    )
    route_code: Mapped[str] = mapped_column(String(8), index=True)
    # Each side issues permits to its own carriers (China–Vietnam road transport agreement):
    # CN by the Chinese transport authority, VN by the Vietnamese one (recorded here as shown).
    issuing_side: Mapped[str] = mapped_column(String(2), default="CN", server_default="CN")
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")


class RefusedTrip(Audited, IdMixin, TimestampMixin, Base):
    """A trip attempt a rule refused (permit, vehicle or route): who tried, when, with which
    truck on which route, and the rows that fired. Kept although the trip is not."""

    __tablename__ = "china_vietnam_transport_refused_trip"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    actor: Mapped[str] = mapped_column(String(64))
    truck_id: Mapped[str] = mapped_column(
        ForeignKey("china_vietnam_transport_truck.id"), index=True
    )
    plate: Mapped[str] = mapped_column(String(16), index=True)
    truck_country: Mapped[str] = mapped_column(String(2))
    route_code: Mapped[str] = mapped_column(String(8), index=True)
    direction: Mapped[str] = mapped_column(String(8))
    depart_at: Mapped[datetime]
    load_id: Mapped[str | None] = mapped_column(String(26), default=None)
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)


class Load(Audited, IdMixin, TimestampMixin, Base):
    """Cargo tendered to a carrier: south (China → Vietnam) or north, with its time window."""

    __tablename__ = "china_vietnam_transport_load"

    number: Mapped[str] = mapped_column(String(24), unique=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    shipper: Mapped[str] = mapped_column(String(200))
    cargo: Mapped[str] = mapped_column(String(200))
    route_code: Mapped[str] = mapped_column(String(8), index=True)
    direction: Mapped[str] = mapped_column(String(8), index=True)  # south / north
    fresh: Mapped[bool] = mapped_column(Boolean, default=False)
    weight_t: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    ready_at: Mapped[datetime]
    deliver_by: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), index=True)  # open / assigned
    trip_id: Mapped[str | None] = mapped_column(String(26), default=None)


class Trip(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "china_vietnam_transport_trip"

    number: Mapped[str] = mapped_column(String(24), unique=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    truck_id: Mapped[str] = mapped_column(
        ForeignKey("china_vietnam_transport_truck.id"), index=True
    )
    permit_id: Mapped[str] = mapped_column(ForeignKey("china_vietnam_transport_permit.id"))
    route_code: Mapped[str] = mapped_column(String(8), index=True)
    direction: Mapped[str] = mapped_column(String(8), index=True)
    load_id: Mapped[str | None] = mapped_column(
        ForeignKey("china_vietnam_transport_load.id"), default=None
    )
    outbound_id: Mapped[str | None] = mapped_column(String(26), default=None)  # a return trip's
    return_id: Mapped[str | None] = mapped_column(String(26), default=None)
    depart_at: Mapped[datetime] = mapped_column(index=True)
    arrive_at: Mapped[datetime]  # planned, from the network's road hours
    distance_km: Mapped[float]
    fresh: Mapped[bool] = mapped_column(Boolean, default=False)
    local_inspection: Mapped[bool] = mapped_column(Boolean, default=False)
    green_channel: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    seal_origin: Mapped[str] = mapped_column(String(32), default="")
    seal_destination: Mapped[str] = mapped_column(String(32), default="")
    seal_verdict: Mapped[str] = mapped_column(String(16), default="")
    clearance_minutes: Mapped[int | None] = mapped_column(Integer, default=None)
    hold_reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), index=True)
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class Multimodal(Audited, IdMixin, TimestampMixin, Base):
    """多式联运申请单: filed by the railway as operator, one declaration and one inspection."""

    __tablename__ = "china_vietnam_transport_multimodal"

    number: Mapped[str] = mapped_column(String(24), unique=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    container_no: Mapped[str] = mapped_column(String(11), index=True)  # ISO 6346
    declaration_no: Mapped[str] = mapped_column(String(18))  # customs declaration, 18 digits
    cargo: Mapped[str] = mapped_column(String(200))
    origin: Mapped[str] = mapped_column(String(32))  # network node ids
    destination: Mapped[str] = mapped_column(String(32))
    rail_operator: Mapped[bool] = mapped_column(Boolean, default=True)
    inspection: Mapped[str] = mapped_column(String(16), default="pending")
    legs: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    hours: Mapped[float]
    status: Mapped[str] = mapped_column(String(16), index=True)
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    released_at: Mapped[datetime | None] = mapped_column(default=None)
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)
