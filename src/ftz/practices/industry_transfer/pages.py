"""p23 pages: the dashboard (per receiving park, beside the seed's figures) and the rule tables.
Projects, parks and agreements, and the statistics have their own page modules, mounted here."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.web.templating import render
from ftz.practices.industry_transfer import (
    partner_pages,
    project_pages,
    statistics,
    statistics_pages,
)
from ftz.practices.industry_transfer.dashboard import dashboard
from ftz.practices.industry_transfer.page_common import DB, READ
from ftz.practices.industry_transfer.rule_tables import rule_tables

router = APIRouter(include_in_schema=False)
router.include_router(project_pages.router)
router.include_router(partner_pages.router)
router.include_router(statistics_pages.router)


@router.get("", response_class=HTMLResponse)
def overview(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    return render(request, "industry_transfer/overview.html",
                  {"data": dashboard(session, principal=who)})  # fmt: skip


@router.get("/rules", response_class=HTMLResponse)
def show_rules(request: Request, who: Principal = READ) -> Response:
    context = {"tables": rule_tables(), "indicators": statistics.indicators_out()}
    return render(request, "industry_transfer/rules.html", context)
