"""p07 选船助手与粮食海上运输绿色通道 — ship selection assistant and grain green channel (Liaoning
FTZ, Dalian and Yingkou areas): the advisory rating of a ship on the seed's ten fixed dimensions
(requested by the carrier, delivered to the shipper as advice, anchored in the ledger) beside
the Paris/Tokyo MoU risk profiles; the online pre-review of grain papers with the automatic
International Grain Code stability check and the remote trimming photo check; and the
"four reductions, five zeros" channel of reserved berths, arrival plans and escorts."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.ship_selection import permissions
from ftz.practices.ship_selection.cli import app as cli_app
from ftz.practices.ship_selection.demo import load_demo
from ftz.practices.ship_selection.endpoints import router
from ftz.practices.ship_selection.pages import router as pages
from ftz.practices.ship_selection.workflow import ArrivalFlow, EscortFlow, GrainCallFlow, RatingFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p07",
    name="ship_selection",
    title_zh="选船助手与粮食海上运输绿色通道",
    title_en="Ship selection assistant and grain green channel",
    case=7,
    domain="maritime",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[RatingFlow, GrainCallFlow, ArrivalFlow, EscortFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/ship-selection", "Ship selection overview", "ship_selection.read"),
        NavLink("/ship-selection/ships", "Ships", "ship_selection.read"),
        NavLink("/ship-selection/ratings", "Ship ratings", "ship_selection.read"),
        NavLink("/ship-selection/grain", "Grain calls", "ship_selection.read"),
        NavLink("/ship-selection/arrivals", "Arrival plans", "ship_selection.read"),
        NavLink("/ship-selection/berths", "Reserved berths", "ship_selection.read"),
        NavLink("/ship-selection/statistics", "Green channel statistics", "ship_selection.read"),
    ],
    demo=load_demo,
)
