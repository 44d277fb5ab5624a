"""p14 API shapes. A booking names the corridor, the parties, the goods and the containers;
everything the bill adds (legs, timetable, freight, ETA) is computed, never typed in."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from stdnum import iso6346

from ftz.core.kit.pagination import PageOut

Cargo = Literal["general", "perishable", "reefer"]


class ContainerIn(BaseModel):
    number: str = Field(min_length=11, max_length=11)  # ISO 6346 with its check digit
    size: Literal[20, 40] = 40
    reefer: bool = False
    set_temp_c: float | None = Field(None, ge=-40, le=30)
    seal: str = Field("", max_length=32)

    @field_validator("number")
    @classmethod
    def _iso6346(cls, value: str) -> str:
        if not iso6346.is_valid(value):
            raise ValueError("not an ISO 6346 container number (owner code, serial, check digit)")
        return iso6346.compact(value)


class BookingIn(BaseModel):
    corridor: str = Field(min_length=2, max_length=16)
    shipper: str = Field(min_length=2, max_length=200)
    consignee: str = Field(min_length=2, max_length=200)
    notify_party: str = Field("", max_length=200)
    goods: str = Field(min_length=2, max_length=300)
    hs_code: str = Field(pattern=r"^\d{6,10}$")
    cargo: Cargo = "general"
    packages: int = Field(ge=1, le=1_000_000)
    gross_kg: Decimal = Field(gt=0, le=10_000_000)
    containers: list[ContainerIn] = Field(min_length=1, max_length=100)
    requested_departure: datetime
    negotiable: bool = True


class AmendIn(BaseModel):
    consignee: str | None = Field(None, min_length=2, max_length=200)
    notify_party: str | None = Field(None, max_length=200)
    note: str = Field("", max_length=500)


class PayIn(BaseModel):
    payment_ref: str = Field(min_length=4, max_length=64)


class EventIn(BaseModel):
    kind: Literal["gate_in", "departed", "handover", "border_crossed", "status", "arrived"]
    node: str = Field(min_length=2, max_length=64)
    occurred_at: datetime | None = None
    carrier_from: str = Field("", max_length=200)
    carrier_to: str = Field("", max_length=200)
    container: str = Field("", max_length=11)
    seal: str = Field("", max_length=32)
    note: str = Field("", max_length=500)


class PledgeIn(BaseModel):
    action: Literal["request_pledge", "accept_pledge", "release_pledge"]
    bank_code: str = Field("", max_length=64)  # the bank's organization code (request only)
    note: str = Field("", max_length=500)


class ReeferPeriodIn(BaseModel):
    """One period: boxes freed (stock) and boxes wanted (demand) per depot."""

    stock: dict[str, int] = Field(default_factory=dict)
    demand: dict[str, int] = Field(default_factory=dict)


class ReeferIn(BaseModel):
    """Single horizon: `horizon_days`, `stock`, `demand`. Multi-period: `period_days` and
    `periods` (stock and demand per depot per period); one period is the single horizon."""

    horizon_days: int = Field(14, ge=1, le=60)
    stock: dict[str, int] = Field(default_factory=dict)
    demand: dict[str, int] = Field(default_factory=dict)
    period_days: int | None = Field(None, ge=1, le=30)
    periods: list[ReeferPeriodIn] | None = Field(None, min_length=1, max_length=12)

    @property
    def multi(self) -> bool:
        return self.periods is not None


class BillOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    number: str
    corridor: str
    variant: str
    status: str
    shipper: str
    consignee: str
    notify_party: str
    place_of_receipt: str
    place_of_delivery: str
    goods: str
    hs_code: str
    cargo: str
    packages: int
    gross_kg: Decimal
    containers: list[dict[str, Any]]
    teu: int
    requested_departure: datetime
    legs: list[dict[str, Any]]
    sections: list[dict[str, Any]]
    priority: str
    eta: datetime
    total_hours: float
    freight_cny: Decimal
    payment_ref: str
    paid_at: datetime | None
    issued_at: datetime | None
    place_of_issue: str
    negotiable: bool
    pledge: str
    pledged_at: datetime | None
    surrendered_at: datetime | None
    fired: list[dict[str, Any]]
    sha256: str
    ledger_index: int | None


class EventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    kind: str
    node: str
    occurred_at: datetime
    carrier_from: str
    carrier_to: str
    container: str
    seal: str
    note: str
    handover: bool
    fired: list[dict[str, Any]]
    ledger_index: int | None


class PlanOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    number: str
    horizon_days: int
    stock: dict[str, Any]
    demand: dict[str, Any]
    period_days: int | None = None
    periods: list[dict[str, Any]] | None = None
    optimal: dict[str, Any]
    naive: dict[str, Any]
    cost_cny: int
    naive_cost_cny: int
    saving_cny: int
    parameters: str
    fired: list[dict[str, Any]]
    created_at: datetime


BillPage = PageOut[BillOut]
PlanPage = PageOut[PlanOut]
