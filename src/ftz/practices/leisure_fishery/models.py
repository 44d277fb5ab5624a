"""p17 tables: the leisure fishing vessel registry with its inspections, licences, safety officers
and insurance; catch reports; the province's vessel-and-gear control indicators as a
double-entry ledger (every balance is a sum of its entries); the association's self-regulation
records, demonstration bases and annual statistics.

Quantities are integers so sums are exact on both databases: lengths in centimetres, engine power
in watts, weights in grams, money in 万元 (the unit the province reports in) or yuan."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ftz.core.audit import Audited
from ftz.core.db import Base, IdMixin, TimestampMixin
from ftz.core.db.base import JSONValue

ORG = "core_organization.id"
VESSEL = "leisure_fishery_vessel.id"


class Vessel(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "leisure_fishery_vessel"

    org_id: Mapped[str] = mapped_column(ForeignKey(ORG), index=True)  # the operator
    name: Mapped[str] = mapped_column(String(40), index=True)
    registration_no: Mapped[str] = mapped_column(String(30), unique=True)
    vessel_class: Mapped[str] = mapped_column(String(8))  # from rules/vessel_class.json
    length_cm: Mapped[int] = mapped_column(Integer)
    power_w: Mapped[int] = mapped_column(Integer)
    passenger_capacity: Mapped[int] = mapped_column(Integer)
    home_port: Mapped[str] = mapped_column(String(60))
    area_code: Mapped[str] = mapped_column(String(6), index=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    why: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)


class Inspection(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "leisure_fishery_inspection"

    org_id: Mapped[str] = mapped_column(ForeignKey(ORG), index=True)
    vessel_id: Mapped[str] = mapped_column(ForeignKey(VESSEL), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    inspected_on: Mapped[date] = mapped_column(index=True)
    inspector: Mapped[str] = mapped_column(String(60))
    findings: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    result: Mapped[str] = mapped_column(String(16))
    next_due: Mapped[date] = mapped_column(index=True)
    why: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)


class Licence(Audited, IdMixin, TimestampMixin, Base):
    """A leisure fishing licence (休闲渔业捕捞许可证). Issuing it uses the vessel's indicator of its
    home area for the year it starts; revoking it releases that use."""

    __tablename__ = "leisure_fishery_licence"

    org_id: Mapped[str] = mapped_column(ForeignKey(ORG), index=True)
    vessel_id: Mapped[str] = mapped_column(ForeignKey(VESSEL), index=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    area_code: Mapped[str] = mapped_column(String(6), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    valid_from: Mapped[date] = mapped_column()
    valid_to: Mapped[date] = mapped_column(index=True)
    sea_areas: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    gear: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    gear_units: Mapped[int] = mapped_column(Integer)
    power_w: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)
    note: Mapped[str] = mapped_column(String(300), default="")


class SafetyOfficer(Audited, IdMixin, TimestampMixin, Base):
    """The full-time safety officer (专职安全员) the seed's safety rules require aboard."""

    __tablename__ = "leisure_fishery_safety_officer"

    org_id: Mapped[str] = mapped_column(ForeignKey(ORG), index=True)
    vessel_id: Mapped[str] = mapped_column(ForeignKey(VESSEL), index=True)
    name: Mapped[str] = mapped_column(String(40))
    certificate_no: Mapped[str] = mapped_column(String(40))
    valid_from: Mapped[date] = mapped_column()
    valid_to: Mapped[date] = mapped_column(index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Insurance(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "leisure_fishery_insurance"

    org_id: Mapped[str] = mapped_column(ForeignKey(ORG), index=True)
    vessel_id: Mapped[str] = mapped_column(ForeignKey(VESSEL), index=True)
    policy_no: Mapped[str] = mapped_column(String(40), unique=True)
    insurer: Mapped[str] = mapped_column(String(80))
    cover: Mapped[str] = mapped_column(String(24))
    sum_insured_yuan: Mapped[int] = mapped_column(BigInteger)
    seats: Mapped[int] = mapped_column(Integer)
    starts_on: Mapped[date] = mapped_column()
    expires_on: Mapped[date] = mapped_column(index=True)


class CatchReport(Audited, IdMixin, TimestampMixin, Base):
    __tablename__ = "leisure_fishery_catch_report"

    org_id: Mapped[str] = mapped_column(ForeignKey(ORG), index=True)
    vessel_id: Mapped[str] = mapped_column(ForeignKey(VESSEL), index=True)
    trip_date: Mapped[date] = mapped_column(index=True)
    sea_area: Mapped[str] = mapped_column(String(6))
    gear: Mapped[str] = mapped_column(String(16))
    anglers: Mapped[int] = mapped_column(Integer)
    crew: Mapped[int] = mapped_column(Integer)
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    total_g: Mapped[int] = mapped_column(BigInteger)
    # Space-separated flag codes (searchable with LIKE on both databases); empty when in order.
    flags: Mapped[str] = mapped_column(String(300), default="")
    flagged: Mapped[bool] = mapped_column(Boolean, index=True)
    why: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    status: Mapped[str] = mapped_column(String(16), index=True)
    review_note: Mapped[str] = mapped_column(String(500), default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(default=None)


class IndicatorBalance(IdMixin, Base):
    """Stored balance of one indicator account, locked by every posting so concurrent
    allocations queue; the check constraint is the last guard against over-allocation."""

    __tablename__ = "leisure_fishery_indicator_balance"
    __table_args__ = (
        CheckConstraint(
            "kind = 'source' OR (vessels >= 0 AND power_w >= 0 AND gear_units >= 0)",
            name="not_overdrawn",
        ),
    )

    account: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(12))  # source / province / area / used
    year: Mapped[int] = mapped_column(Integer, index=True)
    area_code: Mapped[str] = mapped_column(String(6))
    vessels: Mapped[int] = mapped_column(Integer, default=0)
    power_w: Mapped[int] = mapped_column(BigInteger, default=0)
    gear_units: Mapped[int] = mapped_column(Integer, default=0)


class IndicatorTxn(Audited, IdMixin, Base):
    """One indicator movement as the officer sees it (quota, allocation, transfer, return, use,
    release); its legs are the entries, which sum to zero."""

    __tablename__ = "leisure_fishery_indicator_txn"
    __audit_owner__ = None

    year: Mapped[int] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(12), index=True)
    from_account: Mapped[str] = mapped_column(String(40))
    to_account: Mapped[str] = mapped_column(String(40))
    vessels: Mapped[int] = mapped_column(Integer)
    power_w: Mapped[int] = mapped_column(BigInteger)
    gear_units: Mapped[int] = mapped_column(Integer)
    licence_id: Mapped[str | None] = mapped_column(String(26), default=None, index=True)
    note: Mapped[str] = mapped_column(String(300), default="")
    actor: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(index=True)
    ledger_sha256: Mapped[str] = mapped_column(String(64), default="")


class IndicatorEntry(IdMixin, Base):
    __tablename__ = "leisure_fishery_indicator_entry"

    txn_id: Mapped[str] = mapped_column(ForeignKey("leisure_fishery_indicator_txn.id"), index=True)
    account: Mapped[str] = mapped_column(String(40), index=True)
    vessels: Mapped[int] = mapped_column(Integer)
    power_w: Mapped[int] = mapped_column(BigInteger)
    gear_units: Mapped[int] = mapped_column(Integer)


class AssociationRecord(Audited, IdMixin, TimestampMixin, Base):
    """The association's self-regulation record about an operator (and maybe one vessel)."""

    __tablename__ = "leisure_fishery_association_record"

    org_id: Mapped[str] = mapped_column(ForeignKey(ORG), index=True)  # the operator concerned
    vessel_id: Mapped[str | None] = mapped_column(ForeignKey(VESSEL), default=None, index=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    severity: Mapped[str] = mapped_column(String(8))
    occurred_on: Mapped[date] = mapped_column(index=True)
    description: Mapped[str] = mapped_column(String(500))
    points: Mapped[int] = mapped_column(Integer)
    why: Mapped[list[dict[str, Any]]] = mapped_column(JSONValue, default=list)
    recorded_by: Mapped[str] = mapped_column(String(64))


class DemonstrationBase(Audited, IdMixin, TimestampMixin, Base):
    """A demonstration base or key project of the three-year action plan (示范基地、赛事基地、
    休闲型海洋牧场、休闲渔业码头、特色小镇)."""

    __tablename__ = "leisure_fishery_base"
    __audit_owner__ = None

    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(24), index=True)
    level: Mapped[str] = mapped_column(String(12), index=True)
    area_code: Mapped[str] = mapped_column(String(6), index=True)
    facilities: Mapped[list[str]] = mapped_column(JSONValue, default=list)
    status: Mapped[str] = mapped_column(String(20))
    recognised_on: Mapped[date | None] = mapped_column(default=None)
    investment_wan: Mapped[int] = mapped_column(BigInteger, default=0)
    key_project: Mapped[bool] = mapped_column(Boolean, default=False)
    description: Mapped[str] = mapped_column(String(500), default="")


class AnnualStatistic(Audited, IdMixin, TimestampMixin, Base):
    """Output (万元) and visitors of one city or county in one year, as monitored by the
    association (the seed's 监测统计 power) or reported by the fishery department."""

    __tablename__ = "leisure_fishery_annual_stat"
    __table_args__ = (UniqueConstraint("area_code", "year"),)
    __audit_owner__ = None

    area_code: Mapped[str] = mapped_column(String(6))
    year: Mapped[int] = mapped_column(Integer, index=True)
    output_wan: Mapped[int] = mapped_column(BigInteger)
    visitors: Mapped[int] = mapped_column(BigInteger)
    source: Mapped[str] = mapped_column(String(200), default="")
