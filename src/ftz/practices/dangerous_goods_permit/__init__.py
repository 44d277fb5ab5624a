"""p25 国际危险品道路运输“一证双线” — one special permit, two domestic routes (Suifenhe,
Heilongjiang FTZ, case 25): permits printed with two routes from the road port to two
neighbouring transshipment stations, the carrier's choice of station per trip, vehicle tracks
checked against the routes' corridors, the permitted hours, the speed limit and the designated
stops, points per violation accumulated per driver and enterprise, blacklisting reported to the
transport authority, and the station queue against the single-station past."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.dangerous_goods_permit import permissions
from ftz.practices.dangerous_goods_permit.cli import app as cli_app
from ftz.practices.dangerous_goods_permit.demo import load_demo
from ftz.practices.dangerous_goods_permit.endpoints import router
from ftz.practices.dangerous_goods_permit.pages import router as pages
from ftz.practices.dangerous_goods_permit.workflow import PermitFlow, TripFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p25",
    name="dangerous_goods_permit",
    title_zh="国际危险品道路运输“一证双线”",
    title_en="Dangerous goods road transport, one permit two routes",
    case=25,
    domain="logistics",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    cli_aliases=("dg-permit",),
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[PermitFlow, TripFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/dangerous-goods-permit", "Station queue", "dangerous_goods_permit.read"),
        NavLink(
            "/dangerous-goods-permit/permits", "Two-route permits", "dangerous_goods_permit.read"
        ),
        NavLink(
            "/dangerous-goods-permit/trips", "Dangerous-goods trips", "dangerous_goods_permit.read"
        ),
        NavLink(
            "/dangerous-goods-permit/points", "Points and blacklist", "dangerous_goods_permit.read"
        ),
    ],
    demo=load_demo,
)
