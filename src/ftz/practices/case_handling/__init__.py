"""p26 案件审理及审判监督管理“五步法” — five-step case handling and trial supervision (Hunan FTZ,
Chenzhou area): court cases involving FTZ enterprises; the three mandatory searches (legal
basis over the law corpus of `domain.legal`, similar cases over the court's judgments, related
cases) saved into the case report; parties' and lawyers' search reports that the judge must
answer; the evidence-rule and law-application checklists; triage to the fast track or full
review by rule; reading and approval (阅核) and quality review; statistics from the records."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.case_handling import permissions
from ftz.practices.case_handling.cli import app as cli_app
from ftz.practices.case_handling.demo import load_demo
from ftz.practices.case_handling.endpoints import router
from ftz.practices.case_handling.pages import router as pages
from ftz.practices.case_handling.workflow import CaseFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p26",
    name="case_handling",
    title_zh="案件审理及审判监督管理“五步法”",
    title_en="Five-step case handling and trial supervision",
    case=26,
    domain="justice",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[CaseFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/case-handling", "Case handling dashboard", "case_handling.read"),
        NavLink("/case-handling/cases", "Cases", "case_handling.read"),
        NavLink("/case-handling/laws", "Legal-basis search", "case_handling.search"),
        NavLink("/case-handling/judgments", "Similar judgments", "case_handling.search"),
        NavLink("/case-handling/statistics", "Statistics", "case_handling.stats"),
    ],
    demo=load_demo,
)
