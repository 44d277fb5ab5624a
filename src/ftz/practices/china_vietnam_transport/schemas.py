"""p24 request and response bodies."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator
from stdnum import iso6346

from ftz.core.kit.pagination import PageOut

Direction = Literal["south", "north"]
PLATE = r"^[0-9A-Z\u4e00-\u9fff-]{5,16}$"


class TruckIn(BaseModel):
    plate: str = Field(pattern=PLATE)
    country: Literal["CN", "VN"]
    kind: Literal["box", "reefer"]
    capacity_t: Decimal = Field(gt=0, le=60, decimal_places=2)
    driver: str = Field("", max_length=64)


class PermitIn(BaseModel):
    truck_id: str = Field(min_length=1, max_length=26)
    route_code: str = Field(min_length=1, max_length=8)
    # CN: issued by the Chinese side to a Chinese carrier; VN: by the Vietnamese side to a
    # Vietnamese carrier (recorded by the transport bureau from the permit shown).
    issuing_side: Literal["CN", "VN"] = "CN"
    valid_from: date
    valid_to: date


class RevokeIn(BaseModel):
    note: str = Field(min_length=2, max_length=500)


class LoadIn(BaseModel):
    shipper: str = Field(min_length=2, max_length=200)
    cargo: str = Field(min_length=2, max_length=200)
    route_code: str = Field(min_length=1, max_length=8)
    direction: Direction
    fresh: bool = False
    weight_t: Decimal = Field(gt=0, le=60, decimal_places=2)
    ready_at: AwareDatetime
    deliver_by: AwareDatetime


class TripIn(BaseModel):
    truck_id: str = Field(min_length=1, max_length=26)
    route_code: str = Field(min_length=1, max_length=8)
    direction: Direction
    depart_at: AwareDatetime
    load_id: str | None = Field(None, max_length=26)
    local_inspection: bool = False
    seal_origin: str = Field("", max_length=32, pattern=r"^[0-9A-Za-z-]*$")


class TripEventIn(BaseModel):
    event: Literal["depart", "cancel"]
    note: str = Field("", max_length=500)


class SealCheckIn(BaseModel):
    seal_destination: str = Field("", max_length=32, pattern=r"^[0-9A-Za-z-]*$")
    seal_broken: bool = False
    clearance_minutes: int = Field(ge=0, le=1440)
    note: str = Field("", max_length=500)


class MultimodalIn(BaseModel):
    container_no: str = Field(min_length=11, max_length=11)
    declaration_no: str = Field(pattern=r"^\d{18}$")
    cargo: str = Field(min_length=2, max_length=200)
    origin: str = Field(min_length=2, max_length=32)
    destination: str = Field(min_length=2, max_length=32)
    rail_operator: bool = True
    declared_at_origin: bool = True

    @field_validator("container_no")
    @classmethod
    def _iso6346(cls, value: str) -> str:
        if not iso6346.is_valid(value.upper()):
            raise ValueError("not an ISO 6346 container number (owner code, serial, check digit)")
        return value.upper()


class InspectionIn(BaseModel):
    inspection: Literal["passed", "failed"]
    note: str = Field("", max_length=500)


class MultimodalEventIn(BaseModel):
    event: Literal["deliver"]
    note: str = Field("", max_length=500)


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class TruckOut(_Out):
    id: str
    org_id: str
    plate: str
    country: str
    kind: str
    capacity_t: Decimal
    driver: str


class PermitOut(_Out):
    id: str
    number: str
    org_id: str
    truck_id: str
    route_code: str
    issuing_side: str
    valid_from: date
    valid_to: date
    revoked: bool
    note: str


class RefusedTripOut(_Out):
    id: str
    org_id: str
    actor: str
    created_at: datetime
    truck_id: str
    plate: str
    truck_country: str
    route_code: str
    direction: str
    depart_at: datetime
    load_id: str | None
    reasons: list[dict[str, Any]]
    fired: list[dict[str, Any]]


class LoadOut(_Out):
    id: str
    number: str
    org_id: str
    shipper: str
    cargo: str
    route_code: str
    direction: str
    fresh: bool
    weight_t: Decimal
    ready_at: datetime
    deliver_by: datetime
    status: str
    trip_id: str | None


class TripOut(_Out):
    id: str
    number: str
    org_id: str
    truck_id: str
    permit_id: str
    route_code: str
    direction: str
    load_id: str | None
    outbound_id: str | None
    return_id: str | None
    depart_at: datetime
    arrive_at: datetime
    distance_km: float
    fresh: bool
    local_inspection: bool
    green_channel: bool
    seal_origin: str
    seal_destination: str
    seal_verdict: str
    clearance_minutes: int | None
    hold_reason: str
    status: str
    fired: list[dict[str, Any]]
    ledger_index: int | None


class MultimodalOut(_Out):
    id: str
    number: str
    org_id: str
    container_no: str
    declaration_no: str
    cargo: str
    origin: str
    destination: str
    rail_operator: bool
    inspection: str
    legs: list[dict[str, Any]]
    hours: float
    status: str
    fired: list[dict[str, Any]]
    released_at: datetime | None
    ledger_index: int | None


class Pair(BaseModel):
    trip_id: str
    trip_number: str
    truck_plate: str
    load_id: str
    load_number: str
    pickup_at: datetime
    wait_h: float
    empty_km_avoided: float
    weight: float
    fired: list[dict[str, Any]]


class Candidate(BaseModel):
    trip_number: str
    feasible: bool
    fired: list[dict[str, Any]]


class Unmatched(BaseModel):
    load_id: str
    load_number: str
    cause: str
    fired: list[dict[str, Any]]
    candidates: list[Candidate]


class MatchOut(BaseModel):
    pairs: list[Pair]
    unmatched: list[Unmatched]
    empty_km_avoided: float


class AppliedOut(BaseModel):
    trips: list[TripOut]


TruckPage = PageOut[TruckOut]
PermitPage = PageOut[PermitOut]
RefusedTripPage = PageOut[RefusedTripOut]
LoadPage = PageOut[LoadOut]
TripPage = PageOut[TripOut]
MultimodalPage = PageOut[MultimodalOut]


class TruckUpdate(BaseModel):
    driver: str | None = Field(None, max_length=64)
    capacity_t: Decimal | None = Field(None, gt=0, le=60, decimal_places=2)
    kind: Literal["box", "reefer"] | None = None


class ReleaseIn(BaseModel):
    note: str = Field(min_length=2, max_length=500)
