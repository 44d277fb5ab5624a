"""p07 web pages (mounted at /ship-selection): the overview and statistics here, then ships,
ratings, grain calls and the berth channel from their own modules."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from ftz.core.auth.permissions import allows
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageParams
from ftz.core.web.templating import render
from ftz.domain.vessels import repository as vessels
from ftz.practices.ship_selection import (
    berths,
    pages_berths,
    pages_grain,
    pages_ratings,
    pages_ships,
    repository,
)
from ftz.practices.ship_selection.web import DB, READ, T

router = APIRouter(include_in_schema=False)


@router.get("", response_class=HTMLResponse)
def overview(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    latest = repository.ratings(session, who, PageParams(size=5))
    context = {
        "counts": vessels.counts(session),
        "stats": berths.statistics(session, principal=who),
        "latest": latest.items,
        "ships": vessels.ships_by_id(session, {r.ship_id for r in latest.items}),
        "can_request": allows(who, "ship_selection.request") and who.is_enterprise,
        "can_file": allows(who, "ship_selection.file") and who.is_enterprise,
    }
    return render(request, T + "overview.html", context)


@router.get("/statistics", response_class=HTMLResponse)
def statistics(request: Request, session: Session = DB, who: Principal = READ) -> Response:
    return render(request, T + "statistics.html", {"s": berths.statistics(session, principal=who)})


for part in (pages_ships.router, pages_ratings.router, pages_grain.router, pages_berths.router):
    router.include_router(part)
