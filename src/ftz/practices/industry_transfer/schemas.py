"""p23 API shapes. Amounts in CNY with two decimals; parks and agreements are named by their
codes and numbers (what officers write), every other record by its id."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from stdnum.cn import uscc

from ftz.practices.industry_transfer.reference import industries, provinces

CODE = r"^[A-Z0-9][A-Z0-9-]{1,31}$"
Money = Decimal
Stage = Literal["intention", "signed", "under_construction", "in_operation", "withdrawn"]


def _amount(default: Any = ...) -> Any:
    return Field(default, ge=0, max_digits=16, decimal_places=2)


class ParkIn(BaseModel):
    code: str = Field(pattern=CODE, examples=["KM-FTZ"])
    name_zh: str = Field(min_length=2, max_length=200)
    name_en: str = Field(min_length=2, max_length=200)
    role: Literal["sponsor", "receiving"]
    province_code: str = Field(pattern=r"^\d{2}$", description="GB/T 2260 province code")
    city: str = Field(min_length=2, max_length=64)
    admin_org_code: str = Field(min_length=2, max_length=64, description="The administration")
    operator: str = Field("", max_length=200)

    @field_validator("province_code")
    @classmethod
    def _known_province(cls, value: str) -> str:
        if value not in provinces():
            raise ValueError("not a GB/T 2260 province code (11 Beijing … 65 Xinjiang)")
        return value


class ParkUpdate(BaseModel):
    name_zh: str | None = Field(None, min_length=2, max_length=200)
    name_en: str | None = Field(None, min_length=2, max_length=200)
    role: Literal["sponsor", "receiving"] | None = None
    city: str | None = Field(None, min_length=2, max_length=64)
    operator: str | None = Field(None, max_length=200)
    active: bool | None = None


class ParkBrief(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    code: str
    name_zh: str
    name_en: str
    province_code: str
    city: str


class ParkOut(ParkBrief):
    role: str
    admin_org_id: str
    operator: str
    active: bool
    created_at: datetime


class AgreementIn(BaseModel):
    number: str = Field(pattern=CODE, examples=["SH-KM-2022-01"])
    title: str = Field(min_length=2, max_length=200)
    sponsor_park: str = Field(pattern=CODE, description="The sponsor park's code")
    receiving_park: str = Field(pattern=CODE, description="The receiving park's code")
    signatories: Literal["administrations", "operators"]
    sponsor_signatory: str = Field(min_length=2, max_length=200)
    receiving_signatory: str = Field(min_length=2, max_length=200)
    signed_on: date
    valid_until: date | None = None
    note: str = Field("", max_length=2000)

    @model_validator(mode="after")
    def _consistent(self) -> AgreementIn:
        if self.sponsor_park == self.receiving_park:
            raise ValueError("receiving_park: the two parks must differ")
        if self.valid_until is not None and self.valid_until <= self.signed_on:
            raise ValueError("valid_until: must come after the signing date")
        return self


class TerminateIn(BaseModel):
    on: date
    note: str = Field(min_length=2, max_length=2000)


class AgreementOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    number: str
    title: str
    sponsor_park: ParkBrief
    receiving_park: ParkBrief
    signatories: str
    sponsor_signatory: str
    receiving_signatory: str
    signed_on: date
    valid_until: date | None
    status: str
    terminated_on: date | None
    note: str
    created_at: datetime


class ArrangementIn(BaseModel):
    agreement: str = Field(pattern=CODE, description="The agreement's number")
    kind: Literal["enclave", "reverse_enclave"]
    name_zh: str = Field(min_length=2, max_length=200)
    name_en: str = Field(min_length=2, max_length=200)
    host_share_pct: int = Field(ge=0, le=100, description="Host park's share of shared revenue")
    term_years: int = Field(ge=1, le=50)
    starts_on: date
    terms: str = Field("", max_length=4000)


class ArrangementOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    agreement_id: str
    kind: str
    name_zh: str
    name_en: str
    host_park: ParkBrief
    partner_park: ParkBrief
    host_share_pct: int
    partner_share_pct: int
    term_years: int
    starts_on: date
    terms: str
    active: bool
    created_at: datetime


def _check_uscc(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if not uscc.is_valid(value):
        raise ValueError("not a valid unified social credit code (GB 32100, 18 characters)")
    return value


def _check_industry(value: str | None) -> str | None:
    if value is not None and value not in industries():
        raise ValueError("not a GB/T 4754-2017 section or division in data/industries.csv")
    return value


class ProjectIn(BaseModel):
    code: str = Field(pattern=CODE, examples=["KM-2025-046"])
    name: str = Field(min_length=2, max_length=200)
    enterprise: str = Field(min_length=2, max_length=200)
    enterprise_uscc: str | None = Field(None, max_length=18)
    agreement: str = Field(pattern=CODE, description="The agreement's number")
    arrangement_id: str | None = None
    industry_code: str = Field(description="GB/T 4754-2017 section or division, e.g. C27")
    intention_on: date
    planned_investment: Money = _amount()
    description: str = Field("", max_length=4000)

    _uscc = field_validator("enterprise_uscc")(_check_uscc)
    _industry = field_validator("industry_code")(_check_industry)


class ProjectUpdate(BaseModel):
    name: str | None = Field(None, min_length=2, max_length=200)
    enterprise: str | None = Field(None, min_length=2, max_length=200)
    enterprise_uscc: str | None = Field(None, max_length=18)
    arrangement_id: str | None = None
    industry_code: str | None = None
    planned_investment: Money | None = _amount(None)
    actual_investment: Money | None = _amount(None)
    description: str | None = Field(None, max_length=4000)

    _uscc = field_validator("enterprise_uscc")(_check_uscc)
    _industry = field_validator("industry_code")(_check_industry)


class StageIn(BaseModel):
    event: Literal["sign", "start_construction", "start_operation", "withdraw"]
    on: date
    note: str = Field("", max_length=2000)


class ProjectOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    code: str
    name: str
    enterprise: str
    enterprise_uscc: str | None
    agreement_id: str
    sponsor_park: ParkBrief
    receiving_park: ParkBrief
    arrangement_id: str | None
    industry_code: str
    stage: Stage
    intention_on: date
    signed_on: date | None
    construction_on: date | None
    operation_on: date | None
    withdrawn_on: date | None
    planned_investment: Money
    actual_investment: Money
    description: str
    created_at: datetime
    updated_at: datetime


class ReportIn(BaseModel):
    output_value: Money = _amount(Decimal(0))
    tax: Money = _amount(Decimal(0))
    employment: int = Field(0, ge=0, le=10_000_000)
    investment_completed: Money = _amount(Decimal(0))
    note: str = Field("", max_length=2000)


class ReportOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    project_id: str
    period: str
    output_value: Money
    tax: Money
    employment: int
    investment_completed: Money
    note: str
    reported_by_org_id: str
    revision: int
    ledger_index: int
    created_at: datetime
    updated_at: datetime
