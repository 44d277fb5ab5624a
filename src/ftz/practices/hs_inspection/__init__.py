"""p06 一码通 — HS-code inspection assistant (Shenyang area, Liaoning FTZ): one search by HS code
or product text returns, for the code and its parents, the risk elements of the four sources
(nonconformities, overseas notifications, export returns, used-machinery pre-shipment
inspections), the standards and work instructions that apply, typical cases, and a risk
assessment in the method of Decision (EU) 2019/417 with the officer's recommended action; the
officer's workbench records results (a nonconforming one becomes a new risk record) and
anchors them in the evidence ledger."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.hs_inspection import permissions
from ftz.practices.hs_inspection.cli import app as cli_app
from ftz.practices.hs_inspection.demo import load_demo
from ftz.practices.hs_inspection.endpoints import router
from ftz.practices.hs_inspection.pages import router as pages

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p06",
    name="hs_inspection",
    title_zh="一码通",
    title_en="HS-code inspection assistant",
    case=6,
    domain="inspection",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/hs-inspection", "Inspection workbench", "hs_inspection.read"),
        NavLink("/hs-inspection/lookup", "Search by HS code", "hs_inspection.lookup"),
        NavLink("/hs-inspection/batches", "Inspection batches", "hs_inspection.read"),
    ],
    demo=load_demo,
)
