"""p11 区港直达直装 — the zone–port integrated gate between Zhengzhou Xinzheng bonded zone and the
airport apron (Henan FTZ): declarations, release instructions, manifests, gate verdicts."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.zone_port_gate import pages, permissions
from ftz.practices.zone_port_gate.cli import app as cli_app
from ftz.practices.zone_port_gate.demo import load_demo
from ftz.practices.zone_port_gate.endpoints import router
from ftz.practices.zone_port_gate.workflow import DeclarationFlow, GateFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p11",
    name="zone_port_gate",
    title_zh="区港直达直装",
    title_en="Zone–port direct gate",
    case=11,
    domain="clearance",
    status="built",
    router=router,
    pages=pages.router,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[DeclarationFlow, GateFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/zone-port-gate", "Gate dashboard", "zone_port_gate.stats"),
        NavLink("/zone-port-gate/gate", "Record a vehicle", "zone_port_gate.operate"),
        NavLink("/zone-port-gate/transactions", "Gate transactions", "zone_port_gate.read"),
        NavLink("/zone-port-gate/declarations", "Declarations", "zone_port_gate.read"),
        NavLink("/zone-port-gate/manifests", "Manifests", "zone_port_gate.read"),
        NavLink("/zone-port-gate/statistics", "Daily statistics", "zone_port_gate.stats"),
        NavLink("/zone-port-gate/volumes", "Airport daily volumes", "zone_port_gate.stats"),
    ],
    demo=load_demo,
)
