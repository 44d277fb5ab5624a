"""p11 API shapes; unit numbers and plates are normalised (upper case, no spaces) on the way in."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Direction = Literal["export", "import"]
UnitKind = Literal["container", "uld", "pallet"]
UNIT_NUMBER = r"^[A-Z0-9]{4,16}$"
PLATE = r"^[\u4e00-\u9fffA-Z0-9]{5,10}$"


def _squash(value: Any) -> Any:
    return value.replace(" ", "").replace("-", "").upper() if isinstance(value, str) else value


class UnitIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    number: str = Field(pattern=UNIT_NUMBER, description="Container (ISO 6346) or ULD number")
    kind: UnitKind = "uld"
    seals: list[str] = Field(default_factory=list, max_length=8)

    _norm = field_validator("number", mode="before")(_squash)

    @field_validator("seals", mode="before")
    @classmethod
    def _seals(cls, value: Any) -> Any:
        return [_squash(s) for s in value] if isinstance(value, list) else value


class DeclarationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    number: str = Field(pattern=r"^[A-Z0-9]{6,32}$", description="Customs declaration number")
    direction: Direction
    plate: str = Field(pattern=PLATE)
    units: list[UnitIn] = Field(min_length=1, max_length=20)
    weight_kg: int = Field(gt=0, le=80_000)
    goods: str = Field("", max_length=200)
    screened: bool = Field(False, description="Export: pallets security-screened in the zone")

    _norm = field_validator("number", "plate", mode="before")(_squash)


class ManifestIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    number: str = Field(pattern=r"^[A-Z0-9]{6,32}$", description="Manifest / air waybill number")
    declaration_number: str = Field(pattern=r"^[A-Z0-9]{6,32}$")
    flight: str = Field("", max_length=16)
    units: list[str] = Field(min_length=1, max_length=20)
    weight_kg: int = Field(gt=0, le=80_000)

    _norm = field_validator("number", "declaration_number", mode="before")(_squash)

    @field_validator("units", mode="before")
    @classmethod
    def _units(cls, value: Any) -> Any:
        return [_squash(u) for u in value] if isinstance(value, list) else value


class InstructionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Literal["release", "select"]
    site: Literal["airport", "zone"] | None = Field(None, description="Inspection site (select)")
    note: str = Field("", max_length=2000)


class GateIn(BaseModel):
    """What the gate reads from one vehicle: plate, units with their seals, the scale's weight."""

    model_config = ConfigDict(extra="forbid")

    declaration_number: str = Field(pattern=r"^[A-Z0-9]{6,32}$")
    plate: str = Field(pattern=PLATE)
    units: list[UnitIn] = Field(min_length=1, max_length=20)
    weight_kg: int = Field(gt=0, le=80_000)
    passed_at: datetime | None = Field(None, description="Default: now")

    _norm = field_validator("declaration_number", "plate", mode="before")(_squash)


class ResolveIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Literal["clear", "turn_back"]
    note: str = Field(min_length=1, max_length=2000)


class VolumeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    airport_export_kg: int = Field(ge=0)
    airport_import_kg: int = Field(ge=0)


class DeclarationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    org_id: str
    number: str
    direction: str
    status: str
    plate: str
    units: list[dict[str, Any]]
    weight_kg: int
    goods: str
    screened: bool
    inspection_site: str | None
    instruction_note: str
    instructed_at: datetime | None
    created_at: datetime


class ManifestOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    number: str
    declaration_number: str
    flight: str
    units: list[str]
    weight_kg: int


class GateOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    declaration_number: str
    declaration_id: str | None
    direction: str
    plate: str
    units: list[dict[str, Any]]
    weight_kg: int
    passed_at: datetime
    day: date
    status: str
    verdict: str
    route: str
    mismatches: list[dict[str, Any]]
    facts: dict[str, Any]
    decision_ms: float
    ledger_sha256: str
    resolution_note: str


class Paged(BaseModel):
    total: int
    page: int
    size: int


class DeclarationPage(Paged):
    items: list[DeclarationOut]


class ManifestPage(Paged):
    items: list[ManifestOut]


class GatePage(Paged):
    items: list[GateOut]
