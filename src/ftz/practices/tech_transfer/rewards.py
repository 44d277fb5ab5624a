"""Income and the inventors' reward. The share is data (rules/reward_share.json: the unit's own
rule where it has one, else the statutory ≥ 50 % of art. 45), applied to the net income (gross
less the deductible costs of data/settings.yaml) or, for an equity investment, to the shares it
formed; every reward is split among the inventors by their registered shares and explained step
by step with the rule row and its source. `compute` is pure so the demo and the CLI use it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import conflict, validation_error
from ftz.practices.tech_transfer import repository
from ftz.practices.tech_transfer.common import (
    anchor,
    fen,
    fired,
    rules,
    settings,
    split_by_shares,
    today,
    viewer_for,
)
from ftz.practices.tech_transfer.models import Income, Inventor, RewardLine, Transfer
from ftz.practices.tech_transfer.schemas import IncomeIn

EQUITY_PLACES = Decimal("0.000001")


@dataclass
class Reward:
    base: str
    rate: Decimal
    net_fen: int
    costs_fen: int
    reward_fen: int
    lines: list[int]
    why: list[dict[str, Any]]
    steps: list[dict[str, Any]] = field(default_factory=list)


def rule(policy: str, mode: str, income_kind: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    decision = rules().evaluate(
        "reward_share.json", {"policy": policy, "mode": mode, "income_kind": income_kind}
    )
    return dict(decision.result), fired(decision)


def compute(
    *,
    policy: str,
    mode: str,
    income_kind: str,
    gross_fen: int,
    costs: list[tuple[str, int]],
    shares: list[Decimal],
) -> Reward:
    """Net income, the reward at the rule's rate, and each inventor's part (in fen)."""
    result, why = rule(policy, mode, income_kind)
    if result["base"] == "not_applicable":
        raise validation_error("kind", f"{result['reason_zh']} / {result['reason_en']}")
    known = settings()["cost_kinds"]
    for n, (kind, _) in enumerate(costs):
        if kind not in known:
            raise validation_error(f"costs.{n}.kind", f"one of {', '.join(known)}")
    costs_fen = sum(amount for _, amount in costs)
    if costs_fen > gross_fen:
        raise validation_error("costs", "deductible costs exceed the gross income")
    net = gross_fen - costs_fen
    rate = Decimal(str(result["rate"])).quantize(Decimal("0.0001"))
    if rate < Decimal(str(result["statutory_min"])):  # a unit rule below the law: refuse it
        raise conflict(f"rule {why[0]['row_id']} pays {rate}, below the statutory minimum")
    amount = int((Decimal(net) * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    lines = split_by_shares(amount, shares) if shares else []
    steps = [
        {"step": "gross", "fen": gross_fen},
        *({"step": "cost", "kind": kind, "fen": -amount_} for kind, amount_ in costs),
        {"step": "net", "fen": net, "source": settings()["cost_source"]},
        {
            "step": "rate",
            "rate": str(rate),
            "row_id": why[0]["row_id"],
            "source": why[0]["citation"],
        },
        {"step": "reward", "fen": amount},
    ]
    return Reward(result["base"], rate, net, costs_fen, amount, lines, why, steps)


def _shares(session: Session, achievement_id: str) -> list[Inventor]:
    query = select(Inventor).where(Inventor.achievement_id == achievement_id)
    return list(session.scalars(query.order_by(Inventor.position)))


def _policy(session: Session, org_id: str) -> str:
    unit = repository.unit_of(session, org_id)
    return unit.reward_policy if unit else "statutory"


def record_income(
    session: Session, *, principal: Principal, transfer_id: str, data: IncomeIn
) -> Income:
    viewer = viewer_for(session, principal)
    transfer = repository.get_for_office(
        session, viewer, Transfer, transfer_id, "transfer", lock=True
    )
    if transfer.status != "contracted":
        raise conflict(
            f"income is recorded under a signed contract (the transfer is {transfer.status})"
        )
    if transfer.signed_on and data.received_on < transfer.signed_on:
        raise validation_error("received_on", "income is received after the contract is signed")
    if data.received_on > today():
        raise validation_error("received_on", "income cannot be received in the future")
    inventors = _shares(session, transfer.achievement_id)
    costs = [(c.kind, fen(c.amount)) for c in data.costs]
    reward = compute(
        policy=_policy(session, transfer.org_id),
        mode=transfer.mode,
        income_kind=data.kind,
        gross_fen=fen(data.gross),
        costs=costs,
        shares=[i.share_pct for i in inventors],
    )
    income = Income(
        org_id=transfer.org_id,
        transfer_id=transfer.id,
        received_on=data.received_on,
        kind=data.kind,
        gross_fen=fen(data.gross),
        costs=[{"kind": k, "amount_fen": a} for k, a in costs],
        costs_fen=reward.costs_fen,
        net_fen=reward.net_fen,
        reward_rate=reward.rate,
        reward_fen=reward.reward_fen,
        why=reward.why,
        steps=reward.steps,
        note=data.note,
    )
    session.add(income)
    session.flush()
    for inventor, part in zip(inventors, reward.lines, strict=True):
        session.add(
            RewardLine(
                org_id=transfer.org_id,
                transfer_id=transfer.id,
                income_id=income.id,
                researcher_id=inventor.researcher_id,
                share_pct=inventor.share_pct,
                amount_fen=part,
                equity_pct=Decimal(0),
                rule_row=reward.why[0]["row_id"],
            )
        )
    income.ledger_sha256 = anchor(
        session,
        {
            "type": "tech-transfer.income",
            "income": income.id,
            "transfer": transfer.number,
            "gross_fen": income.gross_fen,
            "net_fen": income.net_fen,
            "rate": str(reward.rate),
            "reward_fen": income.reward_fen,
            "lines": reward.lines,
            "row": reward.why[0]["row_id"],
        },
        f"tech_transfer_income:{income.id}",
    )
    session.flush()
    return income


def grant_equity(session: Session, transfer: Transfer) -> Income:
    """At signing an equity investment: the inventors' part of the shares it formed, recorded
    as a non-cash grant valued at the technology's price, split by the registered shares."""
    inventors = _shares(session, transfer.achievement_id)
    reward = compute(
        policy=_policy(session, transfer.org_id),
        mode="equity",
        income_kind="equity_grant",
        gross_fen=transfer.price_fen,
        costs=[],
        shares=[i.share_pct for i in inventors],
    )
    granted = (transfer.equity_pct * reward.rate).quantize(EQUITY_PLACES)
    micro = split_by_shares(int(granted / EQUITY_PLACES), [i.share_pct for i in inventors])
    reward.steps.append(
        {"step": "equity", "equity_pct": str(transfer.equity_pct), "granted_pct": str(granted)}
    )
    income = Income(
        org_id=transfer.org_id,
        transfer_id=transfer.id,
        received_on=transfer.signed_on or today(),
        kind="equity_grant",
        gross_fen=transfer.price_fen,
        costs=[],
        costs_fen=0,
        net_fen=reward.net_fen,
        reward_rate=reward.rate,
        reward_fen=reward.reward_fen,
        why=reward.why,
        steps=reward.steps,
        note="",
    )
    session.add(income)
    session.flush()
    for inventor, value, part in zip(inventors, reward.lines, micro, strict=True):
        session.add(
            RewardLine(
                org_id=transfer.org_id,
                transfer_id=transfer.id,
                income_id=income.id,
                researcher_id=inventor.researcher_id,
                share_pct=inventor.share_pct,
                amount_fen=value,
                equity_pct=Decimal(part) * EQUITY_PLACES,
                rule_row=reward.why[0]["row_id"],
            )
        )
    session.flush()
    return income


def lines_of(session: Session, income_ids: list[str]) -> dict[str, list[RewardLine]]:
    if not income_ids:
        return {}
    query = select(RewardLine).where(RewardLine.income_id.in_(income_ids))
    grouped: dict[str, list[RewardLine]] = {}
    for line in session.scalars(query.order_by(RewardLine.created_at, RewardLine.id)):
        grouped.setdefault(str(line.income_id), []).append(line)
    return grouped
