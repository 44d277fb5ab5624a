"""p15 高校科技成果转化 — university tech transfer (Shaanxi, case 15): the separate register of
service inventions kept by the research office apart from state-asset management; transfers by
licence, assignment or equity decided by the unit alone (no approval, no filing) with the
due-diligence exemption record; inventors' rewards computed from the share rules; the pool of
surplus horizontal-research funds as double-entry transactions; technology-transfer talent
records feeding title evaluation on two paths; statistics beside the seed's figures."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.tech_transfer import permissions
from ftz.practices.tech_transfer.cli import app as cli_app
from ftz.practices.tech_transfer.demo import load_demo
from ftz.practices.tech_transfer.endpoints import router
from ftz.practices.tech_transfer.pages import router as pages
from ftz.practices.tech_transfer.workflow import AchievementFlow, EvaluationFlow, TransferFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p15",
    name="tech_transfer",
    title_zh="高校科技成果转化",
    title_en="University tech transfer",
    case=15,
    domain="services",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[AchievementFlow, TransferFlow, EvaluationFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/tech-transfer", "Tech transfer overview", "tech_transfer.read"),
        NavLink("/tech-transfer/achievements", "Achievement register", "tech_transfer.read"),
        NavLink("/tech-transfer/transfers", "Transfers", "tech_transfer.read"),
        NavLink("/tech-transfer/rewards", "Inventors' rewards", "tech_transfer.read"),
        NavLink("/tech-transfer/pool", "Surplus-fund pool", "tech_transfer.read"),
        NavLink("/tech-transfer/researchers", "Transfer talent", "tech_transfer.read"),
        NavLink("/tech-transfer/statistics", "Reform statistics", "tech_transfer.read"),
        NavLink("/tech-transfer/units", "Pilot units", "tech_transfer.oversee"),
    ],
    demo=load_demo,
)
