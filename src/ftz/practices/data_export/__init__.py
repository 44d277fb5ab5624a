"""p01 数据跨境流动 — cross-border data compliance (Shanghai Lingang, Tianjin, Beijing): catalogs,
the sensitive-data scanner, the export-path decision, filings, export evidence and audit."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.data_export import permissions
from ftz.practices.data_export.cli import app as cli_app
from ftz.practices.data_export.demo import load_demo
from ftz.practices.data_export.endpoints import router
from ftz.practices.data_export.pages import router as pages
from ftz.practices.data_export.workflow import FilingFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p01",
    name="data_export",
    title_zh="安全便利的数据跨境流动体系",
    title_en="Cross-border data flow compliance",
    case=1,
    domain="data_export",
    status="built",
    router=router,
    pages=pages,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[FilingFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/data-export", "Overview", "data_export.read"),
        NavLink("/data-export/assess", "Which export path applies?", "data_export.assess"),
        NavLink("/data-export/filings", "Filings", "data_export.read"),
        NavLink("/data-export/batches", "Export batches", "data_export.read"),
        NavLink("/data-export/audit", "After-the-fact audit", "data_export.audit"),
        NavLink("/data-export/preassessment", "Pre-assessment", "data_export.file"),
        NavLink("/data-export/catalogs", "Catalogs and lists", "data_export.catalog"),
    ],
    demo=load_demo,
)
