"""p26 API shapes. Amounts in CNY with two decimals; case numbers as the court writes them,
e.g. （2026）湘1002民初1234号 (full-width or ASCII brackets)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

CASE_NUMBER = r"^[（(]\d{4}[）)][\u4e00-\u9fff]{1,3}\d{0,4}[\u4e00-\u9fff]{1,4}\d{1,6}号$"
CaseType = Literal[
    "sales_contract",
    "international_sale",
    "factoring",
    "financial_leasing",
    "freight_forwarding",
    "customs_agency",
    "loan",
    "guarantee",
    "lease",
    "construction",
    "labor",
    "ip",
    "company",
    "cbec",
    "other",
]
Kind = Literal["legal_basis", "similar_cases", "related_cases"]
Mode = Literal["bm25", "hybrid"]


class PartyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Literal["plaintiff", "defendant", "third_party"]
    name: str = Field(min_length=2, max_length=200)
    uscc: str = Field("", pattern=r"^([0-9A-HJ-NPQRTUWXY]{18})?$")
    ftz_enterprise: bool = False
    org_code: str | None = Field(
        None, max_length=64, description="the party's platform organization"
    )
    counsel: str = Field("", max_length=200)
    counsel_org_code: str | None = Field(
        None, max_length=64, description="the law firm's organization"
    )


class FactsIn(BaseModel):
    """What the triage and supervision rules read (the judge's assessment at filing)."""

    model_config = ConfigDict(extra="forbid")
    foreign_related: bool = False
    disputed: bool = False
    relation: Literal["simple", "complex"] = "simple"
    four_category: bool = Field(False, description="one of the SPC's four categories of cases")


class CaseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    number: str = Field(pattern=CASE_NUMBER, examples=["（2026）湘1002民初1234号"])
    cause: str = Field(min_length=2, max_length=100, examples=["保理合同纠纷"])
    case_type: CaseType
    procedure: Literal["first_instance", "second_instance"] = "first_instance"
    claims: str = Field(min_length=4, max_length=4000)
    subject_matter: str = Field("", max_length=300)
    amount_cny: Decimal = Field(ge=0, le=Decimal("100000000000"), decimal_places=2)
    filed_on: date
    judge: str | None = Field(None, max_length=64, description="username; default: yourself")
    parties: list[PartyIn] = Field(min_length=2, max_length=20)
    linked_numbers: list[str] = Field(default_factory=list, max_length=20)
    facts: FactsIn = Field(default_factory=FactsIn)


class CaseUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    claims: str | None = Field(None, min_length=4, max_length=4000)
    subject_matter: str | None = Field(None, max_length=300)
    amount_cny: Decimal | None = Field(None, ge=0, le=Decimal("100000000000"), decimal_places=2)
    linked_numbers: list[str] | None = Field(None, max_length=20)
    facts: FactsIn | None = None
    judge: str | None = Field(None, max_length=64)


class PartyOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    role: str
    name: str
    uscc: str
    ftz_enterprise: bool
    org_id: str | None
    counsel: str
    counsel_org_id: str | None


class CaseOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    number: str
    court: str
    cause: str
    case_type: str
    procedure: str
    ftz_enterprise: bool
    claims: str
    subject_matter: str
    amount_cny: Decimal
    filed_on: date
    closed_on: date | None
    outcome: str | None
    judge_name: str
    linked_numbers: list[str]
    facts: dict[str, Any]
    track: str
    procedure_hint: str
    triage: list[dict[str, Any]]
    review_requirement: str
    review_rule: list[dict[str, Any]]
    status: str
    ledger_index: int | None
    parties: list[PartyOut] = Field(default_factory=list)


class SearchIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Kind
    query: str = Field("", max_length=500, description="default: built from the case")
    mode: Mode = "bm25"
    law: str | None = Field(None, max_length=100)
    article: int | None = Field(None, ge=1, le=2000)
    on: date | None = None
    court: str | None = Field(None, max_length=100)
    case_type: CaseType | None = None
    decided_from: date | None = None
    decided_to: date | None = None
    k: int = Field(10, ge=1, le=20)
    conclusion: str = Field("", max_length=4000)


class ConclusionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    conclusion: str = Field(min_length=2, max_length=4000)


class SearchOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    case_id: str
    kind: str
    query: str
    filters: dict[str, Any]
    mode: str
    results: list[dict[str, Any]]
    searched: int
    run_by: str
    conclusion: str
    created_at: datetime


class SubmissionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Kind
    query: str = Field(min_length=2, max_length=500)
    cited: list[str] = Field(default_factory=list, max_length=30)
    argument: str = Field(min_length=4, max_length=4000)


class AnswerIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    position: Literal["adopted", "partly_adopted", "not_adopted"]
    answer: str = Field(min_length=4, max_length=4000)


class SubmissionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    case_id: str
    party_id: str
    submitted_by: str
    kind: str
    query: str
    cited: list[str]
    argument: str
    status: str
    position: str
    answer: str
    answered_by: str
    answered_at: datetime | None
    created_at: datetime


class ChecklistItemIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    item_id: str = Field(min_length=2, max_length=40)
    state: Literal["done", "not_applicable", "open"]
    note: str = Field("", max_length=1000)


class ChecklistIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    items: list[ChecklistItemIn] = Field(min_length=1, max_length=60)


class ReportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    analysis: str = Field(min_length=10, max_length=20000)


class FindingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    category: Literal["facts", "law_application", "procedure", "three_searches", "document"]
    severity: Literal["minor", "major"]
    description: str = Field(min_length=4, max_length=2000)


class ReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["reading_approval", "quality_review"]
    outcome: Literal["approved", "returned", "passed", "findings"]
    note: str = Field("", max_length=4000)
    findings: list[FindingIn] = Field(default_factory=list, max_length=20)


class RectifyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    rectification: str = Field(min_length=4, max_length=2000)


class CloseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    outcome: Literal["judgment", "mediated", "withdrawn"]
    closed_on: date


class SurveyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    year: int = Field(ge=2000, le=2100)
    label: str = Field(min_length=2, max_length=100)
    respondents: int = Field(ge=1, le=1_000_000)
    satisfied: int = Field(ge=0, le=1_000_000)


class JudgmentIn(BaseModel):
    """One judgment of the import file (YAML or JSON list), the same shape as the demo corpus."""

    model_config = ConfigDict(extra="ignore")
    number: str = Field(pattern=CASE_NUMBER)
    court: str = Field(min_length=2, max_length=100)
    cause: str = Field(min_length=2, max_length=100)
    case_type: CaseType
    decided_on: date
    judge: str = Field("", max_length=100)
    parties: list[str] = Field(default_factory=list, max_length=20)
    amount: Decimal = Field(Decimal(0), ge=0)
    facts: str = Field(min_length=10)
    reasoning: str = Field(min_length=10)
    holding: str = ""
    result: str = Field(min_length=2)
    laws: list[str] = Field(default_factory=list)
