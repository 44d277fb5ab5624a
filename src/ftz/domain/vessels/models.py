"""Ships and their records, shared by the maritime practices: management companies (ISM DOC
holders), ships with their particulars, statutory certificates, manning, PSC inspections with
deficiencies and detentions, maritime accidents, administrative penalties, and the two watch
lists of the maritime administration (key tracking, assistance investigations).

These are records of the maritime administration about ships, not an enterprise's own data, so
they carry no owning organization: who may read or change them is decided by the practice."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin


class Record(Audited):
    __audit_owner__ = None


class Company(Record, IdMixin, TimestampMixin, Base):
    """The ISM company: the holder of the Document of Compliance (SOLAS IX/1, ISM Code 1.1.2)."""

    __tablename__ = "vessels_company"

    imo_company_number: Mapped[str] = mapped_column(String(7), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    name_en: Mapped[str] = mapped_column(String(200), default="")
    country: Mapped[str] = mapped_column(String(2))
    doc_number: Mapped[str] = mapped_column(String(64), default="")
    doc_issuer: Mapped[str] = mapped_column(String(100), default="")
    doc_expires_on: Mapped[date | None] = mapped_column(Date, default=None)


class Ship(Record, IdMixin, TimestampMixin, Base):
    __tablename__ = "vessels_ship"

    imo_number: Mapped[str] = mapped_column(String(7), unique=True)
    imo_checksum_ok: Mapped[bool] = mapped_column(Boolean, default=True)
    mmsi: Mapped[str | None] = mapped_column(String(9), unique=True, default=None)
    mmsi_country: Mapped[str | None] = mapped_column(String(2), default=None)
    call_sign: Mapped[str] = mapped_column(String(16), default="")
    name: Mapped[str] = mapped_column(String(100), index=True)
    name_zh: Mapped[str] = mapped_column(String(100), default="")
    ship_type: Mapped[str] = mapped_column(String(32), index=True)
    flag: Mapped[str] = mapped_column(String(2), index=True)
    port_of_registry: Mapped[str] = mapped_column(String(100), default="")
    gross_tonnage: Mapped[int] = mapped_column(Integer)
    deadweight_t: Mapped[int] = mapped_column(Integer)
    year_built: Mapped[int] = mapped_column(Integer)
    class_society: Mapped[str] = mapped_column(String(16), default="")
    company_id: Mapped[str | None] = mapped_column(
        ForeignKey("vessels_company.id"), index=True, default=None
    )

    company: Mapped[Company | None] = relationship(lazy="joined")


class Certificate(Record, IdMixin, TimestampMixin, Base):
    __tablename__ = "vessels_certificate"
    __table_args__ = (UniqueConstraint("ship_id", "kind", "number"),)

    ship_id: Mapped[str] = mapped_column(ForeignKey("vessels_ship.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    number: Mapped[str] = mapped_column(String(64))
    issuer: Mapped[str] = mapped_column(String(100), default="")
    issued_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date, default=None)
    status: Mapped[str] = mapped_column(String(16), default="valid")  # valid/suspended/withdrawn


class Manning(Record, IdMixin, TimestampMixin, Base):
    """One check of the crew against the Minimum Safe Manning Document."""

    __tablename__ = "vessels_manning"
    __table_args__ = (UniqueConstraint("ship_id", "checked_on"),)

    ship_id: Mapped[str] = mapped_column(ForeignKey("vessels_ship.id"), index=True)
    checked_on: Mapped[date] = mapped_column(Date)
    required_crew: Mapped[int] = mapped_column(Integer)
    crew_on_board: Mapped[int] = mapped_column(Integer)
    uncertified: Mapped[int] = mapped_column(Integer, default=0)  # without a valid CoC
    source: Mapped[str] = mapped_column(String(100), default="")


class Inspection(Record, IdMixin, TimestampMixin, Base):
    """A port State control (or flag State) inspection."""

    __tablename__ = "vessels_inspection"
    __table_args__ = (UniqueConstraint("ship_id", "inspected_on", "port"),)

    ship_id: Mapped[str] = mapped_column(ForeignKey("vessels_ship.id"), index=True)
    regime: Mapped[str] = mapped_column(String(16))  # tokyo_mou / paris_mou / china_fsc / other
    authority: Mapped[str] = mapped_column(String(100), default="")
    port: Mapped[str] = mapped_column(String(100))
    inspected_on: Mapped[date] = mapped_column(Date, index=True)
    inspection_type: Mapped[str] = mapped_column(String(16), default="initial")
    detained: Mapped[bool] = mapped_column(Boolean, default=False)
    detention_days: Mapped[int] = mapped_column(Integer, default=0)

    deficiencies: Mapped[list[Deficiency]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="Deficiency.code"
    )


class Deficiency(Record, IdMixin, TimestampMixin, Base):
    __tablename__ = "vessels_deficiency"

    inspection_id: Mapped[str] = mapped_column(ForeignKey("vessels_inspection.id"), index=True)
    code: Mapped[str] = mapped_column(String(8))  # the MoU deficiency code, e.g. 07109
    area: Mapped[str] = mapped_column(String(64), default="")
    description: Mapped[str] = mapped_column(String(400), default="")
    detainable: Mapped[bool] = mapped_column(Boolean, default=False)  # ground for detention
    rectified: Mapped[bool] = mapped_column(Boolean, default=False)


class Accident(Record, IdMixin, TimestampMixin, Base):
    __tablename__ = "vessels_accident"
    __table_args__ = (UniqueConstraint("ship_id", "occurred_on", "kind"),)

    ship_id: Mapped[str] = mapped_column(ForeignKey("vessels_ship.id"), index=True)
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(24))  # collision, grounding, fire_explosion, …
    severity: Mapped[str] = mapped_column(String(16))  # IMO casualty classes
    responsibility: Mapped[str] = mapped_column(String(16))  # full/main/equal/minor/none/open
    place: Mapped[str] = mapped_column(String(200), default="")
    fatalities: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text, default="")


class Penalty(Record, IdMixin, TimestampMixin, Base):
    """An administrative penalty decision against the ship or its company."""

    __tablename__ = "vessels_penalty"

    case_number: Mapped[str] = mapped_column(String(64), unique=True)
    ship_id: Mapped[str] = mapped_column(ForeignKey("vessels_ship.id"), index=True)
    decided_on: Mapped[date] = mapped_column(Date, index=True)
    authority: Mapped[str] = mapped_column(String(100))
    violation: Mapped[str] = mapped_column(String(400))
    fine_cny: Mapped[Decimal] = mapped_column(Numeric(14, 2), default=Decimal(0))
    status: Mapped[str] = mapped_column(String(16), default="decided")  # decided/paid/revoked


class Watch(Record, IdMixin, TimestampMixin, Base):
    """A ship on the key-tracking list (重点跟踪) or under an assistance investigation (协查)."""

    __tablename__ = "vessels_watch"
    __table_args__ = (UniqueConstraint("ship_id", "kind", "opened_on"),)

    ship_id: Mapped[str] = mapped_column(ForeignKey("vessels_ship.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))  # key_tracking / assistance_investigation
    reason: Mapped[str] = mapped_column(String(400))
    requested_by: Mapped[str] = mapped_column(String(100))
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    closing_note: Mapped[str] = mapped_column(String(400), default="")
