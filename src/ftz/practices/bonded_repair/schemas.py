"""p03 API shapes. Amounts in CNY with two decimals, tonnes with three; file evidence comes in
as a SHA-256 fingerprint (the enterprise keeps the file, the platform keeps proof of it)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SHA256 = r"^[0-9a-f]{64}$"
Reading = Literal["both", "either"]


class AdmissionIn(BaseModel):
    business: str = Field(min_length=2, max_length=200, examples=["航空发动机部件保税维修"])
    high_tech: bool
    value_added_pct: int = Field(ge=0, le=100_000, description="Output over input, percent")
    toxic_air: bool
    toxic_water: bool
    risk_level: Literal["general", "larger", "major"]
    documents_complete: bool
    permits_complete: bool


class AdmissionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    org_id: str
    business: str
    high_tech: bool
    value_added_pct: int
    toxic_air: bool
    toxic_water: bool
    risk_level: str
    documents_complete: bool
    permits_complete: bool
    eligible: bool
    failures: list[str]
    fired: list[dict[str, Any]]
    status: str
    note: str
    ledger_index: int
    decision_ledger_index: int | None
    created_at: datetime


class DecisionIn(BaseModel):
    event: Literal["admit", "reject", "request_exit", "complete_exit"]
    note: str = Field("", max_length=2000)


class BatchIn(BaseModel):
    number: str = Field(pattern=r"^[A-Z0-9-]{4,32}$", examples=["TJBR-2024-0001"])
    goods: str = Field(min_length=2, max_length=200)
    quantity: int = Field(gt=0, le=10_000_000)
    value_cny: Decimal = Field(gt=0, max_digits=16, decimal_places=2)
    preinspection_sha256: str = Field(pattern=SHA256, description="Overseas pre-inspection file")


class OutcomeIn(BaseModel):
    """Running totals of the batch so far; `final` closes the batch."""

    repaired_qty: int = Field(ge=0)
    irreparable_qty: int = Field(ge=0)
    irreparable_value_cny: Decimal = Field(ge=0, max_digits=16, decimal_places=2)
    reading: Reading | None = None
    final: bool = False


class BatchOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    org_id: str
    number: str
    goods: str
    quantity: int
    value_cny: Decimal
    preinspection_sha256: str
    repaired_qty: int
    irreparable_qty: int
    irreparable_value_cny: Decimal
    reading: str
    verdict: str
    fired: list[dict[str, Any]]
    status: str
    ledger_index: int | None
    created_at: datetime


class ReviewIn(BaseModel):
    """The officer's review of a flagged batch: accept it, or order a correction (the batch goes
    back to the enterprise for a corrected final outcome). The note is required either way."""

    decision: Literal["accept", "order_correction"] = "accept"
    note: str = Field(min_length=2, max_length=2000)


class WasteIn(BaseModel):
    year: int = Field(ge=2000, le=2100)
    category: Literal["general", "hazardous"]
    description: str = Field(min_length=2, max_length=200)
    tonnes: Decimal = Field(gt=0, max_digits=12, decimal_places=3)
    method: Literal["recycled", "disposed"]
    receiver: str = Field(min_length=2, max_length=200)
    certificate_sha256: str = Field(pattern=SHA256, description="Disposal certificate file")


class WasteOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    org_id: str
    year: int
    category: str
    description: str
    tonnes: Decimal
    method: str
    receiver: str
    certificate_sha256: str
    ledger_index: int
    created_at: datetime
