"""p25 API bodies and answers."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ftz.core.kit.pagination import PageOut

HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
Route = list[list[float]]


def _route(value: Route) -> Route:
    if len(value) < 2:
        raise ValueError("a route needs at least two [lon, lat] positions")
    for p in value:
        if len(p) != 2 or not (-180 <= p[0] <= 180 and -90 <= p[1] <= 90):
            raise ValueError(f"{p!r} is not [lon, lat] in WGS84 range")
    if value[0] == value[-1]:
        raise ValueError("a route must lead from the border crossing to a station")
    return value


class TermsIn(BaseModel):
    """What an officer may change on a permit."""

    model_config = ConfigDict(extra="forbid")

    tolerance_m: float = Field(100, gt=0, le=2000)
    speed_limit_kmh: float = Field(40, gt=0, le=120)
    window_start: str = "08:00"
    window_end: str = "18:00"
    max_stop_min: int = Field(10, ge=1, le=240)
    escort: bool = True
    valid_to: date
    note: str = Field("", max_length=2000)

    @field_validator("window_start", "window_end")
    @classmethod
    def _hhmm(cls, value: str) -> str:
        if not HHMM.match(value):
            raise ValueError("a time of day as HH:MM, e.g. 08:00")
        return value


class PermitIn(TermsIn):
    org_code: str = Field(min_length=1, max_length=64)  # the carrier
    vehicle_plate: str = Field(min_length=2, max_length=16)
    cargo_un: str = Field("UN1075", pattern=r"^UN\d{4}$")
    cargo_name: str = Field("液化石油气", min_length=1, max_length=64)
    route_a: Route
    route_b: Route
    valid_from: date

    _routes = field_validator("route_a", "route_b")(_route)


class PermitOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    number: str
    org_id: str
    vehicle_plate: str
    cargo_un: str
    cargo_name: str
    route_a: Route
    route_b: Route
    station_a: str
    station_b: str
    tolerance_m: float
    speed_limit_kmh: float
    window_start: str
    window_end: str
    max_stop_min: int
    escort: bool
    valid_from: date
    valid_to: date
    status: str
    note: str
    ledger_index: int | None


class TripIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    permit_id: str = Field(min_length=1, max_length=26)
    station: Literal["A", "B"]
    driver_name: str = Field(min_length=1, max_length=64)
    driver_licence: str = Field(min_length=6, max_length=32)
    tonnes: float = Field(gt=0, le=60)
    entry_at: datetime


class TrackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: Literal["csv", "geojson"] = "csv"
    text: str = Field(min_length=1, max_length=20_000_000)


class CheckOut(BaseModel):
    """The issue's verdict shape, plus what the pages need."""

    compliant: bool
    route: Literal["A", "B"] | None
    violations: list[dict[str, Any]]
    points: int
    judged_against: str
    share_inside: dict[str, float]
    summary: dict[str, Any]


class TripOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    number: str
    permit_id: str
    org_id: str
    station: str
    driver_name: str
    driver_licence: str
    tonnes: float
    entry_at: datetime
    status: str
    compliant: bool | None
    route_followed: str | None
    violations: list[dict[str, Any]]
    points: int
    summary: dict[str, Any]
    track_sha256: str | None
    checked_at: datetime | None
    ledger_index: int | None


class BlacklistingOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    subject: str
    subject_key: str
    subject_name: str
    org_id: str
    points: int
    trip_id: str
    fired: list[dict[str, Any]]
    reported_to: str
    listed_at: datetime
    ledger_index: int | None


PermitPage = PageOut[PermitOut]
TripPage = PageOut[TripOut]
