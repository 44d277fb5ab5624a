"""p19 API shapes."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from ftz.core.kit.pagination import PageOut

DisputeType = Literal[
    "ip_license", "trade_secret", "online_transaction", "service_trade", "goods_delivery", "other"
]
EvidenceKind = Literal["ip_creation", "contract", "delivery", "payment", "breach", "other"]


class PartyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    country: str = Field(min_length=2, max_length=2, description="ISO 3166-1 alpha-2, e.g. KR")
    representative: str = Field("", max_length=100)


class CaseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    dispute_type: DisputeType
    summary: str = Field(min_length=1, max_length=5000)
    amount_cny: int = Field(ge=0, le=10**13)
    province: str = Field(min_length=1, max_length=32)
    applicant_country: str = Field("CN", min_length=2, max_length=2)
    respondent: PartyIn
    arbitration_clause: bool = False


class EvidenceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    party_role: Literal["applicant", "respondent"]
    kind: EvidenceKind
    title: str = Field(min_length=1, max_length=300)
    sha256: str = Field(pattern="^[0-9a-f]{64}$")


class SessionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    scheduled_at: datetime
    language: str = Field("zh", max_length=16)
    interpreter: bool = False
    minutes_sha256: str | None = Field(None, pattern="^[0-9a-f]{64}$")


class AgreementIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    terms: str = Field(min_length=10, max_length=20000)
    payment_cny: int = Field(0, ge=0, le=10**13)
    enforcement_consent: bool = False


class SignIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=100)
    code: str | None = Field(None, max_length=64, description="One-time code (no account)")


class OutcomeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field("", max_length=2000)


class PartyOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    role: str
    name: str
    country: str
    representative: str


class EvidenceOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    party_role: str
    kind: str
    title: str
    sha256: str
    ledger_index: int


class SessionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    scheduled_at: datetime
    language: str
    interpreter: bool
    minutes_sha256: str | None
    held: bool


class AgreementOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    terms: str
    terms_sha256: str
    payment_cny: int
    enforcement_consent: bool
    signatures: dict[str, Any]
    notarial_number: str | None
    notarized_by: str | None
    enforceability: dict[str, Any]


class CaseOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    number: str
    org_id: str
    dispute_type: str
    summary: str
    amount_cny: int
    province: str
    status: str
    mediator: str | None
    referral: str | None
    outcome: dict[str, Any]
    created_at: datetime
    parties: list[PartyOut]
    evidence: list[EvidenceOut]
    sessions: list[SessionOut]
    agreement: AgreementOut | None


CasePage = PageOut[CaseOut]


class StatsOut(BaseModel):
    cases: int
    countries: int
    provinces: int
    amount_cny: int
    by_status: dict[str, int]
    settled_or_notarized: int
