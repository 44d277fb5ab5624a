"""p11 API shapes; unit numbers and plates are normalised (upper case, no spaces) on the way in."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from stdnum import iso6346

from ftz.core.kit.pagination import PageOut

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


ISO6346_SHAPE = re.compile(r"^[A-Z]{3}[UJZR][0-9]{7}$")  # owner, category, serial, check digit


def guess_kind(number: str) -> str:
    """A number shaped like ISO 6346 is a container (and must then pass its check digit);
    anything else is an air unit load device."""
    return "container" if ISO6346_SHAPE.match(number) else "uld"


class ManifestUnitIn(BaseModel):
    """One unit on the manifest. A bare string is read as its number (the earlier API shape)."""

    model_config = ConfigDict(extra="forbid")

    # `kind` is validated first so the number's check can depend on it.
    kind: UnitKind | None = Field(None, description="Default: container if ISO 6346-shaped")
    number: str = Field(pattern=UNIT_NUMBER, description="Container (ISO 6346) or ULD number")
    seals: list[str] = Field(default_factory=list, max_length=8)
    weight_kg: int | None = Field(None, gt=0, le=80_000, description="Gross weight of the unit")

    _norm = field_validator("number", mode="before")(_squash)

    @field_validator("number")
    @classmethod
    def _check_digit(cls, value: str, info: ValidationInfo) -> str:
        kind = info.data.get("kind") or guess_kind(value)
        if kind == "container" and not iso6346.is_valid(value):
            raise ValueError(f"{value} is not a valid ISO 6346 container number (check digit)")
        return value

    @field_validator("seals", mode="before")
    @classmethod
    def _seals(cls, value: Any) -> Any:
        return [_squash(s) for s in value] if isinstance(value, list) else value

    @model_validator(mode="after")
    def _kind(self) -> ManifestUnitIn:
        self.kind = self.kind or guess_kind(self.number)  # type: ignore[assignment]
        return self


class ManifestIn(BaseModel):
    """The airport's manifest for one vehicle's load. `weight_kg` is the gross weight; when every
    unit carries its weight it may be left out (the service then takes their sum)."""

    model_config = ConfigDict(extra="forbid")

    number: str = Field(pattern=r"^[A-Z0-9]{6,32}$", description="Manifest / air waybill number")
    declaration_number: str = Field(pattern=r"^[A-Z0-9]{6,32}$")
    flight: str = Field("", max_length=16)
    units: list[ManifestUnitIn] = Field(min_length=1, max_length=20)
    weight_kg: int | None = Field(None, gt=0, le=80_000)

    _norm = field_validator("number", "declaration_number", "flight", mode="before")(_squash)

    @field_validator("units", mode="before")
    @classmethod
    def _units(cls, value: Any) -> Any:
        if not isinstance(value, list):
            return value
        return [{"number": u} if isinstance(u, str) else u for u in value]


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


def unit_rows(units: list[Any]) -> list[dict[str, Any]]:
    """Manifest units as dicts; manifests stored before seals and weights were taken on the
    manifest hold bare numbers."""
    return [
        {"number": u, "kind": guess_kind(u), "seals": [], "weight_kg": None}
        if isinstance(u, str)
        else u
        for u in units
    ]


class ManifestOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    number: str
    declaration_number: str
    flight: str
    units: list[dict[str, Any]]
    weight_kg: int
    created_at: datetime

    _rows = field_validator("units", mode="before")(unit_rows)


class VolumeOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    day: date
    airport_export_kg: int
    airport_import_kg: int
    updated_at: datetime


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


DeclarationPage = PageOut[DeclarationOut]


ManifestPage = PageOut[ManifestOut]


GatePage = PageOut[GateOut]


VolumePage = PageOut[VolumeOut]
