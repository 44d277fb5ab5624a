"""p09 API shapes."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ftz.core.kit.pagination import PageOut

AIRPORT = r"^[A-Z]{3}$"


class LineIn(BaseModel):
    """One house waybill on the ULD."""

    model_config = ConfigDict(extra="forbid")

    hawb: str = Field(min_length=1, max_length=20)
    description: str = Field(min_length=1, max_length=200)
    pieces: int = Field(ge=1, le=100_000)
    gross_kg: Decimal = Field(gt=0, le=20_000, decimal_places=1)
    destination: str = Field(pattern=AIRPORT)


class UldIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    uld_code: str = Field(min_length=9, max_length=20)
    mawb_no: str = Field(pattern=r"^\d{3}-?\d{8}$")
    flight_no: str = Field(pattern=r"^[A-Z0-9]{2}\d{1,4}[A-Z]?$")
    flight_date: date
    origin: str = Field(pattern=AIRPORT)
    handler_org_code: str = Field(min_length=1, max_length=64)
    lines: list[LineIn] = Field(min_length=1, max_length=500)
    note: str = Field(default="", max_length=1000)


class EventIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    event: str = Field(min_length=1, max_length=16)
    at: datetime | None = None  # when it happened (handheld scan); default now
    crew: int | None = Field(default=None, ge=1, le=20)
    trailer_plate: str | None = Field(default=None, max_length=16)
    # A broken-down ULD: the truck per destination at start_loading, e.g. {"PEK": "豫A9002挂"};
    # the destination of the road leg a depart / deliver is about.
    legs: dict[str, str] | None = Field(default=None, max_length=20)
    destination: str | None = Field(default=None, pattern=AIRPORT)
    note: str = Field(default="", max_length=1000)


class TrailerIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    plate: str = Field(pattern=r"^[\u4e00-\u9fa5][A-Z][A-Z0-9]{4,5}挂?$")
    kind: str = Field(pattern=r"^(uld_roller|uld_reefer|box|flatbed)$")
    positions: int = Field(ge=1, le=8)


class TrailerOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    org_id: str
    plate: str
    kind: str
    positions: int
    active: bool


class EventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    seq: int
    event: str
    at: datetime
    actor: str
    crew: int | None
    touches: int
    data: dict[str, Any]
    note: str


class UldOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    org_id: str
    handler_org_id: str
    trucker_org_id: str | None
    trailer_id: str | None
    uld_code: str
    type_code: str
    owner_code: str
    mawb_no: str
    flight_no: str
    flight_date: str
    origin: str
    entry: str
    destination: str
    lines: list[dict[str, Any]]
    pieces: int
    gross_kg: Decimal
    mode: str
    package_type: str
    fired: list[dict[str, Any]]
    road: dict[str, Any] | None
    metrics: dict[str, Any]
    manifest_sha256: str
    record_sha256: str | None
    note: str
    status: str


class UldDetail(UldOut):
    events: list[EventOut]
    road_legs: list[dict[str, Any]] = []


UldPage = PageOut[UldOut]
TrailerPage = PageOut[TrailerOut]
