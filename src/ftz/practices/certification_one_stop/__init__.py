"""p28 认证与标准国际合作 — certification and standards international cooperation (Hunan FTZ):
one-stop export certification for partner-country schemes (Malaysia SIRIM, Kenya KEBS PVoC,
Zimbabwe CBCA) in three steps instead of ten, with a per-file SLA (30 days, was 90), success
rate and cost from the records; the standards watch (partner-country standard versions,
subscriptions by HS code or product, notices with a clause-level diff); and standard-cooperation
projects (e.g. a refrigerator grading standard adopted in Malaysia)."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.certification_one_stop import permissions
from ftz.practices.certification_one_stop.cli import app as cli_app
from ftz.practices.certification_one_stop.demo import load_demo
from ftz.practices.certification_one_stop.endpoints import router
from ftz.practices.certification_one_stop.pages import router as pages
from ftz.practices.certification_one_stop.workflow import ApplicationFlow, ProjectFlow

HERE = Path(__file__).parent
READ = "certification_one_stop.read"

practice = PracticeSpec(
    id="p28",
    name="certification_one_stop",
    title_zh="认证与标准国际合作",
    title_en="Certification and standards one-stop",
    case=28,
    domain="services",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[ApplicationFlow, ProjectFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/certification-one-stop", "Certification one-stop", READ),
        NavLink("/certification-one-stop/applications", "Certification applications", READ),
        NavLink("/certification-one-stop/standards", "Partner-country standards", READ),
        NavLink("/certification-one-stop/watch", "Standards watch", READ),
        NavLink("/certification-one-stop/projects", "Standard cooperation projects", READ),
        NavLink("/certification-one-stop/schemes", "Schemes and rules", READ),
        NavLink("/certification-one-stop/statistics", "Certification statistics", READ),
    ],
    demo=load_demo,
)
