"""p19 数字贸易纠纷调解 — digital trade dispute mediation (Nanjing)."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.trade_mediation import permissions
from ftz.practices.trade_mediation.cli import app as cli_app
from ftz.practices.trade_mediation.demo import load_demo
from ftz.practices.trade_mediation.endpoints import router
from ftz.practices.trade_mediation.pages import router as pages
from ftz.practices.trade_mediation.workflow import CaseFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p19",
    name="trade_mediation",
    title_zh="数字贸易纠纷调解",
    title_en="Digital trade dispute mediation",
    case=19,
    domain="evidence",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[CaseFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/trade-mediation", "Overview", "trade_mediation.stats"),
        NavLink("/trade-mediation/cases", "Cases", "trade_mediation.read"),
        NavLink("/trade-mediation/cases/new", "Apply for mediation", "trade_mediation.file"),
    ],
    demo=load_demo,
)
