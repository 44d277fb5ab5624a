"""p17 request bodies. Lengths in metres, power in kW, weights in kg (decimals), stored as integer
centimetres, watts and grams. Codes (areas, species, gear) are checked against the reference data
by the service, which names the field in its error."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

AREA = r"^[0-9]{6}$"
VesselStatus = Literal["in_service", "laid_up", "suspended", "deregistered"]
InspectionKind = Literal["initial", "annual", "occasional"]
Severity = Literal["minor", "major"]
Cover = Literal["passenger_accident", "hull", "crew_liability"]
RecordKind = Literal["inspection", "warning", "commendation", "training"]
RecordSeverity = Literal["none", "minor", "serious"]
BaseKind = Literal[
    "demonstration_base", "competition_base", "marine_ranch", "wharf", "feature_town"
]
BaseLevel = Literal["national", "provincial", "municipal"]
BaseStatus = Literal["planned", "under_construction", "open"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class VesselIn(Strict):
    name: str = Field(min_length=2, max_length=40)
    registration_no: str = Field(min_length=4, max_length=30, pattern=r"^[\w()（）-]+$")
    length_m: Decimal = Field(gt=0, le=80, decimal_places=2, description="registered length, m")
    power_kw: Decimal = Field(gt=0, le=3000, decimal_places=3, description="main engine, kW")
    passenger_capacity: int = Field(ge=1, le=200)
    home_port: str = Field(min_length=2, max_length=60)
    area_code: str = Field(pattern=AREA, description="city or county of registration")
    status: VesselStatus = "in_service"
    operator_code: str | None = Field(
        None, max_length=64, description="the operator's organization code (officers only)"
    )


class VesselUpdate(Strict):
    name: str | None = Field(None, min_length=2, max_length=40)
    length_m: Decimal | None = Field(None, gt=0, le=80, decimal_places=2)
    power_kw: Decimal | None = Field(None, gt=0, le=3000, decimal_places=3)
    passenger_capacity: int | None = Field(None, ge=1, le=200)
    home_port: str | None = Field(None, min_length=2, max_length=60)
    area_code: str | None = Field(None, pattern=AREA)
    status: VesselStatus | None = None


class FindingIn(Strict):
    item: str = Field(min_length=2, max_length=200)
    severity: Severity


class InspectionIn(Strict):
    kind: InspectionKind
    inspected_on: date
    inspector: str = Field(min_length=2, max_length=60)
    findings: list[FindingIn] = Field(default_factory=list, max_length=30)


class LicenceIn(Strict):
    vessel_id: str = Field(min_length=1, max_length=26)
    valid_from: date
    valid_to: date
    sea_areas: list[str] = Field(min_length=1, max_length=19)
    gear: list[str] = Field(min_length=1, max_length=4)
    gear_units: int = Field(ge=1, le=200, description="rod/line sets the licence permits")
    note: str = Field("", max_length=300)


class LicenceUpdate(Strict):
    valid_to: date | None = None
    sea_areas: list[str] | None = Field(None, min_length=1, max_length=19)
    gear: list[str] | None = Field(None, min_length=1, max_length=4)
    note: str | None = Field(None, max_length=300)


class ReasonIn(Strict):
    reason: str = Field(min_length=2, max_length=300)


class SafetyOfficerIn(Strict):
    name: str = Field(min_length=2, max_length=40)
    certificate_no: str = Field(min_length=4, max_length=40)
    valid_from: date
    valid_to: date


class InsuranceIn(Strict):
    policy_no: str = Field(min_length=4, max_length=40)
    insurer: str = Field(min_length=2, max_length=80)
    cover: Cover
    sum_insured_yuan: int = Field(gt=0, le=10_000_000_000)
    seats: int = Field(ge=1, le=500)
    starts_on: date
    expires_on: date


class CatchLineIn(Strict):
    species: str = Field(min_length=1, max_length=40)
    count: int = Field(ge=1, le=2000)
    weight_kg: Decimal = Field(ge=0, le=5000, decimal_places=3)
    min_length_cm: Decimal | None = Field(None, gt=0, le=1000, decimal_places=1)


class CatchReportIn(Strict):
    vessel_id: str = Field(min_length=1, max_length=26)
    trip_date: date
    sea_area: str = Field(pattern=AREA)
    gear: str = Field(min_length=1, max_length=16)
    anglers: int = Field(ge=1, le=200)
    crew: int = Field(ge=0, le=50)
    lines: list[CatchLineIn] = Field(min_length=1, max_length=20)


class ReviewIn(Strict):
    note: str = Field("", max_length=500)


class IndicatorAmount(Strict):
    year: int = Field(ge=2020, le=2100)
    vessels: int = Field(ge=0, le=100_000)
    power_kw: Decimal = Field(ge=0, le=10_000_000, decimal_places=3)
    gear_units: int = Field(ge=0, le=1_000_000)
    note: str = Field("", max_length=300)


class QuotaIn(IndicatorAmount):
    """The province's total for the year; the difference to the current total is posted."""


class AllocationIn(IndicatorAmount):
    area_code: str = Field(pattern=AREA)


class TransferIn(IndicatorAmount):
    from_area: str = Field(pattern=AREA)
    to_area: str = Field(pattern=AREA)


class AssociationRecordIn(Strict):
    vessel_id: str | None = Field(None, max_length=26)
    operator_code: str | None = Field(None, max_length=64)
    kind: RecordKind
    severity: RecordSeverity = "none"
    occurred_on: date
    description: str = Field(min_length=2, max_length=500)


class BaseIn(Strict):
    name: str = Field(min_length=2, max_length=120)
    kind: BaseKind
    level: BaseLevel
    area_code: str = Field(pattern=AREA)
    facilities: list[str] = Field(default_factory=list, max_length=12)
    status: BaseStatus = "open"
    recognised_on: date | None = None
    investment_wan: int = Field(0, ge=0, le=100_000_000)
    key_project: bool = False
    description: str = Field("", max_length=500)


class BaseUpdate(Strict):
    name: str | None = Field(None, min_length=2, max_length=120)
    kind: BaseKind | None = None
    level: BaseLevel | None = None
    area_code: str | None = Field(None, pattern=AREA)
    facilities: list[str] | None = Field(None, max_length=12)
    status: BaseStatus | None = None
    recognised_on: date | None = None
    investment_wan: int | None = Field(None, ge=0, le=100_000_000)
    key_project: bool | None = None
    description: str | None = Field(None, max_length=500)


class StatisticIn(Strict):
    area_code: str = Field(pattern=AREA)
    year: int = Field(ge=2015, le=2100)
    output_wan: int = Field(ge=0, le=100_000_000, description="output value, 万元")
    visitors: int = Field(ge=0, le=1_000_000_000)
    source: str = Field("", max_length=200)
