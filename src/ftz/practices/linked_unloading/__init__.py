"""p02 联动接卸 — linked unloading (Shanghai and Anhui FTZs): Yangshan and its 15 linked ports
supervised as one port; containers followed from declaration to pickup (import) or from receipt
at the linked port to loading at Yangshan (export), with each party's events anchored in the
evidence ledger, and barge vs truck vs transshipment compared per shipment."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.linked_unloading import permissions
from ftz.practices.linked_unloading.cli import app as cli_app
from ftz.practices.linked_unloading.demo import load_demo
from ftz.practices.linked_unloading.endpoints import router
from ftz.practices.linked_unloading.pages import router as pages
from ftz.practices.linked_unloading.workflow import ExportFlow, ImportFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p02",
    name="linked_unloading",
    title_zh="联动接卸",
    title_en="Linked unloading across ports",
    case=2,
    domain="clearance",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[ImportFlow, ExportFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/linked-unloading", "Linked unloading", "linked_unloading.stats"),
        NavLink("/linked-unloading/shipments", "Shipments", "linked_unloading.read"),
        NavLink("/linked-unloading/containers", "Containers", "linked_unloading.read"),
        NavLink("/linked-unloading/ports", "Linked ports", "linked_unloading.ports"),
        NavLink("/linked-unloading/compare", "Route comparison", "linked_unloading.compare"),
    ],
    demo=load_demo,
)
