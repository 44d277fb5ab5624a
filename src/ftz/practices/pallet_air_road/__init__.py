"""p09 整板空陆联运 — whole-pallet air–road transport (Zhengzhou, Henan FTZ): the ULD as the
packing unit. Airlines and forwarders build ULDs abroad by domestic destination (IATA ULD ids
checked), the ground handler tallies with the ULD as the package and stores and loads it whole,
airport security and customs clear it, and a trucking company carries it on a ULD-capable
trailer to the destination airport; every ULD is tracked by event, and its touches, tally and
loading minutes and crew are computed from the event times and judged against the seed."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.pallet_air_road import permissions
from ftz.practices.pallet_air_road.cli import app as cli_app
from ftz.practices.pallet_air_road.demo import load_demo
from ftz.practices.pallet_air_road.endpoints import router
from ftz.practices.pallet_air_road.pages import router as pages
from ftz.practices.pallet_air_road.workflow import UldFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p09",
    name="pallet_air_road",
    title_zh="整板空陆联运",
    title_en="Whole-pallet air–road transport",
    case=9,
    domain="logistics",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[UldFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/pallet-air-road", "ULDs", "pallet_air_road.read"),
        NavLink("/pallet-air-road/trailers", "Trailers", "pallet_air_road.read"),
        NavLink("/pallet-air-road/statistics", "ULD statistics", "pallet_air_road.read"),
    ],
    demo=load_demo,
)
