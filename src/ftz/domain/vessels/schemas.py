"""Input and output shapes of ships and their records. Identifiers are validated here (IMO
leniently, MMSI with its MID); dates are ISO dates; amounts in CNY with two decimals."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ftz.domain.vessels.identifiers import IdentifierError, check_imo, check_mmsi
from ftz.domain.vessels.reference import certificate_kinds

ShipType = Literal[
    "bulk_carrier", "ore_carrier", "oil_tanker", "chemical_tanker", "gas_carrier",
    "passenger", "ro_ro_passenger", "general_cargo", "multipurpose", "container",
    "ro_ro_cargo", "refrigerated_cargo", "cement_carrier", "tug", "other",
]  # fmt: skip
SHIP_TYPES: tuple[str, ...] = ShipType.__args__  # type: ignore[attr-defined]
Regime = Literal["tokyo_mou", "paris_mou", "china_fsc", "other"]
Severity = Literal["very_serious", "serious", "less_serious", "marine_incident"]
Responsibility = Literal["full", "main", "equal", "minor", "none", "open"]
AccidentKind = Literal[
    "collision", "contact", "grounding", "fire_explosion", "sinking", "cargo_shift",
    "hull_damage", "machinery", "pollution", "personnel", "other",
]  # fmt: skip
WatchKind = Literal["key_tracking", "assistance_investigation"]
CertificateStatus = Literal["valid", "suspended", "withdrawn"]
Country = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2")


class CompanyIn(BaseModel):
    imo_company_number: str = Field(pattern=r"^\d{7}$", description="IMO company number")
    name: str = Field(min_length=2, max_length=200)
    name_en: str = Field("", max_length=200)
    country: str = Country
    doc_number: str = Field("", max_length=64)
    doc_issuer: str = Field("", max_length=100)
    doc_expires_on: date | None = None


class CompanyOut(CompanyIn):
    model_config = ConfigDict(from_attributes=True)
    id: str


class ShipIn(BaseModel):
    """A ship's particulars. A bad IMO check digit is accepted with a warning (see
    `identifiers.check_imo`); a wrong length, a foreign MID or a malformed MMSI is refused."""

    imo_number: str = Field(examples=["9074729"])
    mmsi: str | None = Field(None, examples=["413456780"])
    call_sign: str = Field("", max_length=16)
    name: str = Field(min_length=2, max_length=100)
    name_zh: str = Field("", max_length=100)
    ship_type: ShipType
    flag: str = Country
    port_of_registry: str = Field("", max_length=100)
    gross_tonnage: int = Field(gt=0, le=600_000)
    deadweight_t: int = Field(ge=0, le=700_000)
    year_built: int = Field(ge=1900, le=2100)
    class_society: str = Field("", max_length=16)
    company_imo: str | None = Field(None, pattern=r"^\d{7}$", description="ISM company number")

    @field_validator("imo_number")
    @classmethod
    def _imo(cls, value: str) -> str:
        try:
            return check_imo(value).number
        except IdentifierError as exc:
            raise ValueError(str(exc)) from exc

    @field_validator("mmsi")
    @classmethod
    def _mmsi(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        try:
            found = check_mmsi(value)
        except IdentifierError as exc:
            raise ValueError(str(exc)) from exc
        if found.station != "ship":
            raise ValueError(f"{found.number} is a {found.station} station, not a ship")
        return found.number

    @field_validator("year_built")
    @classmethod
    def _not_future(cls, value: int) -> int:
        if value > date.today().year + 3:
            raise ValueError("a ship is not built more than three years ahead")
        return value

    def warnings(self) -> list[str]:
        """What is accepted but deserves a look: a bad check digit, an MMSI of another flag."""
        found: list[str] = []
        if warning := check_imo(self.imo_number).warning:
            found.append(warning)
        if self.mmsi and (mid := check_mmsi(self.mmsi).mid).country != self.flag:
            found.append(f"MMSI {self.mmsi}: MID {mid.mid} is {mid.name_en}, flag is {self.flag}")
        return found


class ShipOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    imo_number: str
    imo_checksum_ok: bool
    mmsi: str | None
    mmsi_country: str | None
    call_sign: str
    name: str
    name_zh: str
    ship_type: str
    flag: str
    port_of_registry: str
    gross_tonnage: int
    deadweight_t: int
    year_built: int
    class_society: str
    company_id: str | None
    updated_at: datetime


class CertificateIn(BaseModel):
    kind: str
    number: str = Field(min_length=1, max_length=64)
    issuer: str = Field("", max_length=100)
    issued_on: date
    expires_on: date | None = None
    status: CertificateStatus = "valid"

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value not in certificate_kinds():
            raise ValueError(f"unknown certificate kind; one of {', '.join(certificate_kinds())}")
        return value

    @model_validator(mode="after")
    def _dates(self) -> CertificateIn:
        if self.expires_on is not None and self.expires_on <= self.issued_on:
            raise ValueError("expires_on must come after issued_on")
        return self


class CertificateOut(CertificateIn):
    model_config = ConfigDict(from_attributes=True)
    id: str
    ship_id: str


class ManningIn(BaseModel):
    checked_on: date
    required_crew: int = Field(ge=1, le=500)
    crew_on_board: int = Field(ge=0, le=5000)
    uncertified: int = Field(0, ge=0, le=5000)
    source: str = Field("", max_length=100)


class ManningOut(ManningIn):
    model_config = ConfigDict(from_attributes=True)
    id: str
    ship_id: str


class DeficiencyIn(BaseModel):
    code: str = Field(pattern=r"^\d{4,5}$", description="MoU deficiency code, e.g. 07109")
    area: str = Field("", max_length=64)
    description: str = Field("", max_length=400)
    detainable: bool = False
    rectified: bool = False


class DeficiencyOut(DeficiencyIn):
    model_config = ConfigDict(from_attributes=True)
    id: str


class InspectionIn(BaseModel):
    regime: Regime
    authority: str = Field("", max_length=100)
    port: str = Field(min_length=2, max_length=100)
    inspected_on: date
    inspection_type: Literal["initial", "more_detailed", "expanded"] = "initial"
    detained: bool = False
    detention_days: int = Field(0, ge=0, le=3650)
    deficiencies: list[DeficiencyIn] = Field(default_factory=list, max_length=200)

    @model_validator(mode="after")
    def _detention(self) -> InspectionIn:
        if self.detained and not any(d.detainable for d in self.deficiencies):
            raise ValueError("a detention needs at least one detainable deficiency")
        if not self.detained and self.detention_days:
            raise ValueError("detention_days is only given for a detention")
        return self


class InspectionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    ship_id: str
    regime: str
    authority: str
    port: str
    inspected_on: date
    inspection_type: str
    detained: bool
    detention_days: int
    deficiencies: list[DeficiencyOut]


class AccidentIn(BaseModel):
    occurred_on: date
    kind: AccidentKind
    severity: Severity
    responsibility: Responsibility
    place: str = Field("", max_length=200)
    fatalities: int = Field(0, ge=0, le=10_000)
    description: str = Field("", max_length=4000)


class AccidentOut(AccidentIn):
    model_config = ConfigDict(from_attributes=True)
    id: str
    ship_id: str


class PenaltyIn(BaseModel):
    case_number: str = Field(min_length=4, max_length=64)
    decided_on: date
    authority: str = Field(min_length=2, max_length=100)
    violation: str = Field(min_length=2, max_length=400)
    fine_cny: Decimal = Field(Decimal(0), ge=0, max_digits=14, decimal_places=2)
    status: Literal["decided", "paid", "revoked"] = "decided"


class PenaltyOut(PenaltyIn):
    model_config = ConfigDict(from_attributes=True)
    id: str
    ship_id: str


class WatchIn(BaseModel):
    kind: WatchKind
    reason: str = Field(min_length=2, max_length=400)
    requested_by: str = Field(min_length=2, max_length=100)
    opened_on: date
    closed_on: date | None = None
    closing_note: str = Field("", max_length=400)

    @model_validator(mode="after")
    def _order(self) -> WatchIn:
        if self.closed_on is not None and self.closed_on < self.opened_on:
            raise ValueError("closed_on cannot come before opened_on")
        return self


class WatchClose(BaseModel):
    closed_on: date
    closing_note: str = Field(min_length=2, max_length=400)


class WatchOut(WatchIn):
    model_config = ConfigDict(from_attributes=True)
    id: str
    ship_id: str
