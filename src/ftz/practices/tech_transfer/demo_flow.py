"""Today's work at 秦岭理工大学（演示）, through the services as its office and researchers would
do it (dates relative to today): a licence published, decided, signed and paid, with the
inventors' reward; an assignment in publicity; an equity investment with cash from the pool of
surplus horizontal-research funds, and a dividend back; a know-how disclosure waiting for the
office; talent records and three title evaluations (one promoted, one waiting, one short)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session
from stdnum.cn import uscc

from ftz.core.auth.principal import Principal
from ftz.practices.tech_transfer import demo_funds, registry, rewards, talent, transfers
from ftz.practices.tech_transfer.demo_funds import researcher_id
from ftz.practices.tech_transfer.models import Transfer
from ftz.practices.tech_transfer.patents import make_patent_number
from ftz.practices.tech_transfer.schemas import (
    AchievementIn,
    ContractIn,
    CostIn,
    DecisionIn,
    IncomeIn,
    InventorIn,
    PublicityIn,
    TransferIn,
)
from ftz.practices.tech_transfer.schemas_more import (
    ResearcherIn,
)

# What this flow adds to the Qinling unit, so the bulk history makes up the scaled totals.
LIVE = {"tt-qinling": {"registered": 4, "transferred": 2, "promotions": 1}}
MAKERS = ["李卫东（校长，演示）", "王振华（成果转化中心）", "高敏（总会计师，演示）"]
WAYS = {"licence": "许可", "assignment": "转让", "equity": "作价入股"}
Who = Callable[[Session, str], Principal]


def company_uscc(seed: int) -> str:
    body = f"91610131MA6{seed:06d}"
    return body + uscc.calc_check_digit(body)


def _achievement(session: Session, office: Principal, t: date, n: int, **fields: Any) -> str:
    data = AchievementIn(completed_on=t - timedelta(days=300 + 40 * n), **fields)
    return registry.disclose(session, principal=office, data=data, register=True).id


def _decided(
    session: Session, office: Principal, t: date, data: TransferIn, start: int, meeting_no: str
) -> Transfer:
    made = transfers.propose(session, principal=office, data=data)
    publicity = PublicityIn(
        publicity_from=t - timedelta(days=start), publicity_to=t - timedelta(days=start - 15)
    )
    transfers.publish(session, principal=office, transfer_id=made.id, data=publicity)
    decision = DecisionIn(
        meeting="校长办公会",
        meeting_no=meeting_no,
        meeting_date=t - timedelta(days=start - 20),
        decision=f"同意以{WAYS[data.mode]}方式转化，价格按公示价格执行",
        decision_makers=MAKERS,
        conflict_declared=True,
    )
    return transfers.decide(session, principal=office, transfer_id=made.id, data=decision)


def run(session: Session, who: Who, *, today: date) -> dict[str, Any]:
    t = today
    office = who(session, "tt.office")
    huang = talent.add_researcher(
        session,
        principal=office,
        data=ResearcherIn(
            staff_no="QL-T003",
            name="黄立新",
            college="材料科学与工程学院",
            series="teaching_research",
            title_level="full",
            title_since=date(2015, 12, 1),
        ),
    )
    chen, zhao = researcher_id(session, "QL-T001"), researcher_id(session, "QL-T002")
    licensed = _achievement(
        session,
        office,
        t,
        1,
        title="高温合金叶片激光增材修复技术",
        kind="patent",
        ip_number=make_patent_number(2024, "1", 512_377),
        college="材料科学与工程学院",
        field="先进制造",
        inventors=[
            InventorIn(researcher_id=chen, share_pct=Decimal(60)),
            InventorIn(researcher_id=zhao, share_pct=Decimal(40)),
        ],
    )
    software = _achievement(
        session,
        office,
        t,
        2,
        title="工业视觉缺陷检测软件V2.0",
        kind="software",
        ip_number="2025SR0123456",
        college="机械工程学院",
        field="人工智能",
        inventors=[InventorIn(researcher_id=zhao, share_pct=Decimal(100))],
    )
    battery = _achievement(
        session,
        office,
        t,
        3,
        title="固态电池复合电解质及其制备方法",
        kind="patent",
        ip_number=make_patent_number(2023, "1", 318_904),
        college="材料科学与工程学院",
        field="新能源",
        inventors=[
            InventorIn(researcher_id=chen, share_pct=Decimal(50)),
            InventorIn(researcher_id=huang.id, share_pct=Decimal(30)),
            InventorIn(researcher_id=zhao, share_pct=Decimal(20)),
        ],
    )
    _achievement(
        session,
        office,
        t,
        4,
        title="基于北斗的滑坡位移监测装置",
        kind="patent",
        ip_number=make_patent_number(2025, "2", 90_418),
        college="地质工程学院",
        field="地质灾害防治",
        inventors=[InventorIn(researcher_id=huang.id, share_pct=Decimal(100))],
    )
    licence = _decided(
        session,
        office,
        t,
        TransferIn(
            achievement_id=licensed,
            mode="licence",
            licence_scope="non_exclusive",
            counterparty="陕西秦航动力科技有限公司（演示）",
            counterparty_uscc=company_uscc(1501),
            pricing="agreement",
            price=Decimal(800_000),
            term_years=5,
        ),
        45,
        "2026年第18次",
    )
    transfers.sign(
        session,
        principal=office,
        transfer_id=licence.id,
        data=ContractIn(contract_no="QL-JS-2026-031", signed_on=t - timedelta(days=20)),
    )
    income = rewards.record_income(
        session,
        principal=office,
        transfer_id=licence.id,
        data=IncomeIn(
            received_on=t - timedelta(days=10),
            kind="licence_fee",
            gross=Decimal(800_000),
            costs=[
                CostIn(kind="evaluation", amount=Decimal(20_000)),
                CostIn(kind="agency", amount=Decimal(30_000)),
                CostIn(kind="taxes", amount=Decimal(48_000)),
            ],
            note="首期许可费",
        ),
    )
    assignment = transfers.propose(
        session,
        principal=office,
        data=TransferIn(
            achievement_id=software,
            mode="assignment",
            counterparty="西安智瞳视觉科技有限公司（演示）",
            counterparty_uscc=company_uscc(1502),
            pricing="agreement",
            price=Decimal(300_000),
        ),
    )
    transfers.publish(
        session,
        principal=office,
        transfer_id=assignment.id,
        data=PublicityIn(publicity_from=t - timedelta(days=5), publicity_to=t + timedelta(days=10)),
    )
    equity = _decided(
        session,
        office,
        t,
        TransferIn(
            achievement_id=battery,
            mode="equity",
            counterparty="秦岭固态能源科技有限公司（演示）",
            counterparty_uscc=company_uscc(1503),
            pricing="agreement",
            price=Decimal(5_000_000),
            equity_pct=Decimal(20),
        ),
        75,
        "2026年第11次",
    )
    transfers.sign(
        session,
        principal=office,
        transfer_id=equity.id,
        data=ContractIn(contract_no="QL-RG-2026-004", signed_on=t - timedelta(days=50)),
    )
    pooled = demo_funds.pool_work(session, office, t, equity.id)
    inventor = who(session, "tt.inventor")
    registry.disclose(
        session,
        principal=inventor,
        data=AchievementIn(
            title="低温共烧陶瓷浆料配方及工艺",
            kind="know_how",
            college="材料科学与工程学院",
            field="电子材料",
            completed_on=t - timedelta(days=30),
            description="配方与烧结曲线以技术秘密方式保护，申请单列登记",
            inventors=[InventorIn(researcher_id=chen, share_pct=Decimal(100))],
        ),
    )
    evaluations = demo_funds.talent_work(
        session, who(session, "tt.office"), t, [licence.id, equity.id]
    )
    return {"live_income_reward": str(income.reward_fen / 100), **pooled, **evaluations}
