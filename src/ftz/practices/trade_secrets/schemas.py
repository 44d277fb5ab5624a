"""p27 API shapes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ftz.core.kit.pagination import PageOut

HEX64 = "^[0-9a-f]{64}$"


class ItemIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=300)
    file_name: str = Field("", max_length=300)
    size_bytes: int = Field(0, ge=0)
    sha256: str = Field(pattern=HEX64, description="Lower-case hex SHA-256 of the file")
    sm3: str = Field(pattern=HEX64, description="Lower-case hex SM3 of the file")
    contributors: list[str] = Field(default_factory=list, max_length=50)
    description: str = Field("", max_length=2000)
    # For enterprise-held keys: base64 Ed25519 signature of the statement (see /statement).
    signature: str | None = Field(None, max_length=100)
    salt: str | None = Field(None, pattern="^[0-9a-f]{32}$")


class RegistrationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    project: str | None = Field(None, max_length=200, description="Project name (created if new)")
    key_id: str | None = Field(None, max_length=16, description="Enterprise key that signed")
    items: list[ItemIn] = Field(min_length=1, max_length=10_000)


class RecordRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    title: str
    file_name: str
    size_bytes: int
    sha256: str
    sm3: str
    contributors: dict[str, Any]
    commitment: str
    key_id: str
    signature: str
    ledger_index: int
    batch_id: str
    project_id: str | None
    registered_at: datetime


class RegistrationOut(BaseModel):
    batch_id: str
    registered: list[RecordRead]
    already_registered: list[RecordRead]


RecordPage = PageOut[RecordRead]


class VerificationOut(BaseModel):
    found: bool
    sha256: str
    organization: str | None = None
    registered_at: datetime | None = None
    ledger_index: int | None = None
    signature_valid: bool | None = None
    receipt_valid: bool | None = None
    checks: list[dict[str, Any]] = Field(default_factory=list)
    receipt: dict[str, Any] | None = None


class KeyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    public_key: str = Field(min_length=40, max_length=400, description="PEM or base64 raw key")


class KeyOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    key_id: str
    algorithm: str
    custody: str
    created_at: datetime
    retired_at: datetime | None = None


class ProjectOut(BaseModel):
    id: str
    name: str
    records: int


class Contribution(BaseModel):
    name: str
    records: int
    projects: int
    first: datetime
    last: datetime


class StatsOut(BaseModel):
    enterprises: int
    records: int
    batches: int
    certified_enterprises: int
