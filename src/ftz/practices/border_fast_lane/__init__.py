"""p21 边境口岸出入境车辆边检快捷通关 — border vehicle fast lane (Youyiguan, Pingxiang, Guangxi):
pre-registration, one declaration for two authorities, lane verdicts by rule, the officer's
exception console and lane statistics."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.border_fast_lane import permissions
from ftz.practices.border_fast_lane.cli import app as cli_app
from ftz.practices.border_fast_lane.demo import load_demo
from ftz.practices.border_fast_lane.endpoints import router
from ftz.practices.border_fast_lane.pages import router as pages
from ftz.practices.border_fast_lane.workflow import LaneFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p21",
    name="border_fast_lane",
    title_zh="边境口岸出入境车辆边检快捷通关",
    title_en="Border vehicle fast lane",
    case=21,
    domain="clearance",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[LaneFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/border-fast-lane", "Lane statistics", "border_fast_lane.read"),
        NavLink("/border-fast-lane/console", "Exception console", "border_fast_lane.resolve"),
        NavLink("/border-fast-lane/transactions", "Lane transactions", "border_fast_lane.read"),
        NavLink("/border-fast-lane/vehicles", "Vehicles", "border_fast_lane.read"),
        NavLink("/border-fast-lane/drivers", "Drivers", "border_fast_lane.read"),
        NavLink("/border-fast-lane/declarations", "Declarations", "border_fast_lane.read"),
    ],
    demo=load_demo,
)
