"""p02 API shapes."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ftz.core.kit.pagination import PageOut

Direction = Literal["import", "export"]


class ContainerIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    number: str = Field(min_length=11, max_length=14, description="ISO 6346, e.g. CSQU3054383")
    size_ft: Literal[20, 40] = 40


class ShipmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    direction: Direction
    port_code: str = Field(min_length=3, max_length=8, description="Linked port, e.g. WUH")
    consignee: str = Field(min_length=1, max_length=200)
    bill_of_lading: str = Field(min_length=1, max_length=40)
    vessel: str = Field("", max_length=100)
    declared_in_advance: bool = False
    containers: list[ContainerIn] = Field(min_length=1, max_length=200)


class ShipmentEdit(BaseModel):
    """A correction of a filed shipment: only the fields given change. `containers` is the whole
    new list; boxes left out are cancelled, new ones added, changed sizes corrected."""

    model_config = ConfigDict(extra="forbid")

    port_code: str | None = Field(None, min_length=3, max_length=8)
    consignee: str | None = Field(None, min_length=1, max_length=200)
    bill_of_lading: str | None = Field(None, min_length=1, max_length=40)
    vessel: str | None = Field(None, max_length=100)
    declared_in_advance: bool | None = None
    containers: list[ContainerIn] | None = Field(None, min_length=1, max_length=200)


class HistoryEntry(BaseModel):
    """One filing or edit of a shipment, from the audit trail, with its evidence-ledger entry."""

    at: datetime
    actor: str
    action: str
    changes: dict[str, Any]
    ledger_index: int | None
    rows: list[str]


class EventIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    event: str = Field(min_length=1, max_length=32)
    at: datetime | None = Field(None, description="When it happened (default: now)")
    note: str = Field("", max_length=2000)


class EventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    event: str
    from_status: str
    to_status: str
    party: str
    actor: str
    location: str
    at: datetime
    note: str
    ledger_index: int


class ContainerOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    shipment_id: str
    number: str
    size_ft: int
    teu: int
    direction: str
    port_code: str
    status: str
    selected: bool
    inspection: dict[str, Any]
    filed_at: datetime
    last_event_at: datetime
    barge_departed_at: datetime | None
    barge_arrived_at: datetime | None
    transit_hours: float | None
    delay: dict[str, Any]
    completed_at: datetime | None


class ContainerDetail(ContainerOut):
    events: list[EventOut]
    allowed_events: list[str] = []
    expected_barge_hours: float = 0.0


ContainerPage = PageOut[ContainerOut]


class ShipmentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    number: str
    direction: str
    port_code: str
    consignee: str
    bill_of_lading: str
    vessel: str
    declared_in_advance: bool
    teu: int
    comparison: dict[str, Any]
    fast_track: dict[str, Any]
    created_at: datetime
    containers: list[ContainerOut]


ShipmentPage = PageOut[ShipmentOut]
