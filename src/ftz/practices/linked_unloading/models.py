"""p02 tables: shipments filed by the consignee or shipper, their containers (one row per box,
carrying its status in the linked-unloading flow) and the events terminals, barge operators and
customs post on each container (the shared timeline, each anchored in the evidence ledger)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin


class Shipment(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "linked_unloading_shipment"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    direction: Mapped[str] = mapped_column(String(8), index=True)  # import | export
    port_code: Mapped[str] = mapped_column(String(8), index=True)  # the linked port
    consignee: Mapped[str] = mapped_column(String(200))
    bill_of_lading: Mapped[str] = mapped_column(String(40))
    vessel: Mapped[str] = mapped_column(String(100), default="")
    # Declared before the vessel (import) or the barge (export) reaches Yangshan: the basis
    # of shipside pickup / direct loading.
    declared_in_advance: Mapped[bool] = mapped_column(Boolean, default=False)
    teu: Mapped[int] = mapped_column(Integer)
    # Route comparison at filing (reference version, options, savings) and the fast-track
    # verdict with its fired rows.
    comparison: Mapped[dict[str, Any]] = mapped_column(default=dict)
    fast_track: Mapped[dict[str, Any]] = mapped_column(default=dict)

    containers: Mapped[list[Container]] = relationship(
        back_populates="shipment", order_by="Container.number", lazy="selectin"
    )


class Container(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "linked_unloading_container"
    __table_args__ = (UniqueConstraint("shipment_id", "number"),)

    shipment_id: Mapped[str] = mapped_column(ForeignKey("linked_unloading_shipment.id"), index=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    number: Mapped[str] = mapped_column(String(11), index=True)  # ISO 6346
    size_ft: Mapped[int] = mapped_column(Integer)  # 20 or 40
    # Copied from the shipment so lists filter and group without a join.
    direction: Mapped[str] = mapped_column(String(8), index=True)
    port_code: Mapped[str] = mapped_column(String(8), index=True)
    status: Mapped[str] = mapped_column(String(24), index=True)
    selected: Mapped[bool] = mapped_column(Boolean, default=False)
    inspection: Mapped[dict[str, Any]] = mapped_column(default=dict)
    filed_at: Mapped[datetime] = mapped_column(index=True)
    last_event_at: Mapped[datetime]
    barge_departed_at: Mapped[datetime | None] = mapped_column(default=None)
    barge_arrived_at: Mapped[datetime | None] = mapped_column(default=None)
    transit_hours: Mapped[float | None] = mapped_column(Float, default=None)
    delay: Mapped[dict[str, Any]] = mapped_column(default=dict)
    completed_at: Mapped[datetime | None] = mapped_column(default=None)

    shipment: Mapped[Shipment] = relationship(back_populates="containers", lazy="joined")
    events: Mapped[list[Event]] = relationship(
        back_populates="container", order_by="Event.at", lazy="selectin"
    )

    @property
    def teu(self) -> int:
        return 2 if self.size_ft == 40 else 1


class Event(Audited, IdMixin, TimestampMixin, Base):
    """One step of one container, posted by the party that performed it."""

    __tablename__ = "linked_unloading_event"

    container_id: Mapped[str] = mapped_column(
        ForeignKey("linked_unloading_container.id"), index=True
    )
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    event: Mapped[str] = mapped_column(String(32))
    from_status: Mapped[str] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    party: Mapped[str] = mapped_column(String(16))  # enterprise | customs | terminal | barge
    actor: Mapped[str] = mapped_column(String(64))
    location: Mapped[str] = mapped_column(String(8))
    at: Mapped[datetime] = mapped_column(index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    ledger_index: Mapped[int] = mapped_column(BigInteger)

    container: Mapped[Container] = relationship(back_populates="events")
