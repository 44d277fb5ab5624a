"""p18 request bodies (amounts in yuan with two decimals, stored as integer fen) and the
response shapes of the API."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ftz.core.kit.pagination import PageOut

# A positive amount of yuan with at most two decimals (stored as integer fen).
Money = Annotated[Decimal, Field(gt=0, le=10_000_000_000, decimal_places=2)]
PropertyKind = Literal["residential", "commercial", "office", "industrial", "land", "other"]
ClaimBasis = Literal["seal", "mortgage", "construction", "ordinary"]
NUMBER = r"^\S(.*\S)?$"  # no leading or trailing blanks


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PropertyIn(Strict):
    kind: PropertyKind
    certificate_no: str = Field(min_length=4, max_length=60)
    address: str = Field(min_length=4, max_length=200)
    area_m2: Decimal = Field(gt=0, le=1_000_000, decimal_places=2)
    appraised_value: Money
    appraised_on: date


class SealIn(Strict):
    court_name: str = Field(min_length=2, max_length=100)
    order_no: str = Field(min_length=4, max_length=80)
    sealed_on: date
    expires_on: date

    @model_validator(mode="after")
    def _term(self) -> SealIn:
        if self.expires_on <= self.sealed_on:
            raise ValueError("expires_on must be after sealed_on")
        # 查封不动产的期限不得超过三年 (民诉法解释): 1,096 days covers a leap year.
        if (self.expires_on - self.sealed_on).days > 1096:
            raise ValueError("a seal on real estate lasts at most three years")
        return self


class PersonIn(Strict):
    kind: Literal["person", "organization"]
    name: str = Field(min_length=2, max_length=100)
    id_number: str | None = Field(
        None, min_length=15, max_length=18, description="resident ID or USCC (kept on a correction)"
    )
    account: str | None = Field(None, max_length=64, description="the party's username, if any")


class PartyIn(PersonIn):
    party_id: str | None = Field(None, min_length=26, max_length=26, description="on a correction")
    role: Literal["applicant", "creditor", "debtor"]
    claim: Decimal = Field(Decimal(0), ge=0, le=10_000_000_000, decimal_places=2)
    claim_basis: ClaimBasis | None = None
    secured_on: date | None = Field(None, description="mortgage registration or seal date")

    @model_validator(mode="after")
    def _claim(self) -> PartyIn:
        if self.role == "debtor" and (self.claim or self.claim_basis):
            raise ValueError("the debtor has no claim")
        if self.role != "debtor" and (self.claim <= 0 or self.claim_basis is None):
            raise ValueError("a creditor needs a claim amount and its basis")
        return self


class CaseIn(Strict):
    number: str = Field(min_length=6, max_length=60, pattern=NUMBER)
    registered_on: date
    judgment: Money
    property: PropertyIn
    seals: list[SealIn] = Field(min_length=1, max_length=5)
    parties: list[PartyIn] = Field(min_length=2, max_length=10)

    @model_validator(mode="after")
    def _roles(self) -> CaseIn:
        roles = [p.role for p in self.parties]
        if roles.count("applicant") != 1 or roles.count("debtor") != 1:
            raise ValueError("exactly one applicant and one debtor")
        return self


class ScreenIn(Strict):
    notary_code: str = Field(min_length=2, max_length=64, description="the notary office's code")
    title_clear: bool
    debtor_agrees: bool
    note: str = Field("", max_length=500)


class NoteIn(Strict):
    note: str = Field("", max_length=500)


class ReasonIn(Strict):
    note: str = Field(min_length=2, max_length=500)


class AllocationIn(Strict):
    party_id: str = Field(min_length=26, max_length=26)
    priority: int = Field(ge=1, le=20)
    amount: Decimal = Field(ge=0, le=10_000_000_000, decimal_places=2)


class AgreementIn(Strict):
    agreement_no: str = Field(min_length=4, max_length=60)
    min_price: Money
    allocations: list[AllocationIn] = Field(min_length=1, max_length=10)


class PartyRef(Strict):
    party_id: str = Field(min_length=26, max_length=26)


class DocumentIn(Strict):
    document_no: str = Field(min_length=4, max_length=80)
    note: str = Field("", max_length=500)


class ContractIn(Strict):
    contract_no: str = Field(min_length=4, max_length=60)
    mandate_no: str = Field(min_length=4, max_length=60)
    price: Money
    escrow_account: str = Field(min_length=8, max_length=40, pattern=r"^[0-9 -]+$")
    buyer: PersonIn


class SignIn(Strict):
    signer: Literal["buyer", "seller"]


class DepositIn(Strict):
    amount: Money
    source: Literal["own_funds", "mortgage_loan", "housing_fund"] = "own_funds"
    reference: str = Field(min_length=2, max_length=80, description="bank transfer reference")


class CertificateIn(Strict):
    certificate_no: str = Field(min_length=4, max_length=60)


class PayoutIn(Strict):
    party_id: str = Field(min_length=26, max_length=26)
    amount: Money
    reference: str = Field(min_length=2, max_length=80)


class ReferenceIn(Strict):
    reference: str = Field(min_length=2, max_length=80)


class RefundIn(Strict):
    amount: Money
    reference: str = Field(min_length=2, max_length=80)


class PartyOut(BaseModel):
    id: str
    role: str
    kind: str
    name: str
    id_display: str
    has_account: bool
    claim: Decimal
    claim_basis: str
    secured_on: date | None
    default_rank: int | None
    priority: int | None
    agreed: Decimal
    paid: Decimal
    outstanding: Decimal
    consented: bool
    consent_method: str
    signed: bool
    sign_method: str


class SealOut(BaseModel):
    rank: int
    court_name: str
    order_no: str
    sealed_on: date
    expires_on: date
    lifted: bool


class MovementOut(BaseModel):
    id: str
    kind: str
    amount: Decimal
    party_id: str | None
    source: str
    reference: str
    at: datetime
    step_seq: int


class StepOut(BaseModel):
    seq: int
    step: str
    from_status: str
    to_status: str
    actor: str
    at: datetime
    note: str
    details: dict[str, Any]
    entry_sha256: str
    ledger_index: int


class CaseSummaryOut(BaseModel):
    id: str
    number: str
    status: str
    address: str
    certificate_no: str
    appraised_value: Decimal
    price: Decimal
    escrow_balance: Decimal
    registered_on: date
    updated_at: datetime


class CaseOut(CaseSummaryOut):
    court: str
    notary: str | None
    judgment: Decimal
    property_kind: str
    area_m2: Decimal
    appraised_on: date
    screening: dict[str, Any]
    agreement_no: str
    min_price: Decimal
    agreement_sha256: str
    price_check: list[dict[str, Any]]
    approval_doc_no: str
    contract_no: str
    mandate_no: str
    contract_sha256: str
    escrow_account: str
    escrow_certificate_no: str
    new_certificate_no: str
    lift_doc_no: str
    collapse_reason: str
    escrow: dict[str, Decimal]
    allowed: list[str]
    parties: list[PartyOut]
    seals: list[SealOut]
    movements: list[MovementOut]
    steps: list[StepOut]


class CasePage(PageOut[CaseSummaryOut]):
    pass
