"""p14 亚蓉欧跨洲际国际联运 — Asia–Chengdu–Europe through transport (Sichuan FTZ, Chengdu
Qingbaijiang): full-route timetables on the shared network (Vientiane–Chengdu ≈ 60 h, Chengdu–
Łódź within 11 days) with priority slots; the through bill of lading ("一单制": one booking, one
payment, one document) with legs, carriers, hand-overs and tracking anchored in the evidence
ledger, usable as collateral (pledge and release by the bank); the air–rail variant Dhaka–
Chengdu–Łódź; and the reefer repositioning decision (min-cost flow with overseas return)
against the naive return-to-origin plan."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.asia_europe_transport import permissions
from ftz.practices.asia_europe_transport.cli import app as cli_app
from ftz.practices.asia_europe_transport.demo import load_demo
from ftz.practices.asia_europe_transport.endpoints import router
from ftz.practices.asia_europe_transport.pages import router as pages
from ftz.practices.asia_europe_transport.workflow import BillFlow

HERE = Path(__file__).parent
BASE = "/asia-europe-transport"

practice = PracticeSpec(
    id="p14",
    name="asia_europe_transport",
    title_zh="亚蓉欧跨洲际国际联运",
    title_en="Asia–Chengdu–Europe through transport",
    case=14,
    domain="logistics",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[BillFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/asia-europe-transport", "Corridors and timetables", "asia_europe_transport.read"),
        NavLink("/asia-europe-transport/bills", "Through bills", "asia_europe_transport.read"),
        NavLink(
            "/asia-europe-transport/reefer", "Reefer circulation", "asia_europe_transport.reefer"
        ),
    ],
    demo=load_demo,
)
