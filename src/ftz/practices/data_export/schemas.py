"""p01 API shapes. The export-path scenario itself is validated by decision.py."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ftz.core.kit.pagination import PageOut

Purpose = Literal["contract_with_individual", "hr_management", "emergency", "other"]
Ftz = Literal["tianjin", "beijing", "shanghai-lingang"]
DocumentKind = Literal[
    "standard_contract", "certification", "assessment_approval", "impact_assessment", "other"
]
HEX64 = "^[0-9a-f]{64}$"


class InventoryField(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    entity: str | None = Field(None, max_length=40)
    category: str | None = Field(None, max_length=80)
    level: str | None = Field(None, max_length=20)
    personal_info: bool = False
    sensitive: bool = False


class DocumentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: DocumentKind
    title: str = Field(min_length=1, max_length=300)
    sha256: str = Field(pattern=HEX64)


class FilingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    recipient: str = Field(min_length=1, max_length=200)
    country: str = Field(min_length=2, max_length=2, description="ISO 3166-1 alpha-2")
    sector: str = Field(min_length=1, max_length=40)
    purpose: Purpose
    purpose_text: str = Field("", max_length=5000)
    scenario: str = Field("", max_length=120)
    ftz: Ftz | None = None
    ciio: bool = False
    important_data: bool = False
    collected_abroad: bool = False
    trade_transport_academic_manufacturing: bool = False
    on_negative_list: bool | None = None
    inventory: list[InventoryField] = Field(default_factory=list, max_length=2000)
    individuals: int = Field(0, ge=0, le=10**10)
    sensitive_individuals: int = Field(0, ge=0, le=10**10)
    documents: list[DocumentIn] = Field(default_factory=list, max_length=50)


class FilingOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    number: str
    version: int
    supersedes_id: str | None
    status: str
    recipient: str
    country: str
    sector: str
    purpose: str
    purpose_text: str
    scenario: str
    ftz: str | None
    ciio: bool
    important_data: bool
    inventory: list[dict[str, Any]]
    individuals: int
    sensitive_individuals: int
    mechanism: str
    decision: dict[str, Any]
    documents: list[dict[str, Any]]
    review_note: str
    approved_on: date | None
    valid_until: date | None
    ledger_index: int | None
    created_at: datetime


class ReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: Literal["approve", "return_for_changes", "reject"]
    note: str = Field("", max_length=5000)


class BatchIn(BaseModel):
    """A manifest of one export: what left, never the data itself."""

    model_config = ConfigDict(extra="forbid")

    filing_id: str = Field(min_length=26, max_length=26)
    exported_at: datetime
    columns: list[str] = Field(min_length=1, max_length=2000)
    row_count: int = Field(ge=0, le=10**12)
    individuals: int = Field(ge=0, le=10**10)
    sensitive_individuals: int = Field(0, ge=0, le=10**10)
    sha256: str = Field(pattern=HEX64, description="Fingerprint of the exported file or stream")


class BatchOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    filing_id: str
    exported_at: datetime
    columns: list[str]
    row_count: int
    individuals: int
    sensitive_individuals: int
    sha256: str
    ledger_index: int


class FindingOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    run_id: str
    filing_id: str | None
    batch_id: str | None
    kind: str
    severity: str
    detail: dict[str, Any]


class AuditOut(BaseModel):
    run_id: str
    year: int
    batches: int
    findings: list[FindingOut]
    receipts: list[dict[str, Any]]


class PreAssessmentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=200)
    answers: dict[str, bool] = Field(description="sub-indicator id → met")


class PreAssessmentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    title: str
    catalog_version: str
    score: int
    passed: bool
    gaps: list[dict[str, Any]]
    created_at: datetime


FilingPage = PageOut[FilingOut]


BatchPage = PageOut[BatchOut]
