"""p05 request bodies. Field formats are checked here; whether the fields agree with each other
and with the UN list (class of a UN number, group against hazard) is `reference.check_conditions`,
run by the service so the API, the pages and the CLI give the same answer."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

CLASS = r"^$|^(1\.[1-6]|2\.[1-3]|3|4\.[1-3]|5\.[12]|6\.[12]|7|8|9)$"
CODE = r"^[A-Z0-9][A-Z0-9-]{1,58}$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class HazardFields(Strict):
    """The fields an officer's findings and a cargo's conditions have in common."""

    imdg_class: str = Field("", pattern=CLASS, description="class or division, e.g. 5.1")
    un_number: str = Field("", description="four digits; a leading 'UN' is dropped")
    packing_group: Literal["", "I", "II", "III"] = ""
    tml_test: str = Field("", max_length=200)
    stowage_category: Literal["", "A", "B", "C", "D", "E"] = ""
    segregation: str = Field("", max_length=500)
    special_provisions: list[str] = Field(default_factory=list, max_length=30)
    conditions_zh: str = Field("", max_length=2000)
    conditions_en: str = Field("", max_length=2000)

    @field_validator("un_number")
    @classmethod
    def _un(cls, value: str) -> str:
        value = value.upper().removeprefix("UN").strip()
        if value and not (len(value) == 4 and value.isdigit()):
            raise ValueError("a UN number is four digits, e.g. 1495 or UN1495")
        return value

    @field_validator("special_provisions")
    @classmethod
    def _provisions(cls, value: list[str]) -> list[str]:
        cleaned = [v.strip().upper().removeprefix("SP") for v in value if v.strip()]
        if any(not (v.isdigit() and len(v) <= 4) for v in cleaned):
            raise ValueError("special provisions are numbers, e.g. 188")
        return cleaned


class ConditionsIn(HazardFields):
    regime: Literal["imsbc", "imdg", "general"]
    imsbc_group: Literal["", "A", "B", "C", "AB"] = ""
    mhb: bool = Field(False, description="materials hazardous only in bulk")

    def conditions(self) -> dict[str, Any]:
        return self.model_dump()


class CargoIn(ConditionsIn):
    code: str = Field(pattern=CODE, description="registry key, e.g. BARITE-POWDER")
    name_zh: str = Field(min_length=1, max_length=120)
    name_en: str = Field(min_length=1, max_length=200)
    synonyms: list[str] = Field(default_factory=list, max_length=20)
    source: str = Field("", max_length=300)
    version_label: str = Field(min_length=2, max_length=60, description="e.g. IMSBC 07-23")
    note: str = Field("", max_length=500)


class CargoUpdate(ConditionsIn):
    name_zh: str = Field(min_length=1, max_length=120)
    name_en: str = Field(min_length=1, max_length=200)
    synonyms: list[str] = Field(default_factory=list, max_length=20)
    source: str = Field("", max_length=300)
    version_label: str = Field(min_length=2, max_length=60)
    note: str = Field(min_length=1, max_length=500, description="why the conditions changed")


class CheckIn(Strict):
    cargo: str = Field(min_length=1, max_length=60, description="registry code or id")
    moisture_pct: float = Field(ge=0, le=100, description="declared moisture content, % m/m")
    tml_pct: float | None = Field(None, gt=0, le=100, description="TML from the certificate")
    tml_tested_on: date | None = None
    moisture_sampled_on: date | None = None
    loading_on: date | None = Field(None, description="default today (Asia/Shanghai)")


class ProposalIn(Strict):
    number: str = Field(pattern=r"^[A-Z0-9][A-Z0-9-]{3,29}$")
    title_zh: str = Field(min_length=2, max_length=300)
    title_en: str = Field(min_length=2, max_length=300)
    instrument: Literal["IMSBC", "IMDG", "UNMR"]
    change: Literal["new_entry", "reclassification", "amend_conditions", "test_method", "editorial"]
    proposer: str = Field(min_length=2, max_length=120)
    body: Literal["IMO CCC", "IMO E&T", "IMO MSC", "UN SCETDG"]
    session: str = Field("", max_length=40)
    target_amendment: str = Field("", max_length=40)
    cargo: str = Field("", max_length=60, description="registry code of the cargo concerned")
    proposed: ConditionsIn | None = None


class ProposalEventIn(Strict):
    event: Literal["submit", "consider", "adopt", "reject"]
    note: str = Field("", max_length=500)
    session: str = Field("", max_length=40, description="the session it goes to (submit)")
    on: date | None = Field(None, description="date of the step; default today")


class DocumentIn(Strict):
    symbol: str = Field(min_length=2, max_length=60, description="e.g. CCC 8/3/4")
    title: str = Field(min_length=2, max_length=300)
    kind: Literal["proposal", "comment", "report", "decision"]
    dated: date
    sha256: str = Field("", pattern=r"^$|^[0-9a-f]{64}$")


class AssessmentRequestIn(Strict):
    goods_zh: str = Field(min_length=1, max_length=120)
    goods_en: str = Field(min_length=1, max_length=200)
    description: str = Field("", max_length=4000)
    mode: Literal["bulk", "packaged"]
    loading_port: str = Field(min_length=2, max_length=60)
    discharge_port: str = Field(min_length=2, max_length=60)
    flag_state: str = Field(min_length=2, max_length=60)


class FindingsIn(HazardFields):
    """What the officer found; for bulk goods the IMSBC group follows from the two hazards."""

    may_liquefy: bool = False
    chemical_hazard: bool = False
    mhb: bool = False


class SignOffIn(Strict):
    role: Literal["loading", "flag", "discharge"]
    authority: str = Field(min_length=2, max_length=120)
    reference: str = Field(min_length=2, max_length=80)
    signed_on: date


class DecisionIn(Strict):
    note: str = Field("", max_length=500)
