"""p07 API shapes: rating requests and the advice, grain calls and their papers, the berth
channel. Ship records use `ftz.domain.vessels.schemas`."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ftz.core.kit.pagination import PageOut
from ftz.domain.vessels.schemas import ShipOut

Port = Field(min_length=2, max_length=64, examples=["营口港"])


class RatingRequest(BaseModel):
    """The carrier asks for the rating of a ship it offers for a voyage; the advice goes to the
    shipper named here (an enterprise on the platform, by its organization code)."""

    imo_number: str = Field(pattern=r"^\d{7}$", examples=["9386471"])
    shipper_org: str = Field(min_length=2, max_length=64, examples=["ss-shipper"])
    voyage: str = Field(min_length=2, max_length=200, examples=["营口港 → 广州港"])
    cargo: Literal["grain_bulk", "other"] = "grain_bulk"
    cargo_name: str = Field(min_length=1, max_length=100, examples=["玉米"])
    quantity_t: int = Field(gt=0, le=500_000)
    laycan: date | None = None


class DimensionOut(BaseModel):
    key: str
    name_zh: str
    name_en: str
    level: str
    veto: bool
    reason_zh: str
    reason_en: str
    fired: list[dict[str, Any]]


class RatingOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    org_id: str
    shipper_org_id: str
    ship_id: str
    requested_by: str
    voyage: str
    cargo: str
    cargo_name: str
    quantity_t: int
    laycan: date | None
    assessed_on: date
    rating: str
    dimensions: list[DimensionOut]
    fired: list[dict[str, Any]]
    reasons_zh: list[str] = []
    reasons_en: list[str] = []
    status: str
    shipper_note: str
    decided_at: datetime | None
    ledger_index: int
    decision_ledger_index: int | None
    created_at: datetime


RatingPage = PageOut[RatingOut]
ShipPage = PageOut[ShipOut]


class DecisionIn(BaseModel):
    event: Literal["charter", "decline"]
    note: str = Field("", max_length=2000)


class GrainCallIn(BaseModel):
    imo_number: str = Field(pattern=r"^\d{7}$")
    port: str = Port
    eta: datetime
    cargo_name: str = Field(min_length=1, max_length=100, examples=["玉米"])
    quantity_t: int = Field(gt=0, le=500_000)
    terminal_org: str | None = Field(None, max_length=64, description="Terminal's org code")
    company_org: str | None = Field(None, max_length=64, description="Shipping company's org code")

    @model_validator(mode="after")
    def _aware(self) -> GrainCallIn:
        if self.eta.tzinfo is None:
            raise ValueError("eta needs a time zone (e.g. 2026-03-01T08:00:00+08:00)")
        return self


class DocumentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    kind: str
    filename: str
    content_type: str
    size_bytes: int
    sha256: str
    uploaded_by: str
    ledger_index: int
    created_at: datetime


class CommentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    author: str
    author_org: str
    body: str
    created_at: datetime


class GrainCallOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    number: str
    org_id: str
    ship_id: str
    terminal_org_id: str | None
    company_org_id: str | None
    port: str
    eta: datetime
    cargo_name: str
    quantity_t: int
    status: str
    checklist: dict[str, Any]
    stability: dict[str, Any] | None
    stability_pass: bool | None
    trimming_check: str | None
    trimming_fired: list[dict[str, Any]]
    reviewed_by: str
    ledger_index: int | None
    created_at: datetime


class GrainCallDetail(GrainCallOut):
    documents: list[DocumentOut] = []
    comments: list[CommentOut] = []


GrainCallPage = PageOut[GrainCallOut]


class CommentIn(BaseModel):
    body: str = Field(min_length=1, max_length=4000)


class GrainEventIn(BaseModel):
    """submit / finish_loading (filer); approve / send_back / clear (officer). An approval
    carries the ticked checklist; sending back needs a comment saying what to fix."""

    event: Literal["submit", "approve", "send_back", "finish_loading", "clear"]
    checklist: dict[str, bool] = Field(default_factory=dict)
    comment: str = Field("", max_length=4000)


class BerthIn(BaseModel):
    code: str = Field(pattern=r"^[A-Z0-9-]{2,32}$", examples=["YK-BYQ-G1"])
    port: str = Port
    terminal: str = Field(min_length=2, max_length=100)
    depth_m: Decimal = Field(gt=0, le=40, max_digits=5, decimal_places=2)
    max_dwt: int = Field(gt=0, le=500_000)
    reserved_for_grain: bool = True


class BerthOut(BerthIn):
    model_config = ConfigDict(from_attributes=True)
    id: str


class ArrivalIn(BaseModel):
    imo_number: str = Field(pattern=r"^\d{7}$")
    port: str = Port
    eta: datetime
    etd: datetime
    cargo_name: str = Field(min_length=1, max_length=100)
    quantity_t: int = Field(gt=0, le=500_000)
    grain_call: str | None = Field(None, max_length=32, description="Grain call number")
    escorts: list[Literal["patrol", "tug", "icebreaking"]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _times(self) -> ArrivalIn:
        if self.eta.tzinfo is None or self.etd.tzinfo is None:
            raise ValueError("eta and etd need a time zone")
        if self.etd <= self.eta:
            raise ValueError("etd must come after eta")
        return self


class ArrivalEventIn(BaseModel):
    """confirm (officer: berth and the five guarantees), arrive / berth / depart (the time it
    happened), cancel."""

    event: Literal["confirm", "arrive", "berth", "depart", "cancel"]
    at: datetime | None = None
    berth_code: str | None = Field(None, max_length=32)
    guarantees: dict[str, bool] = Field(default_factory=dict)
    note: str = Field("", max_length=2000)


class EscortOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    arrival_id: str
    kind: str
    status: str
    assigned_unit: str
    note: str


class EscortEventIn(BaseModel):
    event: Literal["assign", "complete", "refuse"]
    assigned_unit: str = Field("", max_length=100)
    note: str = Field("", max_length=2000)


class ArrivalOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    number: str
    org_id: str
    ship_id: str
    grain_call_id: str | None
    berth_id: str | None
    port: str
    eta: datetime
    etd: datetime
    cargo_name: str
    quantity_t: int
    status: str
    guarantees: dict[str, Any]
    arrived_at: datetime | None
    berthed_at: datetime | None
    departed_at: datetime | None
    waiting_hours: Decimal | None
    hours_saved: Decimal | None
    cost_saved_cny: Decimal | None
    ledger_index: int | None
    created_at: datetime


class ArrivalDetail(ArrivalOut):
    escorts: list[EscortOut] = []


ArrivalPage = PageOut[ArrivalOut]
