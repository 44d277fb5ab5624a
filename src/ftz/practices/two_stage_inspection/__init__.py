"""p20 长三角一体化布控查验协同 — two-stage inspection in the Yangtze delta (Jiangsu FTZ with the
other delta FTZs): enterprises and goods that must not be opened at the port (vacuum,
light-proof, constant-temperature packing) are filed and admitted after customs' risk assessment
(credit level, supply chain, inspection history); a control instruction that hits a filed good
gets an external check at the port and, with no anomaly, the rest of it is routed automatically
to the destination customs; a violation revokes the pilot for one year. Decisions are anchored
in the evidence ledger; days saved per batch and goods value covered come from the records."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.two_stage_inspection import permissions
from ftz.practices.two_stage_inspection.cli import app as cli_app
from ftz.practices.two_stage_inspection.demo import load_demo
from ftz.practices.two_stage_inspection.endpoints import router
from ftz.practices.two_stage_inspection.pages import router as pages
from ftz.practices.two_stage_inspection.workflow import InstructionFlow, PilotFlow

HERE = Path(__file__).parent
READ = "two_stage_inspection.read"

practice = PracticeSpec(
    id="p20",
    name="two_stage_inspection",
    title_zh="长三角一体化布控查验协同",
    title_en="Two-stage inspection in the Yangtze delta",
    case=20,
    domain="inspection",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[PilotFlow, InstructionFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/two-stage-inspection", "Two-stage inspection dashboard", READ),
        NavLink("/two-stage-inspection/pilots", "Two-stage inspection pilots", READ),
        NavLink("/two-stage-inspection/instructions", "Control instructions", READ),
    ],
    demo=load_demo,
)
