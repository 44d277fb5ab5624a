"""p23 梯度承接产业转移 — gradient industry transfer (Yunnan FTZ, Kunming area): eastern sponsor
parks and western receiving parks, their cooperation agreements, enclave and reverse-enclave
arrangements with sharing terms, the transferred projects from intention to operation with
their quarterly indicators, and the statistics rule: main indicators counted in full for both
regions, investment in full for the cooperating region, each project once in a roll-up."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.industry_transfer import permissions
from ftz.practices.industry_transfer.cli import app as cli_app
from ftz.practices.industry_transfer.demo import load_demo
from ftz.practices.industry_transfer.endpoints import router
from ftz.practices.industry_transfer.pages import router as pages
from ftz.practices.industry_transfer.workflow import ProjectFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p23",
    name="industry_transfer",
    title_zh="梯度承接产业转移",
    title_en="Gradient industry transfer",
    case=23,
    domain="services",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[ProjectFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/industry-transfer", "Industry transfer dashboard", "industry_transfer.read"),
        NavLink("/industry-transfer/projects", "Transferred projects", "industry_transfer.read"),
        NavLink(
            "/industry-transfer/agreements", "Cooperation agreements", "industry_transfer.read"
        ),
        NavLink("/industry-transfer/parks", "Parks", "industry_transfer.read"),
        NavLink("/industry-transfer/statistics/region", "Region report", "industry_transfer.read"),
        NavLink("/industry-transfer/statistics/rollup", "Roll-up", "industry_transfer.read"),
        NavLink("/industry-transfer/rules", "Statistics rules", "industry_transfer.read"),
    ],
    demo=load_demo,
)
