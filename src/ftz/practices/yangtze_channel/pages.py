"""p29 pages: the channel (map of the main and five sub-channels, the seed's figures), a
sub-channel with its fixed services, the route planner, the public board and the statistics.
Orders and offers are in pages_orders, the registry of operators and services in
pages_registry."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError, not_found, validation_error
from ftz.core.kit.pagination import PageParams, paginate_query
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.practices.yangtze_channel import (
    pages_orders,
    pages_registry,
    reference,
    repository,
    routes,
    service,
    statistics,
)
from ftz.practices.yangtze_channel.pages_common import ADMIN, DB, READ, T, choices

router = APIRouter(include_in_schema=False)
router.include_router(pages_orders.router)
router.include_router(pages_registry.router)


def _lang(request: Request) -> str:
    return str(getattr(request.state, "lang", "zh"))


def _moment(text: str) -> datetime | None:
    """A form's datetime-local (China Standard Time), or None when left empty."""
    if not text:
        return None
    try:
        return reference.local(datetime.fromisoformat(text))
    except ValueError as exc:
        raise validation_error("depart_at", f"not a date and time: {text!r}") from exc


@router.get("", response_class=HTMLResponse)
def overview(request: Request, session: Session = DB, p: Principal = READ) -> Response:
    services = repository.services(session)
    # The registered river services calling at the hub, against the seed's "每周达50余班次".
    sailings = sum(
        s.weekly_departures
        for s in services
        if s.active and s.mode == "river" and reference.hub() in s.stops
    )
    context = {
        "hub_sailings": sailings,
        "map": routes.channel_map(_lang(request)),
        "figures": statistics.seed_figures(),
        "services": services,
        "is_admin": service.is_administration(p),
        **choices(),
    }
    return render(request, T + "overview.html", context)


@router.get("/channels/{code}", response_class=HTMLResponse)
def channel(request: Request, code: str, session: Session = DB, _: Principal = READ) -> Response:
    found = reference.channels().get(code)
    if found is None:
        raise not_found("channel")
    context = {
        "channel": found,
        "map": routes.channel_map(_lang(request), highlight=[code]),
        "services": repository.services(session, code),
        "operators": {o.id: o for o in repository.operators(session)},
        **choices(),
    }
    return render(request, T + "channel.html", context)


@router.get("/route", response_class=HTMLResponse)
def route(
    request: Request,
    origin: str = Query("", max_length=48),
    destination: str = Query("", max_length=48),
    optimize: str = Query("cost", max_length=8),
    modes: list[str] = Query([]),
    depart_at: str = Query("", max_length=32),
    _: Principal = READ,
) -> Response:
    values = {"origin": origin, "destination": destination, "optimize": optimize, "modes": modes,
              "depart_at": depart_at}  # fmt: skip
    context: dict[str, Any] = {"values": values, "errors": [], "plan": None, **choices()}
    status = 200
    if origin and destination:
        try:
            start = _moment(depart_at)
            found = routes.plan_route(origin, destination, optimize, modes, start)
        except FtzError as exc:
            context["errors"], status = form_problems(exc), 422
        else:
            best = routes.summary(found, start)
            nodes = routes.route_nodes(best["legs"])
            context.update(plan=found, best=best, map=routes.route_map(best, _lang(request)),
                           used=reference.channels_on(nodes))  # fmt: skip
    return render(request, T + "route.html", context, status=status)


@router.get("/board", response_class=HTMLResponse)
def board(
    request: Request,
    q: str = Query("", max_length=48),
    page: int = Query(1, ge=1),
    session: Session = DB,
    p: Principal = READ,
) -> Response:
    params = PageParams(page=page, size=20)
    orders = paginate_query(session, repository.board_orders(q), params)
    offers = paginate_query(
        session, repository.offers_query(p, status="open", q=q, board=True), params
    )
    names = repository.operator_names(session, {o.operator_id for o in offers.items})
    context = {"orders": orders, "offers": offers, "names": names, "q": q, **choices()}
    return render(request, T + "board.html", context)


@router.get("/statistics", response_class=HTMLResponse)
def stats(request: Request, session: Session = DB, p: Principal = ADMIN) -> Response:
    context = {
        "seed": statistics.seed_figures(),
        "live": statistics.live(session, principal=p),
        **choices(),
    }
    return render(request, T + "statistics.html", context)
