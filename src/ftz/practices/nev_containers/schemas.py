"""p13 API shapes. Container numbers are checked with python-stdnum (ISO 6346 check digit), VINs
by ISO 3779's alphabet and length; photos arrive as SHA-256 fingerprints (the office keeps the
files, the platform keeps proof of them)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from stdnum import iso6346
from stdnum.exceptions import ValidationError as StdnumError

SHA256 = r"^[0-9a-f]{64}$"
PowerSource = Literal[
    "bev_li_ion", "bev_li_metal", "bev_na_ion", "bev_other",
    "phev_liquid", "hev_liquid", "hev_gas", "fcev_hydrogen",
]  # fmt: skip
POWER_SOURCES: tuple[str, ...] = PowerSource.__args__  # type: ignore[attr-defined]
# Power sources whose traction battery is lithium (plug-in hybrids carry lithium-ion packs).
LITHIUM = ("bev_li_ion", "bev_li_metal", "phev_liquid")
FUEL = ("phev_liquid", "hev_liquid", "hev_gas", "fcev_hydrogen")


class VehicleIn(BaseModel):
    vin: str = Field(pattern=r"^[A-HJ-NPR-Z0-9]{17}$", examples=["LGXCE4CB8R0012345"])
    model: str = Field(min_length=2, max_length=100)
    power_source: PowerSource
    battery_kwh: Decimal = Field(ge=0, le=1000, max_digits=8, decimal_places=1)


class DeclarationIn(BaseModel):
    batch_no: str = Field(pattern=r"^[A-Z0-9-]{3,32}$", examples=["CQ-QZ-2026-046"])
    container_no: str = Field(examples=["CSQU3054383"])
    container_type: str = Field("45G1", pattern=r"^[0-9A-Z]{4}$")
    origin: str = Field(min_length=2, max_length=64, examples=["chongqing_guoyuan"])
    transit_port: str = Field(min_length=2, max_length=64, examples=["qinzhou"])
    destination: str = Field(min_length=2, max_length=100, examples=["Laem Chabang (THLCH)"])
    origin_office: str = Field(min_length=2, max_length=64, examples=["nev-msa-cq"])
    transit_office: str = Field(min_length=2, max_length=64, examples=["nev-msa-qz"])
    packing_site: str = Field(min_length=2, max_length=200)
    sea_date: date
    opt_in_42_24: bool = False
    vehicles: list[VehicleIn] = Field(min_length=1, max_length=12)

    @field_validator("container_no")
    @classmethod
    def _iso6346(cls, value: str) -> str:
        try:
            return str(iso6346.validate(value))
        except StdnumError as exc:
            raise ValueError(f"not a valid ISO 6346 container number ({exc})") from exc


class VehicleOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    vin: str
    model: str
    power_source: str
    battery_kwh: Decimal
    un_number: str
    proper_shipping_name: str
    dg_class: str
    fired: list[dict[str, Any]]


class DeclarationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    org_id: str
    number: str
    batch_no: str
    container_no: str
    container_type: str
    origin: str
    transit_port: str
    destination: str
    origin_office_org_id: str
    transit_office_org_id: str
    packing_site: str
    sea_date: date
    opt_in_42_24: bool
    edition: str
    un_numbers: list[str]
    special_provisions: list[dict[str, Any]]
    fired: list[dict[str, Any]]
    seal_no: str
    certificate_no: str
    status: str
    note: str
    ledger_index: int | None
    vehicles: list[VehicleOut]
    created_at: datetime


class InspectionIn(BaseModel):
    """The origin office's packing-site checklist (every item answered), the seal it applies and
    the photos' fingerprints."""

    no_leakage: bool
    battery_undamaged: bool
    terminals_protected: bool
    battery_type_tested: bool
    vehicles_secured: bool
    fuel_system_safe: bool
    placards_four_sides: bool
    packing_certificate: bool
    seal_applied: bool
    container_sound: bool
    seal_no: str = Field("", pattern=r"^[A-Z0-9-]{0,32}$")
    photo_sha256: list[str] = Field(default_factory=list, max_length=50)
    note: str = Field("", max_length=2000)

    @field_validator("photo_sha256")
    @classmethod
    def _hashes(cls, values: list[str]) -> list[str]:
        for value in values:
            if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
                raise ValueError("each photo fingerprint is 64 lowercase hex digits (SHA-256)")
        return values


class ArrivalIn(BaseModel):
    """What the transit port's office sees on arrival, without opening the box."""

    seal_no: str = Field(pattern=r"^[A-Z0-9-]{1,32}$")
    seal_intact: bool
    container_damaged: bool
    leak_seen: bool
    placards_intact: bool
    note: str = Field("", max_length=2000)


class ReinspectionIn(BaseModel):
    """The result of opening a reopened box at the transit port."""

    passed: bool
    photo_sha256: list[str] = Field(default_factory=list, max_length=50)
    note: str = Field(min_length=2, max_length=2000)


class EventIn(BaseModel):
    event: Literal["resubmit", "withdraw"]
    note: str = Field("", max_length=2000)


class InspectionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    declaration_id: str
    kind: str
    office_org_id: str
    officer: str
    answers: dict[str, Any]
    photo_sha256: list[str]
    seal_no: str
    passed: bool
    fired: list[dict[str, Any]]
    note: str
    ledger_index: int
    created_at: datetime
