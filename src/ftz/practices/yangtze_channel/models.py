"""p29 tables: the partner operators (enterprises that signed the corridor's co-operation
agreement, ports with their node), their fixed multimodal services on a sub-channel, the order
board (shippers' cargo orders, operators' capacity offers), the parties of each booked order (who
may see it and track it) and the shared tracking events. The channel and its sub-channels are
reference data (data/channel.yaml) over the shared network, not tables."""

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


class Operator(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "yangtze_channel_operator"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), unique=True)
    code: Mapped[str] = mapped_column(String(24), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(16), index=True)  # rail / port / shipping / forwarder
    node_id: Mapped[str] = mapped_column(String(48), default="")  # a port's own node
    agreement: Mapped[str] = mapped_column(String(200))  # the co-operation agreement signed
    signed_on: Mapped[date] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class FixedService(Audited, IdMixin, TimestampMixin, Base):
    """A fixed (or relatively fixed) multimodal service (固定或相对固定的多式联运班线)."""

    __tablename__ = "yangtze_channel_service"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    operator_id: Mapped[str] = mapped_column(ForeignKey("yangtze_channel_operator.id"), index=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    sub_channel: Mapped[str] = mapped_column(String(8), index=True)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    mode: Mapped[str] = mapped_column(String(8))
    stops: Mapped[list[str]] = mapped_column(JSONValue)
    network_service: Mapped[str] = mapped_column(String(48), default="")
    weekly_departures: Mapped[int] = mapped_column(Integer)
    teu_per_departure: Mapped[int] = mapped_column(Integer)
    cargo_types: Mapped[list[str]] = mapped_column(JSONValue)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Offer(Audited, IdMixin, TimestampMixin, Base):
    """Capacity an operator offers on the board: one departure from origin to destination."""

    __tablename__ = "yangtze_channel_offer"

    number: Mapped[str] = mapped_column(String(24), unique=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    operator_id: Mapped[str] = mapped_column(ForeignKey("yangtze_channel_operator.id"), index=True)
    service_id: Mapped[str | None] = mapped_column(
        ForeignKey("yangtze_channel_service.id"), default=None, index=True
    )
    mode: Mapped[str] = mapped_column(String(8))
    origin: Mapped[str] = mapped_column(String(48), index=True)
    destination: Mapped[str] = mapped_column(String(48), index=True)
    departs_on: Mapped[date] = mapped_column(Date, index=True)
    arrives_on: Mapped[date] = mapped_column(Date)
    capacity_teu: Mapped[int] = mapped_column(Integer)
    booked_teu: Mapped[int] = mapped_column(Integer, default=0)
    cargo_types: Mapped[list[str]] = mapped_column(JSONValue)
    price_cny_per_teu: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)  # open / full / withdrawn
    note: Mapped[str] = mapped_column(Text, default="")


class Order(Audited, IdMixin, TimestampMixin, Base):
    """A shipper's cargo order: posted on the board, planned over the network, booked on an
    offer (with the rows that matched and its evidence-ledger entry), then tracked."""

    __tablename__ = "yangtze_channel_order"

    number: Mapped[str] = mapped_column(String(24), unique=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    origin: Mapped[str] = mapped_column(String(48), index=True)
    destination: Mapped[str] = mapped_column(String(48), index=True)
    cargo_type: Mapped[str] = mapped_column(String(16))
    trade: Mapped[str] = mapped_column(String(16))  # export / import / domestic
    teu: Mapped[int] = mapped_column(Integer)
    ready_on: Mapped[date] = mapped_column(Date, index=True)
    # When the cargo is ready to leave (the plan's departure time; timetabled legs wait for their
    # next departure after it). None only on rows from before the column.
    ready_at: Mapped[datetime | None] = mapped_column(default=None)
    deliver_by: Mapped[date] = mapped_column(Date)
    modes: Mapped[list[str]] = mapped_column(JSONValue)
    optimize: Mapped[str] = mapped_column(String(8))
    description: Mapped[str] = mapped_column(Text, default="")
    listed: Mapped[bool] = mapped_column(Boolean, default=True)  # shown on the public board
    route: Mapped[dict[str, Any]] = mapped_column(JSONValue)  # the planned RoutePlan's best route
    route_nodes: Mapped[list[str]] = mapped_column(JSONValue)
    sub_channels: Mapped[list[str]] = mapped_column(JSONValue)
    foreign: Mapped[bool] = mapped_column(Boolean)
    foreign_fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    status: Mapped[str] = mapped_column(String(16), index=True)
    offer_id: Mapped[str | None] = mapped_column(
        ForeignKey("yangtze_channel_offer.id"), default=None, index=True
    )
    operator_org_id: Mapped[str | None] = mapped_column(
        ForeignKey("core_organization.id"), default=None
    )
    match_fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    booked_at: Mapped[datetime | None] = mapped_column(default=None)
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class OrderParty(Audited, IdMixin, TimestampMixin, Base):
    """Who takes part in an order and so sees it and its tracking: the shipper, the booked
    operator and the partner ports on its route."""

    __tablename__ = "yangtze_channel_party"
    __table_args__ = (UniqueConstraint("order_id", "org_id"),)

    order_id: Mapped[str] = mapped_column(ForeignKey("yangtze_channel_order.id"), index=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # shipper / operator / port


class TrackingEvent(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "yangtze_channel_event"

    order_id: Mapped[str] = mapped_column(ForeignKey("yangtze_channel_order.id"), index=True)
    org_id: Mapped[str | None] = mapped_column(ForeignKey("core_organization.id"), default=None)
    party: Mapped[str] = mapped_column(String(16))  # shipper / operator / port / administration
    kind: Mapped[str] = mapped_column(String(16))
    node_id: Mapped[str] = mapped_column(String(48), default="")
    occurred_at: Mapped[datetime]
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64))
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
