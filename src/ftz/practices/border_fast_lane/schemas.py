"""p21 API shapes. Inputs are validated here; the document number comes in, only its keyed hash
goes out."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ftz.core.kit.pagination import PageOut

# A mainland plate: province character, issuing-office letter, five or six letters or digits.
PLATE = r"^[\u4e00-\u9fa5][A-Z][A-Z0-9]{5,6}$"
DEVICE_REF = r"^[A-Za-z0-9:_.-]{8,64}$"
DOCUMENT_NUMBER = r"^[A-Z0-9]{6,20}$"
Direction = Literal["exit", "entry"]
VehicleKind = Literal["tractor", "truck", "van", "tanker"]
DocumentKind = Literal["exit_entry_permit", "passport", "border_pass"]
VEHICLE_KINDS: tuple[str, ...] = ("truck", "tractor", "van", "tanker")
DOCUMENT_KINDS: tuple[str, ...] = ("exit_entry_permit", "passport", "border_pass")


class VehicleIn(BaseModel):
    plate: str = Field(pattern=PLATE, examples=["桂F12345"])
    etag: str = Field(pattern=r"^[A-Z0-9]{8,32}$", description="Electronic tag id")
    kind: VehicleKind = "truck"
    permit_valid_until: date


class VehicleOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    org_id: str
    plate: str
    etag: str
    kind: str
    permit_valid_until: date
    active: bool


class DriverIn(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    document_kind: DocumentKind = "exit_entry_permit"
    document_number: str = Field(pattern=DOCUMENT_NUMBER)
    document_valid_until: date
    fingerprint_ref: str = Field(pattern=DEVICE_REF, description="Template id from the device")
    face_ref: str = Field(pattern=DEVICE_REF, description="Template id from the device")
    enrolment_device: str = Field(pattern=DEVICE_REF)


class VehicleEdit(BaseModel):
    """What the forwarder may change on a registered vehicle; plate and tag identify it."""

    model_config = ConfigDict(extra="forbid")
    kind: VehicleKind | None = None
    permit_valid_until: date | None = None


class DriverEdit(BaseModel):
    """What the forwarder may change on a registered driver. A new document number is hashed
    like at registration; templates change only as the device's new reference ids (unknown
    fields such as a raw template are refused)."""

    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(None, min_length=1, max_length=100)
    document_kind: DocumentKind | None = None
    document_number: str | None = Field(None, pattern=DOCUMENT_NUMBER)
    document_valid_until: date | None = None
    fingerprint_ref: str | None = Field(None, pattern=DEVICE_REF)
    face_ref: str | None = Field(None, pattern=DEVICE_REF)
    enrolment_device: str | None = Field(None, pattern=DEVICE_REF)


class StatusChangeIn(BaseModel):
    """Why a vehicle or driver is taken off (or put back on) the fast lane."""

    model_config = ConfigDict(extra="forbid")
    reason: str = Field(min_length=2, max_length=500)


class HistoryEntry(BaseModel):
    at: datetime
    who: str
    action: str
    changes: list[dict[str, Any]]
    reason: str | None = None


class DriverOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    org_id: str
    name: str
    document_kind: str
    document_hint: str
    document_valid_until: date
    fingerprint_ref: str
    face_ref: str
    enrolment_device: str
    active: bool


class DeclarationIn(BaseModel):
    vehicle_id: str = Field(min_length=1, max_length=26)
    driver_id: str = Field(min_length=1, max_length=26)
    direction: Direction
    trip_date: date
    cargo: str = Field(min_length=2, max_length=300)
    hs_code: str = Field(pattern=r"^\d{6,10}$")
    weight_kg: int = Field(gt=0, le=100_000)
    consent: bool = Field(description="Forward this declaration to the border check")


class DeclarationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    org_id: str
    number: str
    vehicle_id: str
    driver_id: str
    direction: str
    trip_date: date
    cargo: str
    hs_code: str
    weight_kg: int
    consent: bool
    ledger_index: int
    border_record_id: str | None = None


class LaneReadIn(BaseModel):
    """What a lane device posts once a vehicle has gone through the checks."""

    lane: int = Field(ge=1, le=99)
    direction: Direction
    etag: str | None = Field(None, pattern=r"^[A-Z0-9]{8,32}$")
    plate_read: str = Field(pattern=PLATE)
    document_number: str = Field(pattern=DOCUMENT_NUMBER)
    fingerprint_score: int = Field(ge=0, le=100)
    face_score: int = Field(ge=0, le=100)
    under_vehicle: Literal["clear", "suspect", "unreadable"]
    started_at: datetime
    finished_at: datetime

    @model_validator(mode="after")
    def _ordered(self) -> LaneReadIn:
        if self.started_at.tzinfo is None or self.finished_at.tzinfo is None:
            raise ValueError("started_at and finished_at need a time zone")
        if self.finished_at < self.started_at:
            raise ValueError("finished_at is before started_at")
        return self


class ResolveIn(BaseModel):
    decision: Literal["release", "refuse"]
    note: str = Field(min_length=2, max_length=2000)


class TransactionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    org_id: str | None
    lane: int
    direction: str
    plate_read: str
    vehicle_id: str | None
    driver_id: str | None
    border_record_id: str | None
    fingerprint_score: int
    face_score: int
    under_vehicle: str
    started_at: datetime
    finished_at: datetime
    verdict: str
    status: str
    flags: list[str]
    fired: list[dict[str, Any]]
    resolution_note: str
    resolved_by: str | None
    resolved_at: datetime | None
    ledger_index: int
    resolution_ledger_index: int | None


VehiclePage = PageOut[VehicleOut]


DriverPage = PageOut[DriverOut]


DeclarationPage = PageOut[DeclarationOut]


TransactionPage = PageOut[TransactionOut]
