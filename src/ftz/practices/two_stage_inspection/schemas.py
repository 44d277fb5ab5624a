"""p20 API shapes. HS codes are read with ftz.domain.hs (China's 8- or 10-digit tariff codes are
kept as declared and filed under their HS 2022 subheading); packing is one of the special kinds
the pilot is for, or "ordinary" (which the goods table refuses, with its reason)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ftz.domain.hs import HsCodeError, normalize

Packing = Literal["vacuum", "light_proof", "constant_temperature", "ordinary"]
PACKINGS: tuple[str, ...] = Packing.__args__  # type: ignore[attr-defined]
CreditLevel = Literal["advanced_certified", "general_credit", "dishonest"]
CREDIT_LEVELS: tuple[str, ...] = CreditLevel.__args__  # type: ignore[attr-defined]
SupplyChain = Literal["traceable", "incomplete"]
SUPPLY_CHAINS: tuple[str, ...] = SupplyChain.__args__  # type: ignore[attr-defined]
Violation = Literal[
    "smuggling", "false_declaration", "unfiled_goods", "stock_discrepancy", "audit_finding"
]
VIOLATIONS: tuple[str, ...] = Violation.__args__  # type: ignore[attr-defined]
STATUSES = ("applied", "admitted", "refused", "revoked")
INSTRUCTION_STATUSES = ("issued", "routed", "port_inspection", "closed")


def _hs(value: str) -> str:
    try:
        normalize(value)
    except HsCodeError as exc:
        raise ValueError(str(exc)) from exc
    digits = "".join(c for c in value if c.isdigit())
    if len(digits) < 6:
        raise ValueError("file goods under a subheading: 6, 8 or 10 digits")
    return digits


class GoodIn(BaseModel):
    tariff_code: str = Field(examples=["9027500000"], description="HS code, 6, 8 or 10 digits")
    name: str = Field(min_length=2, max_length=200, examples=["光谱分析仪用光学模组"])
    specification: str = Field(min_length=1, max_length=200, examples=["型号OM-520，真空密封"])
    packing: Packing
    annual_value_usd: Decimal = Field(ge=0, le=10**12, max_digits=14, decimal_places=2)

    @field_validator("tariff_code")
    @classmethod
    def _tariff(cls, value: str) -> str:
        return _hs(value)


class PilotIn(BaseModel):
    """The enterprise's application: the contact, business scope, the local government's
    recommendation letter and the goods it files."""

    contact: str = Field(min_length=2, max_length=100)
    business_scope: str = Field("", max_length=2000)
    recommendation_ref: str = Field("", max_length=64, examples=["苏园管推〔2026〕12号"])
    goods: list[GoodIn] = Field(min_length=1, max_length=50)


class AssessmentIn(BaseModel):
    """Customs' risk assessment: the facts it weighs (rules/admission.json)."""

    credit_level: CreditLevel
    local_recommended: bool
    supply_chain: SupplyChain
    seizures_3y: int = Field(ge=0, le=1000)
    assessed_on: date | None = None
    note: str = Field("", max_length=2000)


class ViolationIn(BaseModel):
    violation: Violation
    found_on: date | None = None
    note: str = Field(min_length=2, max_length=2000)


class GoodOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    hs_code: str
    tariff_code: str
    name: str
    specification: str
    packing: str
    annual_value_usd: Decimal
    eligible: bool
    fired: list[dict[str, Any]]


class PilotOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    org_id: str
    number: str
    contact: str
    business_scope: str
    recommendation_ref: str
    status: str
    reapply_fired: list[dict[str, Any]]
    credit_level: str
    local_recommended: bool | None
    supply_chain: str
    seizures_3y: int | None
    assessed_by: str
    assessed_on: date | None
    fired: list[dict[str, Any]]
    violation: str
    violation_note: str
    revoked_on: date | None
    blocked_until: date | None
    revocation_fired: list[dict[str, Any]]
    ledger_index: int | None
    revocation_ledger_index: int | None
    goods: list[GoodOut]
    created_at: datetime


class InstructionIn(BaseModel):
    """A control instruction that hits a declared good, issued by the port customs."""

    enterprise: str = Field(min_length=2, max_length=64, description="Organization code")
    entry_no: str = Field(pattern=r"^[0-9]{18}$", examples=["220120261000012345"])
    tariff_code: str = Field(examples=["9027500000"])
    goods_name: str = Field(min_length=2, max_length=200)
    quantity: Decimal = Field(gt=0, max_digits=14, decimal_places=3)
    unit: str = Field(min_length=1, max_length=16, examples=["台"])
    value_usd: Decimal = Field(ge=0, max_digits=14, decimal_places=2)
    requirements: str = Field(min_length=2, max_length=2000)
    arrived_on: date
    port_office: str = Field(min_length=2, max_length=64, examples=["tsi-port-pvg"])
    destination_office: str = Field(min_length=2, max_length=64, examples=["tsi-dest-sip"])

    @field_validator("tariff_code")
    @classmethod
    def _tariff(cls, value: str) -> str:
        return _hs(value)


class ExternalCheckIn(BaseModel):
    """The port's external check: package labels, name, specification and quantity read from
    the outer packing, and whether the special packing is intact."""

    labels_ok: bool
    name_ok: bool
    spec_ok: bool
    quantity_ok: bool
    packing_intact: bool
    checked_on: date | None = None
    note: str = Field("", max_length=2000)


class ResultIn(BaseModel):
    """The destination check or the full port inspection: conform or not."""

    conform: bool
    checked_on: date | None = None
    note: str = Field("", max_length=2000)


class InstructionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    org_id: str
    number: str
    entry_no: str
    hs_code: str
    goods_name: str
    quantity: Decimal
    unit: str
    value_usd: Decimal
    requirements: str
    arrived_on: date
    port_office_org_id: str
    destination_office_org_id: str
    pilot_id: str | None
    good_id: str | None
    mode: str
    routing_fired: list[dict[str, Any]]
    remark: str
    released_on: date | None
    closed_on: date | None
    outcome: str
    status: str
    ledger_index: int
    created_at: datetime


class CheckOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    instruction_id: str
    kind: str
    office_org_id: str
    officer: str
    checked_on: date
    answers: dict[str, Any]
    passed: bool
    fired: list[dict[str, Any]]
    note: str
    ledger_index: int
    created_at: datetime
