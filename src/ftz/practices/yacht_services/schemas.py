"""p16 API shapes. Times without an offset are read as Sanya local time (Asia/Shanghai);
document files come in as SHA-256 fingerprints; passengers' document numbers come in once and
are kept only as keyed hashes with the last characters as a hint."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ftz.core.kit.pagination import PageOut
from ftz.practices.yacht_services.common import local_zone

SHA256 = r"^[0-9a-f]{64}$"
# ISO 10087 hull identification: country, manufacturer code, serial, month (A-L), year digit and
# model year, e.g. CN-SYY00042H324.
HULL_ID = r"^[A-Z]{2}-[A-Z0-9]{3}[A-Z0-9]{5}[A-L][0-9]{3}$"
REGISTRATION_NO = r"^[0-9]{12}$"
Usage = Literal["private", "rental"]
DocumentKind = Literal["id_card", "passport", "hk_macao_permit", "taiwan_permit", "foreign_permit"]


def as_local(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=local_zone())


class YachtIn(BaseModel):
    owner_org_code: str = Field(min_length=2, max_length=64, description="Owner organization")
    name_zh: str = Field(min_length=2, max_length=64, examples=["海韵号"])
    name_en: str = Field("", max_length=64)
    hull_id: str = Field(pattern=HULL_ID, examples=["CN-SYY00042H324"])
    registration_no: str = Field(pattern=REGISTRATION_NO, examples=["460024000042"])
    length_m: Decimal = Field(gt=2, le=60, max_digits=6, decimal_places=2)
    capacity: int = Field(ge=1, le=60, description="Certified persons aboard")
    usage: Usage
    owner_name: str = Field(min_length=2, max_length=200)
    home_port: str = Field(min_length=2, max_length=16, description="Marina code")
    berth: str = Field("", max_length=16)
    registration_cert_no: str = Field(min_length=4, max_length=32)
    nationality_cert_no: str = Field(min_length=4, max_length=32)
    nationality_cert_expiry: date
    survey_cert_no: str = Field(min_length=4, max_length=32)
    survey_cert_expiry: date
    rental_filed: bool = False
    night_certified: bool = False


class YachtUpdate(BaseModel):
    """What the maritime officer may change outside a transfer."""

    home_port: str | None = Field(None, min_length=2, max_length=16)
    berth: str | None = Field(None, max_length=16)
    capacity: int | None = Field(None, ge=1, le=60)
    usage: Usage | None = None
    rental_filed: bool | None = None
    night_certified: bool | None = None
    survey_cert_no: str | None = Field(None, min_length=4, max_length=32)
    survey_cert_expiry: date | None = None
    nationality_cert_expiry: date | None = None


class YachtOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    org_id: str
    name_zh: str
    name_en: str
    hull_id: str
    registration_no: str
    length_m: Decimal
    capacity: int
    usage: str
    owner_name: str
    home_port: str
    berth: str
    registration_cert_no: str
    nationality_cert_no: str
    nationality_cert_expiry: date
    survey_cert_no: str
    survey_cert_expiry: date
    rental_filed: bool
    night_certified: bool
    status: str
    created_at: datetime


class DocumentIn(BaseModel):
    code: str = Field(min_length=2, max_length=32)
    mode: Literal["provided", "committed"]
    sha256: str | None = Field(None, pattern=SHA256, description="Fingerprint of the file")


class TransferIn(BaseModel):
    registration_no: str = Field(pattern=REGISTRATION_NO, description="The yacht being sold")
    new_name_zh: str = Field(min_length=2, max_length=64)
    new_name_en: str = Field("", max_length=64)
    new_owner_name: str = Field(min_length=2, max_length=200)
    new_home_port: str = Field(min_length=2, max_length=16)
    new_usage: Usage
    documents: list[DocumentIn] = Field(min_length=1, max_length=20)


class TransferEventIn(BaseModel):
    event: Literal["consent", "accept", "complete", "reject", "withdraw"]
    note: str = Field("", max_length=2000)


class SupplyIn(BaseModel):
    code: str = Field(min_length=2, max_length=32)
    sha256: str = Field(pattern=SHA256)


class TransferOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    number: str
    yacht_id: str
    org_id: str
    seller_org_id: str
    previous: dict[str, Any]
    new_name_zh: str
    new_name_en: str
    new_owner_name: str
    new_home_port: str
    new_usage: str
    documents: list[dict[str, Any]]
    items: list[dict[str, Any]]
    fired: list[dict[str, Any]]
    status: str
    submitted_at: datetime
    consented_at: datetime | None
    accepted_at: datetime | None
    completed_at: datetime | None
    elapsed_working_days: int | None
    sla: str | None
    commitment_deadline: date | None
    new_registration_no: str | None
    note: str
    ledger_index: int | None


class PassengerIn(BaseModel):
    name: str = Field(min_length=1, max_length=64)
    nationality: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3")
    document_kind: DocumentKind
    document_number: str = Field(pattern=r"^[0-9A-Za-z]{6,20}$")


class PassengerOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    name: str
    nationality: str
    document_kind: str
    document_hint: str


class SailingIn(BaseModel):
    yacht_id: str = Field(min_length=1, max_length=26)
    captain_name: str = Field(min_length=2, max_length=64)
    captain_cert_no: str = Field(min_length=4, max_length=32)
    marina: str = Field(min_length=2, max_length=16)
    depart_at: datetime
    return_at: datetime
    crew: int = Field(ge=1, le=20)
    lookout_aboard: bool = False
    route: list[list[float]] = Field(
        min_length=2, max_length=500, description="[lon, lat] waypoints from the marina and back"
    )
    passengers: list[PassengerIn] = Field(default_factory=list, max_length=60)

    @field_validator("depart_at", "return_at")
    @classmethod
    def _local(cls, value: datetime) -> datetime:
        return as_local(value)


class SailingEventIn(BaseModel):
    event: Literal["depart", "arrive", "cancel"]
    note: str = Field("", max_length=2000)


class BorderDecisionIn(BaseModel):
    decision: Literal["cleared", "refused"]
    note: str = Field("", max_length=2000)


class ReviewIn(BaseModel):
    disposition: Literal["warned", "cleared", "referred"]
    note: str = Field(min_length=2, max_length=2000)


class SailingOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    number: str
    yacht_id: str
    org_id: str
    captain_name: str
    captain_cert_no: str
    marina: str
    depart_at: datetime
    return_at: datetime
    usage: str
    passengers: int
    crew: int
    lookout_aboard: bool
    route: list[list[float]]
    period: str
    zone_code: str | None
    zone_version: int | None
    excursions: list[dict[str, Any]]
    flags: list[str]
    flagged: bool
    fired: list[dict[str, Any]]
    status: str
    departed_at: datetime | None
    arrived_at: datetime | None
    border_status: str
    disposition: str
    review_note: str
    ledger_index: int | None


class TrackOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    sailing_id: str
    points: int
    started_at: datetime
    ended_at: datetime
    distance_m: float
    max_speed_kn: float
    max_gap_s: float
    excursions: list[dict[str, Any]]
    sha256: str
    ledger_index: int | None


class ZoneIn(BaseModel):
    geojson: dict[str, Any]
    effective_from: date


YachtPage = PageOut[YachtOut]


TransferPage = PageOut[TransferOut]


SailingPage = PageOut[SailingOut]
