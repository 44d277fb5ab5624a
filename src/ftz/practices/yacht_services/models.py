"""p16 tables: the yacht registry, the one-application transfer cases, sailing reports with
their passengers (document numbers only as keyed hashes) and submitted tracks, and the published
versions of the night-navigation zones."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue


class Yacht(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "yacht_services_yacht"

    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    name_zh: Mapped[str] = mapped_column(String(64), index=True)
    name_en: Mapped[str] = mapped_column(String(64), default="")
    hull_id: Mapped[str] = mapped_column(String(16), unique=True)  # ISO 10087 HIN
    registration_no: Mapped[str] = mapped_column(String(20), unique=True)
    length_m: Mapped[Decimal] = mapped_column(Numeric(6, 2))
    capacity: Mapped[int] = mapped_column(Integer)  # certified number of persons aboard
    usage: Mapped[str] = mapped_column(String(16), index=True)  # private / rental
    owner_name: Mapped[str] = mapped_column(String(200))
    home_port: Mapped[str] = mapped_column(String(16), index=True)  # marina code
    berth: Mapped[str] = mapped_column(String(16), default="")
    registration_cert_no: Mapped[str] = mapped_column(String(32))
    nationality_cert_no: Mapped[str] = mapped_column(String(32))
    nationality_cert_expiry: Mapped[date] = mapped_column(Date)
    survey_cert_no: Mapped[str] = mapped_column(String(32))
    survey_cert_expiry: Mapped[date] = mapped_column(Date)
    rental_filed: Mapped[bool] = mapped_column(Boolean, default=False)  # 租赁经营备案
    night_certified: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), index=True)  # registered / in_transfer


class Transfer(Audited, IdMixin, TimestampMixin, Base):
    """One case for the four items; `org_id` is the buyer (who files), the seller consents."""

    __tablename__ = "yacht_services_transfer"

    number: Mapped[str] = mapped_column(String(24), unique=True)
    yacht_id: Mapped[str] = mapped_column(ForeignKey("yacht_services_yacht.id"), index=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    seller_org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    previous: Mapped[dict[str, Any]] = mapped_column(JSONValue)  # name, registration, owner
    new_name_zh: Mapped[str] = mapped_column(String(64))
    new_name_en: Mapped[str] = mapped_column(String(64), default="")
    new_owner_name: Mapped[str] = mapped_column(String(200))
    new_home_port: Mapped[str] = mapped_column(String(16))
    new_usage: Mapped[str] = mapped_column(String(16))
    documents: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue)
    items: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue)
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    status: Mapped[str] = mapped_column(String(16), index=True)
    submitted_at: Mapped[datetime]
    consented_at: Mapped[datetime | None] = mapped_column(default=None)
    accepted_at: Mapped[datetime | None] = mapped_column(default=None)
    completed_at: Mapped[datetime | None] = mapped_column(default=None)
    elapsed_working_days: Mapped[int | None] = mapped_column(Integer, default=None)
    sla: Mapped[str | None] = mapped_column(String(16), default=None, index=True)
    commitment_deadline: Mapped[date | None] = mapped_column(Date, default=None)
    new_registration_no: Mapped[str | None] = mapped_column(String(20), default=None)
    note: Mapped[str] = mapped_column(Text, default="")
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class Sailing(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "yacht_services_sailing"

    number: Mapped[str] = mapped_column(String(24), unique=True)
    yacht_id: Mapped[str] = mapped_column(ForeignKey("yacht_services_yacht.id"), index=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    captain_name: Mapped[str] = mapped_column(String(64))
    captain_cert_no: Mapped[str] = mapped_column(String(32))
    marina: Mapped[str] = mapped_column(String(16), index=True)
    depart_at: Mapped[datetime] = mapped_column(index=True)
    return_at: Mapped[datetime]
    usage: Mapped[str] = mapped_column(String(16))
    passengers: Mapped[int] = mapped_column(Integer)
    crew: Mapped[int] = mapped_column(Integer)
    lookout_aboard: Mapped[bool] = mapped_column(Boolean, default=False)
    route: Mapped[list[list[float]]] = mapped_column(JSONValue)  # [lon, lat] waypoints
    period: Mapped[str] = mapped_column(String(16), index=True)  # day / night / …
    zone_code: Mapped[str | None] = mapped_column(String(32), default=None)
    zone_version: Mapped[int | None] = mapped_column(Integer, default=None)
    excursions: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    flags: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    fired: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    status: Mapped[str] = mapped_column(String(16), index=True)
    departed_at: Mapped[datetime | None] = mapped_column(default=None)
    arrived_at: Mapped[datetime | None] = mapped_column(default=None)
    border_status: Mapped[str] = mapped_column(String(16), default="declared", index=True)
    border_note: Mapped[str] = mapped_column(Text, default="")
    disposition: Mapped[str] = mapped_column(String(16), default="", index=True)
    review_note: Mapped[str] = mapped_column(Text, default="")
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class Passenger(Audited, IdMixin, TimestampMixin, Base):
    """Border-check pre-declaration. The document number is kept only as an HMAC and a hint."""

    __tablename__ = "yacht_services_passenger"
    __audit_exclude__ = frozenset({"updated_at", "created_at", "document_hash"})

    sailing_id: Mapped[str] = mapped_column(ForeignKey("yacht_services_sailing.id"), index=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    nationality: Mapped[str] = mapped_column(String(3))
    document_kind: Mapped[str] = mapped_column(String(16))
    document_hash: Mapped[str] = mapped_column(String(64), index=True)
    document_hint: Mapped[str] = mapped_column(String(8))


class Track(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "yacht_services_track"

    sailing_id: Mapped[str] = mapped_column(ForeignKey("yacht_services_sailing.id"), unique=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("core_organization.id"), index=True)
    points: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime]
    distance_m: Mapped[float] = mapped_column(Float)
    max_speed_kn: Mapped[float] = mapped_column(Float)
    max_gap_s: Mapped[float] = mapped_column(Float)
    feature: Mapped[dict[str, Any]] = mapped_column(JSONValue)  # LineString with times
    excursions: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    sha256: Mapped[str] = mapped_column(String(64))
    ledger_index: Mapped[int | None] = mapped_column(BigInteger, default=None)


class ZoneVersion(Audited, IdMixin, TimestampMixin, Base):
    """A night-navigation zone as published by the maritime administration (a whole
    FeatureCollection per version, so a version stays one citable unit)."""

    __tablename__ = "yacht_services_zone"
    __audit_owner__ = None
    __table_args__ = (UniqueConstraint("code", "version"),)

    code: Mapped[str] = mapped_column(String(32), index=True)
    version: Mapped[int] = mapped_column(Integer)
    name_zh: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    geojson: Mapped[dict[str, Any]] = mapped_column(JSONValue)
    marinas: Mapped[list[str]] = mapped_column(JSONValue)
    effective_from: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text, default="")
    published_by: Mapped[str] = mapped_column(String(64))
