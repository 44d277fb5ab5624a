"""p12 API shapes. Field limits here are the edge validation; rules decide the rest."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ftz.core.kit.pagination import PageOut


class PriorCertificateIn(BaseModel):
    code: str = Field(min_length=1, max_length=32, description="Catalog code, e.g. HR-ELEC-JR")
    number: str = Field(min_length=1, max_length=64, description="Certificate number")


class CandidateIn(BaseModel):
    full_name: str = Field(min_length=1, max_length=100)
    id_number: str = Field(min_length=15, max_length=18, description="Resident identity number")
    education: int = Field(
        ge=1, le=4, description="1 primary, 2 junior middle, 3 senior, 4 college"
    )
    health_ok: bool = Field(description="Holds a health examination certificate")


class ApplicationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    candidate: CandidateIn
    trade: str = Field(min_length=1, max_length=32)
    certificates: list[str] = Field(min_length=1, max_length=3)
    experience_years: float = Field(ge=0, le=60)
    apprenticeship_done: bool = False
    vocational_graduate: bool = False
    prior_certificates: list[PriorCertificateIn] = Field(default_factory=list, max_length=15)
    employer_code: str | None = Field(None, max_length=64, description="Officers: the employer")


class ApplicationUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    certificates: list[str] | None = Field(None, min_length=1, max_length=3)
    experience_years: float | None = Field(None, ge=0, le=60)
    apprenticeship_done: bool | None = None
    vocational_graduate: bool | None = None
    education: int | None = Field(None, ge=1, le=4)
    health_ok: bool | None = None


class ScoresIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    theory_score: int = Field(ge=0, le=100)
    practical_score: int = Field(ge=0, le=100)
    exam_date: date


class LookupIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id_number: str = Field(min_length=15, max_length=18)
    application_id: str = Field(min_length=26, max_length=26)


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field("", max_length=500)


class CertificateRead(BaseModel):
    code: str
    department: str
    certificate_type: str
    trade: str
    level: str
    name_zh: str
    name_en: str


class CatalogRead(BaseModel):
    certificates: list[CertificateRead]
    departments: dict[str, dict[str, str]]
    trades: dict[str, dict[str, str]]


class RequestRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    certificate_code: str
    department: str
    status: str
    eligibility: dict[str, Any]
    decision: dict[str, Any]
    certificate_number: str | None
    decided_by: str | None
    decided_at: datetime | None


class CandidateRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    full_name: str
    id_masked: str
    birth_date: date
    gender: str
    education: int
    health_ok: bool


class ApplicationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    org_id: str
    trade: str
    status: str
    experience_years: float
    apprenticeship_done: bool
    vocational_graduate: bool
    exam_date: date | None
    theory_score: int | None
    practical_score: int | None
    created_at: datetime
    candidate: CandidateRead
    requests: list[RequestRead]


ApplicationPage = PageOut[ApplicationRead]


class Statistics(BaseModel):
    candidates: int
    applications: int
    by_certificates_issued: dict[str, int]
    issued_by_department: dict[str, int]
    issued_by_certificate: dict[str, int]
    pending_review_by_department: dict[str, int]


class HistoryEntry(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    occurred_at: datetime
    actor_username: str
    action: str
    entity_type: str
    entity_id: str
    changes: dict[str, Any]
