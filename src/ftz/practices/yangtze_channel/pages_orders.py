"""p29 pages for orders and offers: lists (with filters, CSV), the shipper's order form (new and
edit), the order detail (route map, fitting offers with the rows that fired, booking, the shared
tracking timeline and its form, history), the operator's offer form and its offers."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import FtzError
from ftz.core.kit.pagination import PageParams, page_params, paginate_query
from ftz.core.web.forms import form_problems
from ftz.core.web.templating import render
from ftz.practices.yangtze_channel import (
    matching,
    reference,
    repository,
    routes,
    service,
    tracking,
    views,
)
from ftz.practices.yangtze_channel.models import Order
from ftz.practices.yangtze_channel.pages_common import BASE, DB, READ, TRADE, T, choices, read_form
from ftz.practices.yangtze_channel.schemas import BookIn, EventIn, OfferIn, OrderIn

router = APIRouter(include_in_schema=False)
STATUS = Query("", pattern="^(posted|booked|in_transit|delivered|cancelled|)$")


def _lang(request: Request) -> str:
    return str(getattr(request.state, "lang", "zh"))


def _attempt(session: Session, model: type[BaseModel], values: dict[str, Any], act: Any) -> Any:
    """Validate and act in a savepoint (nothing of a refused submission is kept); field
    problems come back as a list for the form, denial and absence raise."""
    try:
        data = model.model_validate(values)
        with session.begin_nested():
            return act(data), []
    except (FtzError, ValidationError) as exc:
        if isinstance(exc, FtzError) and exc.status in (401, 403, 404):
            raise
        return None, form_problems(exc)


@router.get("/orders", response_class=HTMLResponse)
def orders(
    request: Request,
    q: str = Query("", max_length=48),
    status: str = STATUS,
    sub_channel: str = Query("", max_length=8),
    ready_from: date | None = None,
    ready_to: date | None = None,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    p: Principal = READ,
) -> Response:
    filters: dict[str, Any] = {"q": q, "status": status, "sub_channel": sub_channel,
                               "ready_from": ready_from, "ready_to": ready_to}  # fmt: skip
    page = paginate_query(session, repository.orders_query(p, **filters), params)
    context = {
        "page": page, "filters": filters, "can_post": p.is_enterprise,
        "query": "&".join(f"{k}={v or ''}" for k, v in filters.items()), **choices(),
    }  # fmt: skip
    return render(request, T + "orders.html", context)


def _field_time(moment: datetime) -> str:
    """A moment as a datetime-local field shows it: China Standard Time to the minute."""
    return reference.local(moment).strftime("%Y-%m-%dT%H:%M")


def _order_form(request: Request, values: dict[str, Any], errors: Any, status: int,
                order: Order | None = None) -> Response:  # fmt: skip
    context = {"values": values, "errors": errors, "order": order, **choices()}
    return render(request, T + "order_form.html", context, status=status)


@router.get("/orders/new", response_class=HTMLResponse)
def new_order(request: Request, _: Principal = TRADE) -> Response:
    tomorrow = reference.day_start(reference.today() + timedelta(days=1)) + timedelta(hours=8)
    values = {"origin": "changsha_xianing", "destination": "guangzhou_nansha", "teu": "10",
              "optimize": "cost", "modes": [], "ready_at": _field_time(tomorrow)}  # fmt: skip
    return _order_form(request, values, [], 200)


@router.post("/orders/new", response_class=HTMLResponse)
async def post_order(request: Request, session: Session = DB, p: Principal = TRADE) -> Response:
    values = await read_form(request, "modes")
    act = lambda data: service.post_order(session, principal=p, data=data)  # noqa: E731
    order, errors = _attempt(session, OrderIn, values, act)
    if errors:
        return _order_form(request, values, errors, 422)
    return RedirectResponse(f"{BASE}/orders/{order.id}", status_code=303)


@router.get("/orders/{order_id}/edit", response_class=HTMLResponse)
def edit_form(
    request: Request, order_id: str, session: Session = DB, p: Principal = TRADE
) -> Response:
    order = repository.get_order(session, p, order_id)
    values = OrderIn.model_validate(order, from_attributes=True).model_dump()
    values["ready_at"] = _field_time(routes.ready_moment(order))
    values.pop("ready_on")  # the form sends the date-time only
    return _order_form(request, values, [], 200, order)


@router.post("/orders/{order_id}/edit", response_class=HTMLResponse)
async def edit_order(
    request: Request, order_id: str, session: Session = DB, p: Principal = TRADE
) -> Response:
    order = repository.get_order(session, p, order_id)
    values = await read_form(request, "modes")
    values.setdefault("listed", "false")  # an unticked checkbox sends nothing

    def edit(data: OrderIn) -> Order:
        return service.edit_order(session, principal=p, order_id=order_id, data=data)

    _, errors = _attempt(session, OrderIn, values, edit)
    if errors:
        return _order_form(request, values, errors, 422, order)
    return RedirectResponse(f"{BASE}/orders/{order_id}", status_code=303)


def _detail(request: Request, session: Session, p: Principal, order_id: str,
            errors: Any, status: int) -> Response:  # fmt: skip
    order = repository.get_order(session, p, order_id)
    party = repository.party_of(session, p, order)
    shipper = party == "shipper"
    context = {
        "order": order, "party": party, "errors": errors,
        "map": routes.route_map(order.route, _lang(request)),
        "matches": matching.candidates(session, principal=p, order_id=order.id)
        if order.status == "posted" and (shipper or service.is_administration(p)) else [],
        "events": repository.events(session, order.id),
        "history": views.history(session, principal=p, order_id=order.id),
        "can_book": shipper and order.status == "posted",
        "can_track": order.status in ("booked", "in_transit", "delivered")
        and party != "none" and p.has_role("enterprise", "officer"),
        "can_edit": shipper and order.status == "posted", **choices(),
    }  # fmt: skip
    return render(request, T + "order.html", context, status=status)


@router.get("/orders/{order_id}", response_class=HTMLResponse)
def order(request: Request, order_id: str, session: Session = DB, p: Principal = READ) -> Response:
    return _detail(request, session, p, order_id, [], 200)


@router.post("/orders/{order_id}/book", response_class=HTMLResponse)
async def book(request: Request, order_id: str, session: Session = DB,
               p: Principal = TRADE) -> Response:  # fmt: skip
    values = await read_form(request)

    def act(data: BookIn) -> Order:
        return matching.book(session, principal=p, order_id=order_id, offer_id=data.offer_id)

    _, errors = _attempt(session, BookIn, values, act)
    if errors:
        return _detail(request, session, p, order_id, errors, 422)
    return RedirectResponse(f"{BASE}/orders/{order_id}", status_code=303)


@router.post("/orders/{order_id}/events", response_class=HTMLResponse)
async def record(request: Request, order_id: str, session: Session = DB,
                 p: Principal = TRADE) -> Response:  # fmt: skip
    values = await read_form(request)

    def act(data: EventIn) -> Any:
        return tracking.record(session, principal=p, order_id=order_id, data=data)

    _, errors = _attempt(session, EventIn, values, act)
    if errors:
        return _detail(request, session, p, order_id, errors, 422)
    return RedirectResponse(f"{BASE}/orders/{order_id}#tracking", status_code=303)


@router.post("/orders/{order_id}/cancel", response_class=HTMLResponse)
async def cancel(request: Request, order_id: str, session: Session = DB,
                 p: Principal = TRADE) -> Response:  # fmt: skip
    values = await read_form(request)
    service.cancel_order(session, principal=p, order_id=order_id, note=values.get("note", ""))
    return RedirectResponse(f"{BASE}/orders/{order_id}", status_code=303)


@router.get("/offers", response_class=HTMLResponse)
def offers(
    request: Request,
    status: str = Query("", pattern="^(open|full|withdrawn|)$"),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    p: Principal = READ,
) -> Response:
    page = paginate_query(session, repository.offers_query(p, status=status), params)
    operator = repository.operator_of_org(session, p.org_id)
    context = {"page": page, "status": status, "operator": operator,
               "services": [s for s in repository.services(session)
                            if operator and s.operator_id == operator.id and s.active],
               "values": {"mode": "rail", "capacity_teu": "50", "price_cny_per_teu": "3000"},
               "errors": [], **choices()}  # fmt: skip
    return render(request, T + "offers.html", context)


@router.post("/offers", response_class=HTMLResponse)
async def post_offer(request: Request, session: Session = DB, p: Principal = TRADE) -> Response:
    values = await read_form(request, "cargo_types")
    act = lambda data: service.post_offer(session, principal=p, data=data)  # noqa: E731
    _, errors = _attempt(session, OfferIn, values, act)
    if errors:
        page = paginate_query(session, repository.offers_query(p), PageParams())
        operator = repository.operator_of_org(session, p.org_id)
        context = {"page": page, "status": "", "operator": operator, "services": [],
                   "values": values, "errors": errors, **choices()}  # fmt: skip
        return render(request, T + "offers.html", context, status=422)
    return RedirectResponse(f"{BASE}/offers", status_code=303)
