"""p08 request bodies. Amounts in yuan with two decimals; stored as integer fen."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

CUSTOMS = r"^[0-9]{4}$"  # 关区代码, e.g. 2900 Hangzhou, 3100 Ningbo


class LineIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    hs_code: str = Field(pattern=r"^[0-9]{8,10}$")
    name: str = Field(min_length=1, max_length=100)
    quantity: int = Field(gt=0, le=10_000)
    unit_price: Decimal = Field(gt=0, le=1_000_000, decimal_places=2)


class ListIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    number: str = Field(min_length=4, max_length=40, pattern=r"^[A-Za-z0-9-]+$")
    order_no: str = Field(min_length=1, max_length=60)
    buyer_id: str = Field(min_length=6, max_length=40, description="stored only as a keyed hash")
    customs_code: str = Field(pattern=CUSTOMS)
    release_date: date
    lines: list[LineIn] = Field(min_length=1, max_length=50)


class ReturnLineIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    line_no: int = Field(ge=1)
    quantity: int = Field(gt=0)


class ReturnIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    list_number: str = Field(min_length=4, max_length=40)
    customs_code: str = Field(pattern=CUSTOMS, description="any participating customs")
    zone_entry_date: date
    declared_on: date | None = Field(None, description="default today (Asia/Shanghai)")
    lines: list[ReturnLineIn] = Field(min_length=1, max_length=50)


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    note: str = Field("", max_length=500)
