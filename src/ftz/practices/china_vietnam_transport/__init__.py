"""p24 中越跨境陆路运输 — China–Vietnam cross-border road transport (Honghe, Yunnan FTZ, seed
case 24): rail–road multimodal applications ("one declaration, one inspection, one box to the
end"), the five designated direct truck routes with vehicle permits per route, two-way loaded
trips (return loads matched to loaded trucks by maximum-weight bipartite matching with time
windows), the fresh-produce green channel with the customs seal checked at the destination,
and the figures against the seed's."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.china_vietnam_transport import permissions
from ftz.practices.china_vietnam_transport.cli import app as cli_app
from ftz.practices.china_vietnam_transport.demo import load_demo
from ftz.practices.china_vietnam_transport.endpoints import router
from ftz.practices.china_vietnam_transport.pages import router as pages
from ftz.practices.china_vietnam_transport.workflow import MultimodalFlow, TripFlow

HERE = Path(__file__).parent
BASE = "/china-vietnam-transport"

practice = PracticeSpec(
    id="p24",
    name="china_vietnam_transport",
    title_zh="中越跨境陆路运输",
    title_en="China–Vietnam cross-border road transport",
    case=24,
    domain="logistics",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[TripFlow, MultimodalFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink(BASE, "China–Vietnam transport", "china_vietnam_transport.read"),
        NavLink(f"{BASE}/trips", "Cross-border trips", "china_vietnam_transport.read"),
        NavLink(f"{BASE}/match", "Two-way loaded matching", "china_vietnam_transport.read"),
        NavLink(f"{BASE}/multimodal", "Rail–road multimodal", "china_vietnam_transport.read"),
        NavLink(f"{BASE}/trucks", "Trucks and permits", "china_vietnam_transport.read"),
    ],
    demo=load_demo,
)
