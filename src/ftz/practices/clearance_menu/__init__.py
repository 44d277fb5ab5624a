"""p10 通关模式智选菜单 — the clearance-mode menu (Henan pilot FTZ, Zhengzhou Customs): 10 import
and 8 export "clearance + logistics" combinations, the recommendation from each mode's
preconditions, enterprises' recorded choices and the customs officers' statistics."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.clearance_menu import permissions
from ftz.practices.clearance_menu.cli import app as cli_app
from ftz.practices.clearance_menu.demo import load_demo
from ftz.practices.clearance_menu.endpoints import router
from ftz.practices.clearance_menu.pages import router as pages

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p10",
    name="clearance_menu",
    title_zh="通关模式智选菜单",
    title_en="Clearance-mode menu",
    case=10,
    domain="clearance",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/clearance-menu", "Clearance-mode menu", "clearance_menu.browse"),
        NavLink("/clearance-menu/wizard", "Find my best combination", "clearance_menu.browse"),
        NavLink("/clearance-menu/combinations", "All combinations", "clearance_menu.browse"),
        NavLink("/clearance-menu/requests", "Recorded requests", "clearance_menu.read"),
        NavLink("/clearance-menu/statistics", "Enterprises' choices", "clearance_menu.stats"),
    ],
    demo=load_demo,
)
