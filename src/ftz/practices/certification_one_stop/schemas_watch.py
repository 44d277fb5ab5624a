"""p28 API shapes for the standards watch (standards, versions, subscriptions, notifications)
and the standard-cooperation projects."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

COUNTRY = r"^[A-Z]{2}$"


class StandardIn(BaseModel):
    number: str = Field(min_length=2, max_length=64, examples=["MS 2574"])
    country: str = Field(pattern=COUNTRY, examples=["MY"])
    body: str = Field(min_length=2, max_length=100, examples=["Department of Standards Malaysia"])
    mandatory: bool


class VersionIn(BaseModel):
    version: str = Field(min_length=1, max_length=32, examples=["2024"])
    title: str = Field(min_length=2, max_length=300)
    hs_codes: list[str] = Field(default_factory=list, max_length=50)
    products: list[str] = Field(default_factory=list, max_length=50)
    effective_on: date
    summary: str = Field("", max_length=4000)
    text: str = Field(min_length=2, max_length=200_000)


class NewStandardIn(StandardIn):
    first: VersionIn


class StandardOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    number: str
    country: str
    body: str
    mandatory: bool
    status: str


class VersionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    standard_id: str
    version: str
    title: str
    hs_codes: list[str]
    products: list[str]
    effective_on: date
    summary: str
    diff: dict[str, Any]
    published_by: str
    published_at: datetime
    ledger_index: int


class StandardDetail(StandardOut):
    versions: list[VersionOut]


class PublishedOut(BaseModel):
    version: VersionOut
    notified: int


class SubscriptionIn(BaseModel):
    kind: Literal["hs", "keyword"]
    value: str = Field(min_length=1, max_length=100)


class SubscriptionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    kind: str
    value: str
    active: bool
    created_at: datetime


class NotificationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    version_id: str
    change: str
    priority: str
    matched: list[str]
    summary: str
    fired: list[dict[str, Any]]
    read_at: datetime | None
    created_at: datetime


class PartnerIn(BaseModel):
    name: str = Field(min_length=2, max_length=200)
    country: str = Field(pattern=COUNTRY)
    role: str = Field(min_length=2, max_length=100)


class ProjectIn(BaseModel):
    code: str = Field(pattern=r"^[A-Z0-9-]{3,32}$", examples=["SC-MY-FRIDGE"])
    title: str = Field(min_length=2, max_length=300)
    country: str = Field(pattern=COUNTRY)
    subject: str = Field(min_length=2, max_length=4000)
    partners: list[PartnerIn] = Field(min_length=1, max_length=20)
    started_on: date


class ProjectEventIn(BaseModel):
    on: date
    kind: Literal["visit", "meeting", "agreement", "publication", "other"]
    note: str = Field(min_length=2, max_length=2000)


class StageIn(BaseModel):
    event: Literal["form_group", "start_drafting", "sign", "adopt", "abandon"]
    outcome: str = Field("", max_length=4000)


class ProjectEventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    on: date
    kind: str
    note: str
    ledger_index: int


class ProjectOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    code: str
    title: str
    country: str
    subject: str
    partners: list[dict[str, Any]]
    stage: str
    outcome: str
    started_on: date


class ProjectDetail(ProjectOut):
    events: list[ProjectEventOut]
    event_counts: dict[str, int]
