"""p08 跨境电商网购保税零售进口商品跨关区退货 — CBEC bonded retail returns across customs
districts (Zhejiang): 1210 declaration lists taxed the CBEC way, returns declared at any
participating customs within 30/45 days, approvals updating returned quantities, guarantee and
annual quota atomically through a double-entry ledger."""

from __future__ import annotations

from pathlib import Path

from ftz.core.registry.spec import NavLink, PracticeSpec
from ftz.practices.cbec_returns import pages, permissions
from ftz.practices.cbec_returns.cli import app as cli_app
from ftz.practices.cbec_returns.demo import load_demo
from ftz.practices.cbec_returns.endpoints import router
from ftz.practices.cbec_returns.workflow import ReturnFlow

HERE = Path(__file__).parent

practice = PracticeSpec(
    id="p08",
    name="cbec_returns",
    title_zh="跨境电商网购保税零售进口商品跨关区退货",
    title_en="CBEC bonded retail returns across customs districts",
    case=8,
    domain="clearance",
    status="built",
    router=router,
    pages=pages.router,
    cli=cli_app,
    permissions=permissions.ALL,
    rules_dir=HERE / "rules",
    workflows=[ReturnFlow],
    templates_dir=HERE / "templates",
    nav=[
        NavLink("/cbec-returns", "Declaration lists", "cbec_returns.declare"),
        NavLink("/cbec-returns/lists/new", "Declare a declaration list", "cbec_returns.declare"),
        NavLink("/cbec-returns/review", "Return review", "cbec_returns.review"),
        NavLink("/cbec-returns/statistics", "Return statistics", "cbec_returns.stats"),
    ],
    demo=load_demo,
)
