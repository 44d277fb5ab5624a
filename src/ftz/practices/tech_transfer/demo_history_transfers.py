"""The imported transfers of one unit: each with the unit's decision, publicity for agreement
prices, the due-diligence exemption record, and its income or equity grant with the reward
lines computed by the same rules as the services."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from ftz.core.kit.ids import new_id
from ftz.practices.tech_transfer import rewards, talent, transfers
from ftz.practices.tech_transfer.common import rules, split_by_shares
from ftz.practices.tech_transfer.demo_flow import company_uscc
from ftz.practices.tech_transfer.models import (
    Evaluation,
    Exemption,
    Income,
    Researcher,
    RewardLine,
    Transfer,
)

CUTOFF = date(2025, 3, 31)

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许傅沈曾彭吕苏卢蒋"

GIVEN = (
    "伟",
    "芳",
    "敏",
    "静",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "杰",
    "涛",
    "明",
    "超",
    "建华",
    "志强",
    "晓东",
    "海燕",
    "文博",
    "子涵",
    "思远",
    "雨辰",
    "立新",
    "嘉怡",
    "浩然",
)

SUBJECTS = (
    "钛合金",
    "复合材料",
    "锂电池",
    "传感器",
    "控制系统",
    "检测装置",
    "催化剂",
    "涂层",
    "算法",
    "生物制剂",
    "医用植入物",
    "诊断试剂",
    "节能装置",
    "无人机",
    "光伏组件",
)

MEETINGS = {"university": "校长办公会", "medical": "院长办公会", "enterprise": "总经理办公会"}

PAST_METRICS = {
    "transfers": 5,
    "contract_wan": 1200.0,
    "concept_projects": 3,
    "industry_projects": 1,
    "service_contracts": 12,
    "service_wan": 1500.0,
    "years_in_title": 6,
    "manager_certified": True,
}

NEXT = {"junior": "intermediate", "intermediate": "associate", "associate": "full"}


def day_between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


def unit_transfers(
    session: Session,
    code: str,
    org_id: str,
    prefix: str,
    policy: str,
    moved: list[dict[str, Any]],
    shares_of: dict[str, list[tuple[str, Decimal]]],
    rng: random.Random,
) -> None:
    kind = (
        "university"
        if code in ("tt-qinling", "tt-weishui")
        else ("medical" if code == "tt-qinchuan" else "enterprise")
    )
    rows, exemptions, incomes, lines = [], [], [], []
    for n, a in enumerate(moved):
        mode = rng.choices(("licence", "assignment", "equity"), (55, 30, 15))[0]
        pricing = rng.choices(("agreement", "listing", "auction"), (75, 20, 5))[0]
        meeting = day_between(
            rng, a["registered_on"] + timedelta(days=5), CUTOFF - timedelta(days=20)
        )
        signed = min(CUTOFF, meeting + timedelta(days=rng.randint(3, 20)))
        price = {
            "licence": rng.randint(5, 200),
            "assignment": rng.randint(10, 300),
            "equity": rng.randint(100, 2000),
        }[mode] * 10_000
        authority, result = transfers.authority(mode, pricing)
        makers = [rng.choice(SURNAMES) + rng.choice(GIVEN) for _ in range(3)]
        row = {
            "id": new_id(),
            "org_id": org_id,
            "achievement_id": a["id"],
            "mode": mode,
            "licence_scope": rng.choice(("non_exclusive", "non_exclusive", "exclusive", "sole"))
            if mode == "licence"
            else "",
            "counterparty": f"陕西{rng.choice(SUBJECTS)}科技有限公司（演示{n % 97}）",
            "counterparty_uscc": company_uscc(20_000 + n),
            "pricing": pricing,
            "price_fen": price * 100,
            "term_years": rng.randint(3, 10) if mode == "licence" else 0,
            "equity_pct": Decimal(rng.randint(5, 35)) if mode == "equity" else Decimal(0),
            "status": "contracted",
            "authority": authority,
            "publicity_from": meeting - timedelta(days=25) if pricing == "agreement" else None,
            "publicity_to": meeting - timedelta(days=10) if pricing == "agreement" else None,
            "publicity_objections": 0,
            "meeting": MEETINGS[kind],
            "meeting_no": f"{meeting.year}年第{rng.randint(1, 30)}次",
            "meeting_date": meeting,
            "decision": "同意按公示或交易结果价格转化",
            "decision_makers": makers,
            "conflict_declared": True,
            "contract_no": f"{prefix}-HT-{n + 1:05d}",
            "signed_on": signed,
            "note": "",
            "ledger_sha256": "",
        }
        rows.append(row)
        exemptions.append(_exemption(row, result, makers))
        made = _income(row, policy, shares_of[a["id"]], rng)
        incomes.append(made[0])
        lines += made[1]
    rows.sort(key=lambda r: r["signed_on"])
    seq: dict[int, int] = {}
    for r in rows:
        year = r["signed_on"].year
        seq[year] = seq.get(year, 0) + 1
        r["number"] = f"{prefix}T{year}-{seq[year]:04d}"
    session.execute(insert(Transfer), rows)
    session.execute(insert(Exemption), exemptions)
    session.execute(insert(Income), incomes)
    session.execute(insert(RewardLine), lines)


def _exemption(row: dict[str, Any], result: dict[str, Any], makers: list[str]) -> dict[str, Any]:
    days = 16 if row["pricing"] == "agreement" else 0
    facts = {
        "authority_internal": True,
        "decision_recorded": True,
        "publicity_required": bool(result["publicity_required"]),
        "publicity_days": days,
        "min_days": int(result["min_days"]),
        "objections": 0,
        "conflict_declared": True,
    }
    decision = rules().evaluate("exemption.json", facts)
    conditions = [{"row_id": r.row_id, **r.outputs, "citation": r.citation} for r in decision.fired]
    return {
        "id": new_id(),
        "org_id": row["org_id"],
        "transfer_id": row["id"],
        "covered": True,
        "facts": facts,
        "conditions": conditions,
        "covered_persons": makers,
        "ledger_sha256": "",
    }


def _income(
    row: dict[str, Any], policy: str, shares: list[tuple[str, Decimal]], rng: random.Random
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    equity = row["mode"] == "equity"
    kind = {"licence": "licence_fee", "assignment": "assignment_price", "equity": "equity_grant"}
    gross = (
        row["price_fen"]
        if row["mode"] != "licence"
        else row["price_fen"] * rng.randint(4, 10) // 10
    )
    costs = [] if equity else [("evaluation", gross // 50), ("taxes", gross * 6 // 100)]
    reward = rewards.compute(
        policy=policy,
        mode=row["mode"],
        income_kind=kind[row["mode"]],
        gross_fen=gross,
        costs=costs,
        shares=[s for _, s in shares],
    )
    income_id = new_id()
    granted = (row["equity_pct"] * reward.rate).quantize(rewards.EQUITY_PLACES)
    micro = split_by_shares(int(granted / rewards.EQUITY_PLACES), [s for _, s in shares])
    received = min(CUTOFF, row["signed_on"] + timedelta(days=0 if equity else rng.randint(5, 40)))
    income = {
        "id": income_id,
        "org_id": row["org_id"],
        "transfer_id": row["id"],
        "received_on": received,
        "kind": kind[row["mode"]],
        "gross_fen": gross,
        "costs": [{"kind": k, "amount_fen": v} for k, v in costs],
        "costs_fen": reward.costs_fen,
        "net_fen": reward.net_fen,
        "reward_rate": reward.rate,
        "reward_fen": reward.reward_fen,
        "why": reward.why,
        "steps": reward.steps,
        "note": "",
        "ledger_sha256": "",
    }
    lines = [
        {
            "id": new_id(),
            "org_id": row["org_id"],
            "transfer_id": row["id"],
            "income_id": income_id,
            "researcher_id": r,
            "share_pct": s,
            "amount_fen": part,
            "equity_pct": Decimal(m) * rewards.EQUITY_PLACES if equity else Decimal(0),
            "rule_row": reward.why[0]["row_id"],
        }
        for (r, s), part, m in zip(shares, reward.lines, micro, strict=True)
    ]
    return income, lines


def promotions(
    session: Session, org_id: str, people: list[dict[str, Any]], count: int, rng: random.Random
) -> None:
    rows = []
    for person in rng.sample([p for p in people if p["title_level"] in NEXT], count):
        level = NEXT[person["title_level"]]
        decided = day_between(rng, date(2023, 6, 1), date(2025, 3, 15))
        criteria = talent.assess(person["series"], level, PAST_METRICS)
        rows.append(
            {
                "id": new_id(),
                "org_id": org_id,
                "researcher_id": person["id"],
                "path": person["series"],
                "level": level,
                "year": decided.year,
                "metrics": PAST_METRICS,
                "criteria": criteria,
                "eligible": True,
                "status": "promoted",
                "decided_on": decided,
                "note": "导入：职称评审委员会表决通过",
                "ledger_sha256": "",
            }
        )
        session.execute(
            update(Researcher)
            .where(Researcher.id == person["id"])
            .values(title_level=level, title_since=decided)
        )
    if rows:
        session.execute(insert(Evaluation), rows)
