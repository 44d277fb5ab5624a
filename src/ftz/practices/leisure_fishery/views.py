"""p17 response bodies: stored integers shown in the units people use (m, kW, kg), each rule
verdict with its `why` (the rows that fired and their source)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel

from ftz.practices.leisure_fishery.models import (
    AnnualStatistic,
    AssociationRecord,
    CatchReport,
    DemonstrationBase,
    IndicatorTxn,
    Inspection,
    Insurance,
    Licence,
    SafetyOfficer,
    Vessel,
)


class VesselOut(BaseModel):
    id: str
    org_id: str
    name: str
    registration_no: str
    vessel_class: str
    length_m: float
    power_kw: float
    passenger_capacity: int
    home_port: str
    area_code: str
    status: str
    why: list[dict[str, Any]]

    @classmethod
    def of(cls, v: Vessel) -> VesselOut:
        return cls(
            id=v.id,
            org_id=v.org_id,
            name=v.name,
            registration_no=v.registration_no,
            vessel_class=v.vessel_class,
            length_m=v.length_cm / 100,
            power_kw=v.power_w / 1000,
            passenger_capacity=v.passenger_capacity,
            home_port=v.home_port,
            area_code=v.area_code,
            status=v.status,
            why=v.why,
        )


class InspectionOut(BaseModel):
    id: str
    vessel_id: str
    kind: str
    inspected_on: date
    inspector: str
    findings: list[dict[str, Any]]
    result: str
    next_due: date
    why: list[dict[str, Any]]

    @classmethod
    def of(cls, x: Inspection) -> InspectionOut:
        return cls.model_validate(x, from_attributes=True)


class LicenceOut(BaseModel):
    id: str
    vessel_id: str
    number: str
    area_code: str
    year: int
    valid_from: date
    valid_to: date
    sea_areas: list[str]
    gear: list[str]
    gear_units: int
    power_kw: float
    status: str
    expired: bool
    note: str

    @classmethod
    def of(cls, x: Licence, today: date) -> LicenceOut:
        return cls(
            id=x.id,
            vessel_id=x.vessel_id,
            number=x.number,
            area_code=x.area_code,
            year=x.year,
            valid_from=x.valid_from,
            valid_to=x.valid_to,
            sea_areas=x.sea_areas,
            gear=x.gear,
            gear_units=x.gear_units,
            power_kw=x.power_w / 1000,
            status=x.status,
            expired=x.status == "active" and x.valid_to < today,
            note=x.note,
        )


class SafetyOfficerOut(BaseModel):
    id: str
    vessel_id: str
    name: str
    certificate_no: str
    valid_from: date
    valid_to: date
    active: bool

    @classmethod
    def of(cls, x: SafetyOfficer) -> SafetyOfficerOut:
        return cls.model_validate(x, from_attributes=True)


class InsuranceOut(BaseModel):
    id: str
    vessel_id: str
    policy_no: str
    insurer: str
    cover: str
    sum_insured_yuan: int
    seats: int
    starts_on: date
    expires_on: date

    @classmethod
    def of(cls, x: Insurance) -> InsuranceOut:
        return cls.model_validate(x, from_attributes=True)


class SailingOut(BaseModel):
    on: str
    may_sail: bool
    flags: list[str]
    facts: dict[str, Any]
    why: list[dict[str, Any]]


class VesselDetail(BaseModel):
    vessel: VesselOut
    sailing: SailingOut
    inspections: list[InspectionOut]
    licences: list[LicenceOut]
    safety_officers: list[SafetyOfficerOut]
    insurance: list[InsuranceOut]


class CatchReportOut(BaseModel):
    id: str
    vessel_id: str
    trip_date: date
    sea_area: str
    gear: str
    anglers: int
    crew: int
    lines: list[dict[str, Any]]
    total_kg: float
    flags: list[str]
    flagged: bool
    status: str
    review_note: str
    reviewed_at: datetime | None
    why: list[dict[str, Any]]

    @classmethod
    def of(cls, x: CatchReport) -> CatchReportOut:
        return cls(
            id=x.id,
            vessel_id=x.vessel_id,
            trip_date=x.trip_date,
            sea_area=x.sea_area,
            gear=x.gear,
            anglers=x.anglers,
            crew=x.crew,
            lines=x.lines,
            total_kg=x.total_g / 1000,
            flags=x.flags.split(),
            flagged=x.flagged,
            status=x.status,
            review_note=x.review_note,
            reviewed_at=x.reviewed_at,
            why=x.why,
        )


class TxnOut(BaseModel):
    id: str
    year: int
    kind: str
    from_account: str
    to_account: str
    vessels: int
    power_kw: float
    gear_units: int
    licence_id: str | None
    note: str
    actor: str
    at: datetime
    ledger_sha256: str

    @classmethod
    def of(cls, x: IndicatorTxn) -> TxnOut:
        return cls(
            id=x.id,
            year=x.year,
            kind=x.kind,
            from_account=x.from_account,
            to_account=x.to_account,
            vessels=x.vessels,
            power_kw=x.power_w / 1000,
            gear_units=x.gear_units,
            licence_id=x.licence_id,
            note=x.note,
            actor=x.actor,
            at=x.at,
            ledger_sha256=x.ledger_sha256,
        )


class RecordOut(BaseModel):
    id: str
    org_id: str
    vessel_id: str | None
    kind: str
    severity: str
    occurred_on: date
    description: str
    points: int
    why: list[dict[str, Any]]
    recorded_by: str

    @classmethod
    def of(cls, x: AssociationRecord) -> RecordOut:
        return cls.model_validate(x, from_attributes=True)


class BaseOut(BaseModel):
    id: str
    name: str
    kind: str
    level: str
    area_code: str
    facilities: list[str]
    status: str
    recognised_on: date | None
    investment_wan: int
    key_project: bool
    description: str

    @classmethod
    def of(cls, x: DemonstrationBase) -> BaseOut:
        return cls.model_validate(x, from_attributes=True)


class StatisticOut(BaseModel):
    area_code: str
    year: int
    output_wan: int
    visitors: int
    source: str

    @classmethod
    def of(cls, x: AnnualStatistic) -> StatisticOut:
        return cls.model_validate(x, from_attributes=True)


class HistoryEntry(BaseModel):
    occurred_at: datetime
    actor_username: str
    action: str
    entity_type: str
    entity_id: str
    changes: dict[str, Any]
