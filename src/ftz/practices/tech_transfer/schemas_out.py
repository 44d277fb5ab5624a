"""p15 response shapes. Stored fen are shown as yuan (`Yuan` reads the `*_fen` attribute)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from ftz.practices.tech_transfer.common import yuan


def _from_fen(value: Any) -> Any:
    return yuan(value) if isinstance(value, int) else value


Yuan = Annotated[Decimal, BeforeValidator(_from_fen)]


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True, populate_by_name=True)


class InventorOut(Out):
    researcher_id: str
    name: str
    college: str
    share_pct: Decimal
    position: int


class AchievementOut(Out):
    id: str
    org_id: str
    number: str
    title: str
    kind: str
    ip_number: str
    patent_type: str
    college: str
    field: str
    completed_on: date
    description: str
    status: str
    disclosed_by: str
    registered_on: date | None
    basis: list[dict[str, Any]]
    inventors: list[InventorOut] = []
    created_at: datetime


class TransferOut(Out):
    id: str
    org_id: str
    achievement_id: str
    number: str
    mode: str
    licence_scope: str
    counterparty: str
    counterparty_uscc: str
    pricing: str
    price: Yuan = Field(validation_alias="price_fen")
    equity_pct: Decimal
    term_years: int
    status: str
    authority: list[dict[str, Any]]
    publicity_from: date | None
    publicity_to: date | None
    publicity_objections: int
    meeting: str
    meeting_no: str
    meeting_date: date | None
    decision: str
    decision_makers: list[str]
    conflict_declared: bool
    contract_no: str
    signed_on: date | None
    note: str
    ledger_sha256: str
    created_at: datetime


class ExemptionOut(Out):
    id: str
    transfer_id: str
    covered: bool
    facts: dict[str, Any]
    conditions: list[dict[str, Any]]
    covered_persons: list[str]
    ledger_sha256: str
    updated_at: datetime


class IncomeOut(Out):
    id: str
    transfer_id: str
    received_on: date
    kind: str
    gross: Yuan = Field(validation_alias="gross_fen")
    costs: list[dict[str, Any]]
    costs_total: Yuan = Field(validation_alias="costs_fen")
    net: Yuan = Field(validation_alias="net_fen")
    reward_rate: Decimal
    reward: Yuan = Field(validation_alias="reward_fen")
    why: list[dict[str, Any]]
    steps: list[dict[str, Any]]
    note: str
    ledger_sha256: str


class RewardLineOut(Out):
    id: str
    transfer_id: str
    income_id: str | None
    researcher_id: str
    share_pct: Decimal
    amount: Yuan = Field(validation_alias="amount_fen")
    equity_pct: Decimal
    rule_row: str
    created_at: datetime


class ProjectOut(Out):
    id: str
    code: str
    title: str
    sponsor: str
    lead_id: str | None
    contract: Yuan = Field(validation_alias="contract_fen")
    spent: Yuan = Field(validation_alias="spent_fen")
    status: str
    closed_on: date | None
    accepted: bool
    surplus: Yuan = Field(validation_alias="surplus_fen")
    contributed: Yuan = Field(validation_alias="contributed_fen")


class PoolTxnOut(Out):
    id: str
    kind: str
    amount: Yuan = Field(validation_alias="amount_fen")
    project_id: str | None
    transfer_id: str | None
    booked_on: date
    memo: str
    balance_after: Yuan = Field(validation_alias="balance_after_fen")
    why: list[dict[str, Any]]
    ledger_sha256: str


class ResearcherOut(Out):
    id: str
    org_id: str
    staff_no: str
    name: str
    college: str
    series: str
    title_level: str
    title_since: date
    manager_certified: bool
    user_id: str | None


class TalentRecordOut(Out):
    id: str
    researcher_id: str
    kind: str
    title: str
    done_on: date
    value: Yuan = Field(validation_alias="value_fen")
    transfer_id: str | None
    evidence: str


class EvaluationOut(Out):
    id: str
    researcher_id: str
    path: str
    level: str
    year: int
    metrics: dict[str, Any]
    criteria: list[dict[str, Any]]
    eligible: bool
    status: str
    decided_on: date | None
    note: str
    ledger_sha256: str


class PilotUnitOut(Out):
    id: str
    org_id: str
    kind: str
    prefix: str
    joined_on: date
    batch: str
    reward_policy: str
