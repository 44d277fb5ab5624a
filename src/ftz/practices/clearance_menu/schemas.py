"""The menu's request (what the enterprise fills in) and the API's record shapes."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ftz.core.kit.pagination import PageOut

HS_SEPARATORS = re.compile(r"[\s.\-]")
HS_DIGITS = re.compile(r"\d{6,10}")


def normalize_hs(raw: str) -> str:
    """6–10 digits; dots, spaces and dashes people type (8471.30.00) are dropped."""
    digits = HS_SEPARATORS.sub("", str(raw))
    if not HS_DIGITS.fullmatch(digits):
        raise ValueError("HS code must be 6 to 10 digits")
    return digits


class Goods(BaseModel):
    model_config = ConfigDict(extra="forbid")
    hs_code: str
    legal_inspection: bool = False
    taxable: bool = False
    temperature_sensitive: bool = False
    cbec_retail: bool = False
    solid_waste: bool = False

    @field_validator("hs_code", mode="before")
    @classmethod
    def _hs(cls, value: Any) -> str:
        return normalize_hs(value)


class MenuRequest(BaseModel):
    """`ftz clearance-menu recommend REQUEST.json` and `POST /api/clearance-menu/recommend`."""

    model_config = ConfigDict(extra="forbid")
    direction: Literal["import", "export"]
    transport: Literal["sea", "rail", "air", "road", "multimodal_through_bill"]
    goods: Goods
    credit: Literal["advanced", "general", "dishonest"]
    guarantee_filed: bool = False
    manifest_before_arrival: bool = False
    pickup_place: str = Field(min_length=1, max_length=100)
    port: str = Field(min_length=1, max_length=100)
    declare_before_arrival: bool = False
    transit_wanted: bool = False

    @field_validator("pickup_place", "port")
    @classmethod
    def _place(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("must not be blank")
        return value


class ChoiceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    combination: str = Field(min_length=3, max_length=8)


class RequestOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    org_id: str
    direction: str
    transport: str
    hs_code: str
    credit: str
    port: str
    pickup_place: str
    month: str
    request: dict[str, Any]
    recommended_code: str
    eligible_codes: list[str]
    chosen_code: str | None
    chosen_at: datetime | None
    ledger_index: int | None
    created_at: datetime


RequestPage = PageOut[RequestOut]
