"""p17 休闲渔业高质量发展 — leisure fishery (Hainan): the leisure fishing vessel registry with
inspections, licences, safety officers and insurance; the province-wide allocation of vessel and
gear control indicators to cities and counties (never over-allocated, a balance per account as a
sum of entries); catch limits and catch reports flagged with the rule rows that fired; the
association's self-regulation records and credit; demonstration bases and statistics."""

from __future__ import annotations

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.leisure_fishery import pages, permissions
from ftz.practices.leisure_fishery.cli import app as cli_app
from ftz.practices.leisure_fishery.demo import load_demo
from ftz.practices.leisure_fishery.endpoints import router
from ftz.practices.leisure_fishery.reference import HERE, RULES
from ftz.practices.leisure_fishery.workflow import CatchReportFlow, LicenceFlow

practice = PracticeSpec(
    id="p17",
    name="leisure_fishery",
    title_zh="休闲渔业高质量发展",
    title_en="Leisure fishery",
    case=17,
    domain="maritime",
    status="built",
    router=router,
    pages=pages.router,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=RULES,
    workflows=[CatchReportFlow, LicenceFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/leisure-fishery/vessels", "Leisure fishing vessels", "leisure_fishery.read"),
        NavLink("/leisure-fishery/licences", "Fishing licences", "leisure_fishery.read"),
        NavLink("/leisure-fishery/catch-reports", "Catch reports", "leisure_fishery.read"),
        NavLink("/leisure-fishery/reminders", "Expiry reminders", "leisure_fishery.read"),
        NavLink(
            "/leisure-fishery/indicators", "Vessel and gear indicators", "leisure_fishery.read"
        ),
        NavLink(
            "/leisure-fishery/association", "Association self-regulation", "leisure_fishery.read"
        ),
        NavLink("/leisure-fishery/catch-limits", "Catch limits", "leisure_fishery.public"),
        NavLink("/leisure-fishery/bases", "Demonstration bases", "leisure_fishery.public"),
        NavLink(
            "/leisure-fishery/statistics", "Leisure fishery statistics", "leisure_fishery.public"
        ),
    ],
    demo=load_demo,
)
