"""p29 request bodies (validated: a bad field is a 422 problem naming it) and responses. Board
listings are summaries that name neither the shipper nor its description."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Cargo = Literal["general", "machinery", "auto_parts", "electronics", "chemicals", "grain", "reefer"]
Mode = Literal["rail", "river", "sea", "road"]
NodeRef = Field(min_length=2, max_length=48)


class OperatorIn(BaseModel):
    org_code: str = Field(min_length=1, max_length=64)
    code: str = Field(min_length=2, max_length=24, pattern=r"^[A-Z0-9-]+$")
    name_zh: str = Field(min_length=1, max_length=200)
    name_en: str = Field("", max_length=200)
    kind: Literal["rail", "port", "shipping", "forwarder"]
    node_id: str = Field("", max_length=48)
    agreement: str = Field(min_length=2, max_length=200)
    signed_on: date


class ServiceIn(BaseModel):
    code: str = Field(min_length=2, max_length=32, pattern=r"^[A-Z0-9-]+$")
    operator_code: str = Field(min_length=2, max_length=24)
    sub_channel: str = Field(min_length=2, max_length=8)
    name_zh: str = Field(min_length=1, max_length=200)
    name_en: str = Field("", max_length=200)
    mode: Mode
    stops: list[str] = Field(min_length=2, max_length=40)
    network_service: str = Field("", max_length=48)
    weekly_departures: int = Field(ge=1, le=100)
    teu_per_departure: int = Field(ge=1, le=20000)
    cargo_types: list[Cargo] = Field(min_length=1)


class OperatorEdit(BaseModel):
    """What the administration may change of a registered operator (its code and organization
    are its identity); absent fields are kept."""

    name_zh: str | None = Field(None, min_length=1, max_length=200)
    name_en: str | None = Field(None, max_length=200)
    kind: Literal["rail", "port", "shipping", "forwarder"] | None = None
    node_id: str | None = Field(None, max_length=48)
    agreement: str | None = Field(None, min_length=2, max_length=200)
    signed_on: date | None = None


class ServiceEdit(BaseModel):
    """What may change of a fixed service (its code and operator are its identity)."""

    sub_channel: str | None = Field(None, min_length=2, max_length=8)
    name_zh: str | None = Field(None, min_length=1, max_length=200)
    name_en: str | None = Field(None, max_length=200)
    mode: Mode | None = None
    stops: list[str] | None = Field(None, min_length=2, max_length=40)
    network_service: str | None = Field(None, max_length=48)
    weekly_departures: int | None = Field(None, ge=1, le=100)
    teu_per_departure: int | None = Field(None, ge=1, le=20000)
    cargo_types: list[Cargo] | None = Field(None, min_length=1)


class StatusChangeIn(BaseModel):
    reason: str = Field(min_length=2, max_length=500)


class OfferIn(BaseModel):
    service_code: str = Field("", max_length=32)
    mode: Mode
    origin: str = NodeRef
    destination: str = NodeRef
    departs_on: date
    arrives_on: date
    capacity_teu: int = Field(ge=1, le=20000)
    cargo_types: list[Cargo] = Field(min_length=1)
    price_cny_per_teu: int = Field(ge=0, le=1_000_000)
    note: str = Field("", max_length=500)


class OrderIn(BaseModel):
    origin: str = NodeRef
    destination: str = NodeRef
    cargo_type: Cargo
    trade: Literal["export", "import", "domestic"]
    teu: int = Field(ge=1, le=5000)
    # When the cargo is ready to leave: a date-time (naive: China Standard Time), or only a date
    # (then the start of that day); one of the two is needed, and they must agree.
    ready_at: datetime | None = None
    ready_on: date | None = None
    deliver_by: date
    modes: list[Mode] = Field(default_factory=list)
    optimize: Literal["time", "cost", "co2", "mix"] = "cost"
    description: str = Field("", max_length=1000)
    listed: bool = True


class BookIn(BaseModel):
    offer_id: str = Field(min_length=1, max_length=26)


class EventIn(BaseModel):
    kind: Literal[
        "picked_up", "loaded", "departed", "transhipped", "arrived", "customs_cleared",
        "delivered", "exception", "note",
    ]  # fmt: skip
    node_id: str = Field("", max_length=48)
    occurred_at: datetime | None = None
    note: str = Field("", max_length=500)


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class OperatorOut(Out):
    id: str
    code: str
    name_zh: str
    name_en: str
    kind: str
    node_id: str
    agreement: str
    signed_on: date
    active: bool


class ServiceOut(Out):
    id: str
    code: str
    operator_id: str
    sub_channel: str
    name_zh: str
    name_en: str
    mode: str
    stops: list[str]
    network_service: str
    weekly_departures: int
    teu_per_departure: int
    cargo_types: list[str]
    active: bool


class OfferOut(Out):
    id: str
    number: str
    operator_id: str
    service_id: str | None
    mode: str
    origin: str
    destination: str
    departs_on: date
    arrives_on: date
    capacity_teu: int
    booked_teu: int
    cargo_types: list[str]
    price_cny_per_teu: int
    status: str
    note: str


class OrderOut(Out):
    id: str
    number: str
    origin: str
    destination: str
    cargo_type: str
    trade: str
    teu: int
    ready_on: date
    ready_at: datetime | None
    deliver_by: date
    modes: list[str]
    optimize: str
    description: str
    listed: bool
    route: dict[str, Any]
    route_nodes: list[str]
    sub_channels: list[str]
    foreign: bool
    foreign_fired: list[dict[str, Any]]
    status: str
    offer_id: str | None
    match_fired: list[dict[str, Any]]
    booked_at: datetime | None
    ledger_index: int | None


class BoardOrderOut(Out):
    """What the public board shows of someone else's order."""

    number: str
    origin: str
    destination: str
    cargo_type: str
    trade: str
    teu: int
    ready_on: date
    deliver_by: date
    sub_channels: list[str]


class MatchOut(BaseModel):
    offer: OfferOut
    operator: str
    verdict: str
    fired: list[dict[str, Any]]


class RegistryHistoryEntry(BaseModel):
    """One change of an operator or a service, from the audit trail."""

    at: datetime
    who: str
    action: str
    changes: list[dict[str, Any]]
    reason: str | None = None


class EventOut(Out):
    id: str
    party: str
    kind: str
    node_id: str
    occurred_at: datetime
    note: str
    recorded_by: str
    fired: list[dict[str, Any]]
