"""p15 request bodies for the fund pool, the talent records and evaluations, researchers, the
office's members and the pilot units."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import Field, model_validator

from ftz.practices.tech_transfer.schemas import (
    Level,
    Money,
    RecordKind,
    Series,
    Strict,
    TargetLevel,
    UnitKind,
)


class ProjectIn(Strict):
    code: str = Field(min_length=2, max_length=40, pattern=r"^[A-Za-z0-9-]+$")
    title: str = Field(min_length=2, max_length=200)
    sponsor: str = Field(min_length=2, max_length=200)
    lead_id: str | None = Field(None, max_length=26)
    contract: Decimal = Money


class ProjectCloseIn(Strict):
    spent: Decimal = Field(ge=0, max_digits=14, decimal_places=2)
    closed_on: date
    accepted: bool


class ContributionIn(Strict):
    project_id: str = Field(min_length=1, max_length=26)
    amount: Decimal = Money
    booked_on: date | None = None
    memo: str = Field("", max_length=500)


class MovementIn(Strict):
    """An investment out of the pool into an equity transfer, or a return from it."""

    transfer_id: str = Field(min_length=1, max_length=26)
    amount: Decimal = Money
    booked_on: date | None = None
    memo: str = Field("", max_length=500)


class ResearcherIn(Strict):
    staff_no: str = Field(min_length=2, max_length=32, pattern=r"^[A-Za-z0-9-]+$")
    name: str = Field(min_length=1, max_length=100)
    college: str = Field(min_length=1, max_length=100)
    series: Series
    title_level: Level
    title_since: date
    manager_certified: bool = False
    username: str | None = Field(None, max_length=64, description="link a user account")


class ResearcherUpdate(Strict):
    college: str | None = Field(None, min_length=1, max_length=100)
    series: Series | None = None
    title_level: Level | None = None
    title_since: date | None = None
    manager_certified: bool | None = None


class TalentRecordIn(Strict):
    kind: RecordKind
    title: str = Field(min_length=2, max_length=200)
    done_on: date
    value: Decimal = Field(Decimal(0), ge=0, max_digits=14, decimal_places=2)
    transfer_id: str | None = Field(None, max_length=26)
    evidence: str = Field("", max_length=500)

    @model_validator(mode="after")
    def _service(self) -> TalentRecordIn:
        if self.kind == "transfer_service" and not self.transfer_id:
            raise ValueError("a transfer-service record names the transfer it served")
        return self


class EvaluationIn(Strict):
    path: Series
    level: TargetLevel
    year: int | None = Field(None, ge=2000, le=2100)


class EvaluationResultIn(Strict):
    result: Literal["promote", "decline"]
    decided_on: date
    note: str = Field("", max_length=2000)


class PilotUnitIn(Strict):
    org_code: str = Field(min_length=2, max_length=64)
    kind: UnitKind
    prefix: str = Field(min_length=2, max_length=6, pattern=r"^[A-Z]+$")
    joined_on: date
    batch: str = Field("", max_length=60)
    reward_policy: str = Field("statutory", max_length=40)


class MemberIn(Strict):
    username: str = Field(min_length=3, max_length=64)
    position: str = Field("", max_length=100)
