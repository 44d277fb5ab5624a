"""The export-path scenario (input) and the assessment (output) of decision.py.

The scenario is strict: unknown keys are refused rather than ignored, because a misspelt flag
(say `importantdata`) would otherwise silently read as "no important data" and exempt the export.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Ftz = Literal["tianjin", "beijing", "shanghai-lingang"]
Purpose = Literal["contract_with_individual", "hr_management", "emergency", "other"]
Mechanism = Literal["exempt", "standard_contract_or_certification", "security_assessment"]
MECHANISMS: tuple[Mechanism, ...] = (
    "exempt",
    "standard_contract_or_certification",
    "security_assessment",
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Exporter(_Strict):
    ciio: bool
    ftz: Ftz | None


class DataFlags(_Strict):
    personal_info: bool
    important_data: bool
    collected_abroad: bool
    trade_transport_academic_manufacturing: bool
    # None means "not established": art. 6 then cannot apply.
    on_negative_list: bool | None


class Individuals(_Strict):
    personal_info: int = Field(ge=0)
    sensitive_personal_info: int = Field(ge=0)


class ScenarioIn(_Strict):
    exporter: Exporter
    purpose: Purpose
    data: DataFlags
    individuals_since_jan1: Individuals


@dataclass(frozen=True)
class TraceRow:
    """One fired decision-table row, in evaluation order."""

    table: str
    row_id: str
    description: str
    reason_zh: str
    reason_en: str
    citation: str
    article: str | None
    provision: str | None
    decisive: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "row_id": self.row_id,
            "description": self.description,
            "reason_zh": self.reason_zh,
            "reason_en": self.reason_en,
            "citation": self.citation,
            "article": self.article,
            "provision": self.provision,
            "decisive": self.decisive,
        }


@dataclass(frozen=True)
class Assessment:
    mechanism: Mechanism
    articles: list[str]
    trace: list[TraceRow]
    validity: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "mechanism": self.mechanism,
            "articles": list(self.articles),
            "trace": [row.to_dict() for row in self.trace],
            "validity": dict(self.validity),
        }
