"""p15 request bodies. Amounts in CNY (yuan) with two decimals, stored as integer fen; shares in
percent with two decimals, summing to exactly 100."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from stdnum.cn import uscc

Kind = Literal["patent", "software", "know_how"]
Mode = Literal["licence", "assignment", "equity"]
Scope = Literal["exclusive", "sole", "non_exclusive", ""]
Pricing = Literal["agreement", "listing", "auction"]
IncomeKind = Literal["licence_fee", "royalty", "assignment_price", "dividend", "equity_sale"]
Series = Literal["teaching_research", "engineering"]
Level = Literal["junior", "intermediate", "associate", "full"]
TargetLevel = Literal["intermediate", "associate", "full"]
RecordKind = Literal["proof_of_concept", "pilot", "industrialisation", "transfer_service"]
UnitKind = Literal["university", "research_institute", "central_unit", "medical", "enterprise"]
Money = Field(gt=0, le=Decimal("100000000000"), max_digits=14, decimal_places=2)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class InventorIn(Strict):
    researcher_id: str = Field(min_length=1, max_length=26)
    share_pct: Decimal = Field(gt=0, le=100, max_digits=5, decimal_places=2)


def _shares_ok(inventors: list[InventorIn]) -> list[InventorIn]:
    if len({i.researcher_id for i in inventors}) != len(inventors):
        raise ValueError("an inventor is listed twice / 同一完成人重复列出")
    total = sum((i.share_pct for i in inventors), Decimal(0))
    if total != 100:
        raise ValueError(f"inventors' shares add up to {total}%, not 100% / 完成人份额合计应为100%")
    return inventors


class AchievementIn(Strict):
    title: str = Field(min_length=2, max_length=200)
    kind: Kind
    ip_number: str = Field("", max_length=24, description="patent or software registration no.")
    college: str = Field(min_length=1, max_length=100)
    field: str = Field("", max_length=100)
    completed_on: date
    description: str = Field("", max_length=4000)
    inventors: list[InventorIn] = Field(min_length=1, max_length=20)

    @field_validator("inventors")
    @classmethod
    def _inventors(cls, value: list[InventorIn]) -> list[InventorIn]:
        return _shares_ok(value)


class AchievementUpdate(Strict):
    """Any of the fields; inventors and shares only until a transfer is decided."""

    title: str | None = Field(None, min_length=2, max_length=200)
    ip_number: str | None = Field(None, max_length=24)
    college: str | None = Field(None, min_length=1, max_length=100)
    field: str | None = Field(None, max_length=100)
    description: str | None = Field(None, max_length=4000)
    inventors: list[InventorIn] | None = Field(None, min_length=1, max_length=20)

    @field_validator("inventors")
    @classmethod
    def _inventors(cls, value: list[InventorIn] | None) -> list[InventorIn] | None:
        return None if value is None else _shares_ok(value)


class AchievementEventIn(Strict):
    event: Literal["register", "withdraw"]
    note: str = Field("", max_length=2000)


class TransferIn(Strict):
    achievement_id: str = Field(min_length=1, max_length=26)
    mode: Mode
    licence_scope: Scope = ""
    counterparty: str = Field(min_length=2, max_length=200)
    counterparty_uscc: str = Field(min_length=18, max_length=18)
    pricing: Pricing
    price: Decimal = Field(ge=0, le=Decimal("100000000000"), max_digits=14, decimal_places=2)
    equity_pct: Decimal = Field(Decimal(0), ge=0, le=100, max_digits=7, decimal_places=4)
    term_years: int = Field(0, ge=0, le=50)
    note: str = Field("", max_length=2000)

    @field_validator("counterparty_uscc")
    @classmethod
    def _uscc(cls, value: str) -> str:
        if not uscc.is_valid(value.upper()):
            raise ValueError(
                "not a valid unified social credit code (GB 32100) / 统一社会信用代码无效"
            )
        return value.upper()

    @model_validator(mode="after")
    def _by_mode(self) -> TransferIn:
        if self.mode == "licence" and (not self.licence_scope or self.term_years < 1):
            raise ValueError("a licence needs its scope and a term of at least one year")
        if self.mode != "licence" and (self.licence_scope or self.term_years):
            raise ValueError("scope and term belong to licences only")
        if self.mode == "equity" and self.equity_pct <= 0:
            raise ValueError("an equity investment needs the share of the company it receives")
        if self.mode != "equity" and self.equity_pct:
            raise ValueError("equity_pct belongs to equity investments only")
        if self.price <= 0:
            raise ValueError("the price (or the technology's valuation) must be positive")
        return self


class PublicityIn(Strict):
    publicity_from: date
    publicity_to: date
    objections: int = Field(0, ge=0, le=1000, description="unresolved objections")

    @model_validator(mode="after")
    def _order(self) -> PublicityIn:
        if self.publicity_to < self.publicity_from:
            raise ValueError("publicity ends before it starts")
        return self


class DecisionIn(Strict):
    meeting: str = Field(min_length=2, max_length=100, examples=["校长办公会"])
    meeting_no: str = Field(min_length=1, max_length=60)
    meeting_date: date
    decision: str = Field(min_length=2, max_length=2000)
    decision_makers: list[str] = Field(min_length=1, max_length=30)
    conflict_declared: bool

    @field_validator("decision_makers")
    @classmethod
    def _names(cls, value: list[str]) -> list[str]:
        names = [v.strip() for v in value if v.strip()]
        if not names or any(len(n) > 60 for n in names):
            raise ValueError("name the decision-makers (up to 60 characters each)")
        return names


class ContractIn(Strict):
    contract_no: str = Field(min_length=2, max_length=60)
    signed_on: date


class NoteIn(Strict):
    note: str = Field(min_length=2, max_length=2000)


class CostIn(Strict):
    kind: str = Field(min_length=1, max_length=24)
    amount: Decimal = Money


class IncomeIn(Strict):
    received_on: date
    kind: IncomeKind
    gross: Decimal = Money
    costs: list[CostIn] = Field(default_factory=list, max_length=20)
    note: str = Field("", max_length=2000)
