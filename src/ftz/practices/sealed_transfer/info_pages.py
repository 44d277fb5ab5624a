"""p18 reference pages: the rule tables with their sources (which step needs which prior
state and which facts, the screening, the default creditor ranks, the price review) beside
the state machine, and the statistics computed from the records."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.web.templating import render
from ftz.core.workflow import mermaid
from ftz.practices.sealed_transfer import rules, views
from ftz.practices.sealed_transfer.page_common import DB, READ, STATS, T
from ftz.practices.sealed_transfer.workflow import TransferFlow

router = APIRouter(include_in_schema=False)
TABLES = ("steps.json", "screening.json", "priority.json", "price_check.json")


@router.get("/rules", response_class=HTMLResponse)
def rule_tables(request: Request, who: Principal = READ) -> Response:
    tables = [
        {
            "key": key,
            "name": rules.rules().document(key)["nodes"][1]["name"],
            "rows": rules.table_rows(key),
        }
        for key in TABLES
    ]
    context = {"tables": tables, "diagram": mermaid(TransferFlow)}
    return render(request, T + "rules.html", context)


@router.get("/statistics", response_class=HTMLResponse)
def statistics(request: Request, session: Session = DB, who: Principal = STATS) -> Response:
    return render(request, T + "statistics.html", {"s": views.statistics(session, who)})
