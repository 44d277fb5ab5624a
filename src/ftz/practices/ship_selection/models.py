"""p07 tables: ratings (carrier asks, shipper reads the advice and decides), grain calls with
their papers and the officers' comments, and the berth channel (reserved berths, arrival plans,
escort requests). Uploaded papers are stored as files under FTZ_DATA_DIR; the table keeps their
SHA-256 and the ledger entry that anchors it."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, Boolean, Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue

ORG = "core_organization.id"


class Rating(Audited, IdMixin, TimestampMixin, Base):
    """One ten-dimension rating: asked by the carrier (org_id), delivered to the shipper."""

    __tablename__ = "ship_selection_rating"

    org_id: Mapped[str] = mapped_column(ForeignKey(ORG), index=True)
    shipper_org_id: Mapped[str] = mapped_column(ForeignKey(ORG), index=True)
    ship_id: Mapped[str] = mapped_column(ForeignKey("vessels_ship.id"), index=True)
    requested_by: Mapped[str] = mapped_column(String(64))
    voyage: Mapped[str] = mapped_column(String(200))
    cargo: Mapped[str] = mapped_column(String(16))  # grain_bulk / other
    cargo_name: Mapped[str] = mapped_column(String(100))
    quantity_t: Mapped[int] = mapped_column(Integer)
    laycan: Mapped[date | None] = mapped_column(Date, default=None)
    assessed_on: Mapped[date] = mapped_column(Date)
    rating: Mapped[str] = mapped_column(String(16), index=True)
    dimensions: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue)
    facts: Mapped[dict[str, Any]] = mapped_column(JSONValue)
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue)
    status: Mapped[str] = mapped_column(String(16), index=True)  # delivered/chartered/declined
    shipper_note: Mapped[str] = mapped_column(Text, default="")
    decided_at: Mapped[datetime | None] = mapped_column(default=None)
    ledger_index: Mapped[int] = mapped_column(BigInteger)
    decision_ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class GrainCall(Audited, IdMixin, TimestampMixin, Base):
    """A grain ship's call: papers filed before arrival by the ship or its agent (org_id)."""

    __tablename__ = "ship_selection_grain_call"

    number: Mapped[str] = mapped_column(String(32), unique=True)
    org_id: Mapped[str] = mapped_column(ForeignKey(ORG), index=True)
    ship_id: Mapped[str] = mapped_column(ForeignKey("vessels_ship.id"), index=True)
    terminal_org_id: Mapped[str | None] = mapped_column(ForeignKey(ORG), index=True, default=None)
    company_org_id: Mapped[str | None] = mapped_column(ForeignKey(ORG), index=True, default=None)
    port: Mapped[str] = mapped_column(String(64))
    eta: Mapped[datetime]
    cargo_name: Mapped[str] = mapped_column(String(100))
    quantity_t: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)
    checklist: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    condition: Mapped[dict[str, Any] | None] = mapped_column(JSONValue, default=None)
    stability: Mapped[dict[str, Any] | None] = mapped_column(JSONValue, default=None)
    stability_pass: Mapped[bool | None] = mapped_column(Boolean, default=None)
    trimming_check: Mapped[str | None] = mapped_column(String(16), default=None)
    trimming_fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    reviewed_by: Mapped[str] = mapped_column(String(64), default="")
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class GrainDocument(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "ship_selection_grain_document"

    call_id: Mapped[str] = mapped_column(ForeignKey("ship_selection_grain_call.id"), index=True)
    org_id: Mapped[str] = mapped_column(ForeignKey(ORG), index=True)  # the call's filer
    kind: Mapped[str] = mapped_column(String(32))
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    uploaded_by: Mapped[str] = mapped_column(String(64))
    ledger_index: Mapped[int] = mapped_column(BigInteger)


class GrainComment(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "ship_selection_grain_comment"

    call_id: Mapped[str] = mapped_column(ForeignKey("ship_selection_grain_call.id"), index=True)
    org_id: Mapped[str] = mapped_column(ForeignKey(ORG), index=True)  # the call's filer
    author: Mapped[str] = mapped_column(String(64))
    author_org: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)


class Berth(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "ship_selection_berth"
    __audit_owner__ = None  # port infrastructure: no enterprise owns the record

    code: Mapped[str] = mapped_column(String(32), unique=True)
    port: Mapped[str] = mapped_column(String(64), index=True)
    terminal: Mapped[str] = mapped_column(String(100))
    depth_m: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    max_dwt: Mapped[int] = mapped_column(Integer)
    reserved_for_grain: Mapped[bool] = mapped_column(Boolean, default=True)


class Arrival(Audited, IdMixin, TimestampMixin, Base):
    """An arrival plan (one ship call) in the "four reductions, five zeros" channel."""

    __tablename__ = "ship_selection_arrival"

    number: Mapped[str] = mapped_column(String(32), unique=True)
    org_id: Mapped[str] = mapped_column(ForeignKey(ORG), index=True)
    ship_id: Mapped[str] = mapped_column(ForeignKey("vessels_ship.id"), index=True)
    grain_call_id: Mapped[str | None] = mapped_column(
        ForeignKey("ship_selection_grain_call.id"), index=True, default=None
    )
    berth_id: Mapped[str | None] = mapped_column(
        ForeignKey("ship_selection_berth.id"), index=True, default=None
    )
    port: Mapped[str] = mapped_column(String(64), index=True)
    eta: Mapped[datetime]
    etd: Mapped[datetime]
    cargo_name: Mapped[str] = mapped_column(String(100))
    quantity_t: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)
    guarantees: Mapped[dict[str, Any]] = mapped_column(JSONValue, default=dict)
    arrived_at: Mapped[datetime | None] = mapped_column(default=None)
    berthed_at: Mapped[datetime | None] = mapped_column(default=None)
    departed_at: Mapped[datetime | None] = mapped_column(default=None)
    waiting_hours: Mapped[Decimal | None] = mapped_column(Numeric(7, 2), default=None)
    hours_saved: Mapped[Decimal | None] = mapped_column(Numeric(7, 2), default=None)
    cost_saved_cny: Mapped[Decimal | None] = mapped_column(Numeric(14, 2), default=None)
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class Escort(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "ship_selection_escort"

    arrival_id: Mapped[str] = mapped_column(ForeignKey("ship_selection_arrival.id"), index=True)
    org_id: Mapped[str] = mapped_column(ForeignKey(ORG), index=True)  # the plan's filer
    kind: Mapped[str] = mapped_column(String(16))  # patrol / tug / icebreaking
    status: Mapped[str] = mapped_column(String(16), index=True)
    assigned_unit: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
