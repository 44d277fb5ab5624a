"""p14 tables: the through bill of lading (one booking, one payment, one document; fields after
the UN/CEFACT Multi-Modal Transport reference data model and the FIATA FBL, mapped in
docs/practices/asia_europe_transport.md), its tracking events and hand-overs, and saved reefer
repositioning plans."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue


class Bill(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "asia_europe_transport_bill"

    number: Mapped[str] = mapped_column(String(24), unique=True)  # transport document id
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    corridor: Mapped[str] = mapped_column(String(16), index=True)
    variant: Mapped[str] = mapped_column(String(16), index=True)  # rail / air_rail
    status: Mapped[str] = mapped_column(String(16), index=True)
    shipper: Mapped[str] = mapped_column(String(200))  # consignor
    consignee: Mapped[str] = mapped_column(String(200))  # "to order of …" when negotiable
    notify_party: Mapped[str] = mapped_column(String(200), default="")
    place_of_receipt: Mapped[str] = mapped_column(String(64))  # network node id
    place_of_delivery: Mapped[str] = mapped_column(String(64))
    goods: Mapped[str] = mapped_column(String(300))
    hs_code: Mapped[str] = mapped_column(String(10))
    cargo: Mapped[str] = mapped_column(String(16))  # general / perishable / reefer
    packages: Mapped[int] = mapped_column(Integer)
    gross_kg: Mapped[Decimal] = mapped_column(Numeric(12, 1))
    containers: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue)
    teu: Mapped[int] = mapped_column(Integer)
    requested_departure: Mapped[datetime]
    legs: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue)
    sections: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue)
    priority: Mapped[str] = mapped_column(String(16))
    eta: Mapped[datetime]
    total_hours: Mapped[float]
    freight_cny: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    payment_ref: Mapped[str] = mapped_column(String(64), default="")
    paid_at: Mapped[datetime | None] = mapped_column(default=None)
    issued_at: Mapped[datetime | None] = mapped_column(default=None)
    place_of_issue: Mapped[str] = mapped_column(String(8), default="")
    negotiable: Mapped[bool] = mapped_column(Boolean, default=True)
    pledge: Mapped[str] = mapped_column(String(16), default="none", index=True)
    pledgee_org_id: Mapped[str | None] = mapped_column(
        ForeignKey("core_organization.id"), default=None, index=True
    )
    pledged_at: Mapped[datetime | None] = mapped_column(default=None)
    surrendered_at: Mapped[datetime | None] = mapped_column(default=None)
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    sha256: Mapped[str] = mapped_column(String(64), default="")  # of the issued document
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class TrackingEvent(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "asia_europe_transport_event"

    bill_id: Mapped[str] = mapped_column(ForeignKey("asia_europe_transport_bill.id"), index=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    node: Mapped[str] = mapped_column(String(64))
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    carrier_from: Mapped[str] = mapped_column(String(200), default="")
    carrier_to: Mapped[str] = mapped_column(String(200), default="")
    container: Mapped[str] = mapped_column(String(11), default="")
    seal: Mapped[str] = mapped_column(String(32), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    handover: Mapped[bool] = mapped_column(Boolean, default=False)
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class ReeferPlan(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "asia_europe_transport_reefer_plan"

    number: Mapped[str] = mapped_column(String(24), unique=True)
    org_id: Mapped[str | None] = mapped_column(
        ForeignKey("core_organization.id"), default=None, index=True
    )
    horizon_days: Mapped[int] = mapped_column(Integer)
    stock: Mapped[dict[str, Any]] = mapped_column(JSONValue)
    demand: Mapped[dict[str, Any]] = mapped_column(JSONValue)
    # Multi-period plans: the period length and stock/demand per period (stock and demand
    # above are then the totals over the periods); None for a single-horizon plan.
    period_days: Mapped[int | None] = mapped_column(Integer, default=None)
    periods: Mapped[list[dict[str, Any]] | None] = mapped_column(JSONValue, default=None)
    optimal: Mapped[dict[str, Any]] = mapped_column(JSONValue)  # moves, leases, returns, cost
    naive: Mapped[dict[str, Any]] = mapped_column(JSONValue)
    cost_cny: Mapped[int] = mapped_column(BigInteger)
    naive_cost_cny: Mapped[int] = mapped_column(BigInteger)
    saving_cny: Mapped[int] = mapped_column(BigInteger, index=True)
    parameters: Mapped[str] = mapped_column(String(16))  # reefer.yaml version
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
