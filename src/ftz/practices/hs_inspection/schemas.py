"""p06 API shapes. HS codes are checked against the HS 2022 nomenclature (`ftz.domain.hs`):
China's 8- and 10-digit tariff codes are kept as given and cut to their subheading."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ftz.domain.hs.nomenclature import HsCodeError, normalize

Source = Literal["nonconformity", "overseas_notification", "export_return", "used_machinery"]
SOURCES: tuple[str, ...] = Source.__args__  # type: ignore[attr-defined]
RiskType = Literal[
    "electric_shock", "fire", "injuries", "chemical", "burns", "environment", "emc",
    "labelling", "other",
]  # fmt: skip
RISK_TYPES: tuple[str, ...] = RiskType.__args__  # type: ignore[attr-defined]
Action = Literal["release", "document_check", "sampling", "lab_test"]
ACTIONS: tuple[str, ...] = Action.__args__  # type: ignore[attr-defined]


def product_code(raw: str) -> tuple[str, str]:
    """(HS heading or subheading, the tariff code as given when longer), or ValueError."""
    digits = "".join(ch for ch in raw if ch.isdigit())
    try:
        code = normalize(raw)
    except HsCodeError as exc:
        raise ValueError(str(exc)) from exc
    if len(code) < 4:
        raise ValueError("give a heading (4 digits) or a longer code, not a chapter or section")
    return code, digits if len(digits) > 6 else ""


class RecordIn(BaseModel):
    """One risk record of any source, as imported (CSV columns or JSON keys)."""

    model_config = ConfigDict(str_strip_whitespace=True)
    ref: str = Field(min_length=1, max_length=64)
    hs_code: str = Field(examples=["8516600000"])
    tariff_code: str = ""
    record_date: date
    product: str = Field(min_length=1, max_length=200)
    country: str = Field("", max_length=64)
    brand: str = Field("", max_length=100)
    model: str = Field("", max_length=100)
    barcode: str = Field("", max_length=64)
    batch_no: str = Field("", max_length=64)
    risk_type: RiskType
    defect: str = Field("", max_length=2000)
    measures: str = Field("", max_length=200)
    severity: int | None = Field(None, ge=1, le=4)
    result: str = Field("", max_length=32)
    details: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _code(self) -> RecordIn:
        try:
            self.hs_code, self.tariff_code = product_code(self.hs_code)
        except ValueError as exc:
            raise ValueError(f"hs_code: {exc}") from exc
        return self


class RecordOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    source: str
    ref: str
    hs_code: str
    tariff_code: str
    record_date: date
    product: str
    country: str
    brand: str
    model: str
    barcode: str
    batch_no: str
    risk_type: str
    defect: str
    measures: str
    severity: int | None
    result: str
    details: dict[str, Any]


class ImportOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    source: str
    filename: str
    sha256: str
    rows_total: int
    inserted: int
    skipped: int
    imported_by: str
    ledger_index: int | None
    created_at: datetime


class BatchIn(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)
    declaration_no: str = Field("", pattern=r"^[0-9A-Z-]{0,32}$")
    hs_code: str = Field(examples=["8516600000"])
    product: str = Field(min_length=2, max_length=200)
    brand: str = Field("", max_length=100)
    model: str = Field("", max_length=100)
    origin_country: str = Field("", max_length=64)
    quantity: int = Field(ge=1, le=10_000_000)
    arrival_date: date
    used_machinery: bool = False

    @field_validator("hs_code")
    @classmethod
    def _hs(cls, value: str) -> str:
        code, tariff = product_code(value)
        return tariff or code


class ResultIn(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)
    result: Literal["conforming", "nonconforming"]
    action_taken: Action
    risk_type: RiskType | None = None
    defect: str = Field("", max_length=2000)
    severity: int | None = Field(None, ge=1, le=4)
    confirm_case: bool = False
    case_title: str = Field("", max_length=200)
    note: str = Field("", max_length=500)

    @model_validator(mode="after")
    def _nonconforming(self) -> ResultIn:
        if self.result == "nonconforming":
            if self.risk_type is None:
                raise ValueError("risk_type: a nonconforming result names its risk type")
            if not self.defect:
                raise ValueError("defect: describe the nonconformity found")
        elif self.confirm_case:
            raise ValueError("confirm_case: only a nonconforming result becomes a risk case")
        return self


class CaseIn(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)
    record_id: str = Field(min_length=1, max_length=26)
    title: str = Field(min_length=2, max_length=200)
    description: str = Field("", max_length=2000)


class CaseOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    number: str
    hs_code: str
    title: str
    risk_type: str
    severity: int
    risk_level: str
    description: str
    record_id: str
    confirmed_by: str
    ledger_index: int | None
    created_at: datetime


class BatchOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    org_id: str
    number: str
    declaration_no: str
    hs_code: str
    tariff_code: str
    product: str
    brand: str
    model: str
    origin_country: str
    quantity: int
    arrival_date: date
    used_machinery: bool
    status: str
    risk_level: str
    recommended_action: str
    assessment: dict[str, Any]
    result: str
    action_taken: str
    risk_type: str
    defect: str
    officer: str
    inspected_at: datetime | None
    ledger_index: int | None


class EnterpriseBatchOut(BaseModel):
    """What the importer sees of its batch: not the officers' risk view."""

    model_config = ConfigDict(from_attributes=True)
    id: str
    number: str
    declaration_no: str
    hs_code: str
    tariff_code: str
    product: str
    brand: str
    model: str
    origin_country: str
    quantity: int
    arrival_date: date
    used_machinery: bool
    status: str
    result: str
    defect: str
    inspected_at: datetime | None
    ledger_index: int | None
