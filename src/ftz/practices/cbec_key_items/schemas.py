"""p22 API shapes. HS codes are normalized by `ftz.domain.hs.normalize` (8- and 10-digit
tariff codes are read as their HS 2022 subheading); container numbers are checked with
python-stdnum (ISO 6346)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from stdnum import iso6346
from stdnum.exceptions import ValidationError as StdnumError

from ftz.domain.hs import HsCodeError
from ftz.practices.cbec_key_items.common import hs6

MAX_LINES = 5000
Kind = Literal["carriage", "false_declaration", "concealment"]


class LineIn(BaseModel):
    item_name: str = Field(min_length=1, max_length=200, examples=["充电宝 20000mAh"])
    spec: str = Field("", max_length=200, examples=["PB-20K 黑色"])
    hs_code: str = Field(examples=["8507600090"])
    quantity: Decimal = Field(gt=0, max_digits=14, decimal_places=3)
    unit: str = Field("件", min_length=1, max_length=16)
    weight_kg: Decimal = Field(ge=0, max_digits=14, decimal_places=3)
    value_cny: Decimal = Field(ge=0, max_digits=16, decimal_places=2)

    @field_validator("hs_code")
    @classmethod
    def _hs(cls, value: str) -> str:
        try:
            code = hs6(value)
        except HsCodeError as exc:
            raise ValueError(str(exc)) from exc
        if len(code) != 6:
            raise ValueError(f"{value!r}: declare the 6-, 8- or 10-digit code, not {code}")
        return code


class DeclarationIn(BaseModel):
    entry_no: str = Field(pattern=r"^[A-Z0-9-]{4,32}$", examples=["4601202611240001"])
    ecommerce_code: str = Field(pattern=r"^[0-9A-Z]{10,18}$", examples=["4501961234"])
    container_no: str = Field("", examples=["TBJU3054383"])
    lines: list[LineIn] = Field(min_length=1, max_length=MAX_LINES)

    @field_validator("container_no")
    @classmethod
    def _iso6346(cls, value: str) -> str:
        if not value.strip():
            return ""
        try:
            return str(iso6346.validate(value))
        except StdnumError as exc:
            raise ValueError(f"not a valid ISO 6346 container number ({exc})") from exc


class CheckIn(BaseModel):
    """Lines to screen without declaring anything (and the codes the declaration would name)."""

    ecommerce_code: str = Field("", pattern=r"^([0-9A-Z]{10,18})?$")
    lines: list[LineIn] = Field(min_length=1, max_length=MAX_LINES)


class ResolveIn(BaseModel):
    event: Literal["confirm", "clear"]
    kind: Kind | None = None
    note: str = Field(min_length=2, max_length=2000)


class LineOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    position: int
    item_name: str
    spec: str
    hs_code: str
    quantity: Decimal
    unit: str
    weight_kg: Decimal
    value_cny: Decimal
    list_version: int
    hits: list[dict[str, Any]]
    route: list[dict[str, Any]]
    status: str
    resolved_by: str
    note: str
    ledger_index: int | None = None


class DeclarationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    org_id: str
    number: str
    entry_no: str
    ecommerce_code: str
    container_no: str
    source: str
    list_version: int
    line_count: int
    hit_count: int
    status: str
    month: str
    created_at: datetime
    lines: list[LineOut]


class ViolationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    org_id: str
    line_id: str
    declaration_id: str
    kind: str
    agency: str
    officer: str
    prior_12m: int
    measure: str
    railway_grade: str
    fired: list[dict[str, Any]]
    month: str


class ResolvedOut(BaseModel):
    line: LineOut
    declaration_status: str
    violation: ViolationOut | None


class CreditOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    org_id: str
    measure: str
    railway_grade: str
    violations: int
    updated_at: datetime


class ListVersionOut(BaseModel):
    version: int
    effective_from: str
    rule_count: int
    sha256: str
    saved_by: str
    note: str
