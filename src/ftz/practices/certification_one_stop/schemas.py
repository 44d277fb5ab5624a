"""p28 API shapes for certification: the application with its documents (SHA-256 fingerprints:
the enterprise keeps the files), the laboratory's test results, the certificate. Amounts in CNY
with two decimals."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SHA256 = r"^[0-9a-f]{64}$"


class ApplicationIn(BaseModel):
    scheme: str = Field(min_length=2, max_length=16, examples=["MY-SIRIM"])
    product: str = Field(min_length=2, max_length=200, examples=["双门家用电冰箱"])
    model: str = Field(min_length=1, max_length=100, examples=["BCD-520WKPZM"])
    hs_code: str = Field(min_length=2, max_length=14, examples=["841821"])
    trade_value_cny: Decimal = Field(gt=0, max_digits=16, decimal_places=2)


class DocumentIn(BaseModel):
    kind: str = Field(min_length=2, max_length=32, examples=["application_form"])
    filename: str = Field(min_length=1, max_length=200)
    sha256: str = Field(pattern=SHA256)


class DocumentOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    kind: str
    filename: str
    sha256: str
    ledger_index: int
    created_at: datetime


class EventIn(BaseModel):
    """submit / withdraw (the enterprise), accept (the laboratory), issue / refuse (the
    partner body's desk). A reason is required to refuse."""

    event: Literal["submit", "withdraw", "accept", "issue", "refuse"]
    note: str = Field("", max_length=2000)


class TestIn(BaseModel):
    test_code: str = Field(min_length=2, max_length=32, examples=["safety"])
    passed: bool
    findings: str = Field("", max_length=4000)
    report_sha256: str = Field(pattern=SHA256, description="The test report's fingerprint")
    tested_on: date | None = None


class TestOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    test_code: str
    standard: str
    passed: bool
    findings: str
    report_sha256: str
    tested_on: date
    recorded_by: str
    ledger_index: int


class ConcludeIn(BaseModel):
    note: str = Field("", max_length=2000)


class CertificateOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    application_id: str
    number: str
    verification_code: str
    issued_on: date
    valid_until: date
    issued_by: str
    sha256: str
    status: str
    ledger_index: int


class ApplicationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    org_id: str
    number: str
    scheme: str
    product: str
    model: str
    hs_code: str
    category: str
    trade_value_cny: Decimal
    fee_cny: Decimal
    required_documents: list[str]
    required_tests: list[dict[str, Any]]
    fired: list[dict[str, Any]]
    sla_days: int
    day_kind: str
    submitted_on: date | None
    due_on: date | None
    closed_on: date | None
    status: str
    note: str
    ledger_index: int | None
    created_at: datetime


class ApplicationDetail(ApplicationOut):
    documents: list[DocumentOut]
    missing_documents: list[str]
    tests: list[TestOut]
    certificate: CertificateOut | None
    sla: dict[str, Any]


class VerificationOut(BaseModel):
    """What anyone may learn from a verification code: no prices, no documents."""

    valid: bool
    status: str
    number: str
    scheme: str
    holder: str
    product: str
    model: str
    hs_code: str
    issued_on: date
    valid_until: date
    sha256: str
    ledger_index: int
