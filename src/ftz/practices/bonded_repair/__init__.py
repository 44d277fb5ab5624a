"""p03 保税维修和再制造环保监管 — bonded repair environmental supervision (Tianjin Airport area):
environmental admission by rule, the batch ledger with the irreparable-rate limit (5 % of
quantity or 10 % of value, both readings of "or"), the waste ledger with disposal certificates,
the exit procedure and the officers' dashboard."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.bonded_repair import permissions
from ftz.practices.bonded_repair.cli import app as cli_app
from ftz.practices.bonded_repair.demo import load_demo
from ftz.practices.bonded_repair.endpoints import router
from ftz.practices.bonded_repair.pages import router as pages
from ftz.practices.bonded_repair.workflow import AdmissionFlow, BatchFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p03",
    name="bonded_repair",
    title_zh="保税维修环保监管",
    title_en="Bonded repair environmental supervision",
    case=3,
    domain="clearance",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[AdmissionFlow, BatchFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/bonded-repair", "Bonded repair dashboard", "bonded_repair.read"),
        NavLink("/bonded-repair/admissions", "Admissions", "bonded_repair.read"),
        NavLink("/bonded-repair/batches", "Repair batches", "bonded_repair.read"),
        NavLink("/bonded-repair/waste", "Waste ledger", "bonded_repair.read"),
        NavLink("/bonded-repair/checklist", "Measures checklist", "bonded_repair.read"),
    ],
    demo=load_demo,
)
