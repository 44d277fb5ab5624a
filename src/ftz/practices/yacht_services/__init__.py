"""p16 水上旅游（游艇）综合管理服务 — yacht services (Sanya, Hainan FTZ): the yacht registry, the
one-application transfer (deregistration, name approval, ownership and nationality as one case,
committed documents allowed, the yacht keeps sailing, 7 working days against 22), sailing
reports checked against the rental night-navigation zone (a route or track leaving it is flagged
with the segment and the time), dispatch and berth monitoring, the border check's passenger
pre-declaration and the statistics against the seed."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.yacht_services import permissions
from ftz.practices.yacht_services.cli import app as cli_app
from ftz.practices.yacht_services.demo import load_demo
from ftz.practices.yacht_services.endpoints import router
from ftz.practices.yacht_services.pages import router as pages
from ftz.practices.yacht_services.workflow import SailingFlow, TransferFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p16",
    name="yacht_services",
    title_zh="游艇综合管理服务",
    title_en="Yacht services",
    case=16,
    domain="maritime",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[TransferFlow, SailingFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/yacht-services", "Yacht dispatch", "yacht_services.read"),
        NavLink("/yacht-services/sailings", "Sailing reports", "yacht_services.read"),
        NavLink("/yacht-services/transfers", "Yacht transfers", "yacht_services.read"),
        NavLink("/yacht-services/yachts", "Yacht registry", "yacht_services.read"),
        NavLink("/yacht-services/zones", "Night-navigation zones", "yacht_services.read"),
        NavLink("/yacht-services/statistics", "Yacht statistics", "yacht_services.read"),
    ],
    demo=load_demo,
)
