"""p22 出口跨境电商货物铁路安检平行作业 — CBEC export key items and rail security checks
(Nanning): the key-items list agreed by customs and railway (items not accepted for rail mixed
consolidation) kept as versioned rules — keywords in Chinese and English with synonyms, HS
ranges, enterprise lists, weight and value thresholds — compiled into one matcher that screens
every line of a CBEC export declaration (API, CSV upload, CLI). A hit routes the line to the
parallel customs and railway inspection with the reason and its source; officers confirm or
clear; a confirmed violation moves the enterprise's credit through the credit table (warning,
penalty, blacklist; the railway's grade) and feeds the monthly joint report."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.cbec_key_items import permissions
from ftz.practices.cbec_key_items.cli import app as cli_app
from ftz.practices.cbec_key_items.demo import load_demo
from ftz.practices.cbec_key_items.endpoints import router
from ftz.practices.cbec_key_items.pages import router as pages
from ftz.practices.cbec_key_items.workflow import KeyItemLineFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p22",
    name="cbec_key_items",
    title_zh="出口跨境电商货物铁路安检平行作业",
    title_en="CBEC export key items and rail security checks",
    case=22,
    domain="inspection",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[KeyItemLineFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/cbec-key-items", "CBEC key items dashboard", "cbec_key_items.read"),
        NavLink(
            "/cbec-key-items/declarations", "CBEC key-items declarations", "cbec_key_items.read"
        ),
        NavLink("/cbec-key-items/report", "CBEC key-items monthly report", "cbec_key_items.read"),
    ],
    demo=load_demo,
)
