"""p29 HTTP API under /api/yangtze-channel: the channel and route planning, the registry
(register, edit, deactivate, reactivate and the history of operators and services), the board,
orders (post, edit, cancel, matches, book, tracking, history, CSV), offers, statistics."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.deps import get_db, require
from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import not_found
from ftz.core.kit.pagination import PageOut, PageParams, page_params, paginate_query
from ftz.practices.yangtze_channel import (
    matching,
    reference,
    repository,
    routes,
    service,
    statistics,
    tracking,
    views,
)
from ftz.practices.yangtze_channel.schemas import (
    BoardOrderOut,
    BookIn,
    EventIn,
    EventOut,
    MatchOut,
    OfferIn,
    OfferOut,
    OperatorEdit,
    OperatorIn,
    OperatorOut,
    OrderIn,
    OrderOut,
    RegistryHistoryEntry,
    ServiceEdit,
    ServiceIn,
    ServiceOut,
    StatusChangeIn,
)

router = APIRouter()
DB = Depends(get_db, scope="function")
READ = Depends(require("yangtze_channel.read"))
TRADE = Depends(require("yangtze_channel.trade"))
ADMIN = Depends(require("yangtze_channel.administer"))
STATUS = Query("", pattern="^(posted|booked|in_transit|delivered|cancelled|)$")


@router.get("/channels")
def channels(_: Principal = READ) -> dict[str, Any]:
    return {"channels": views.channel_rows(), "figures": reference.figures()}


@router.get("/channels/{code}")
def channel(code: str, session: Session = DB, _: Principal = READ) -> dict[str, Any]:
    found = next((c for c in views.channel_rows() if c["code"] == code), None)
    if found is None:
        raise not_found("channel")
    rows = repository.services(session, code)
    return {**found, "services": [ServiceOut.model_validate(s).model_dump() for s in rows]}


@router.get("/route")
def route(
    origin: str = Query(..., max_length=48),
    destination: str = Query(..., max_length=48),
    optimize: str = Query("cost", max_length=8),
    modes: list[str] = Query([]),
    depart_at: datetime | None = Query(None, description="naive: China Standard Time"),
    _: Principal = READ,
) -> dict[str, Any]:
    start = reference.local(depart_at) if depart_at else None
    found = routes.plan_route(origin, destination, optimize, modes, start)
    nodes = routes.route_nodes(found.model_dump(mode="json")["legs"])
    return {**found.model_dump(mode="json"), "channels": reference.channels_on(nodes)}


@router.get("/operators", response_model=list[OperatorOut])
def operators(session: Session = DB, _: Principal = READ) -> Any:
    return repository.operators(session)


@router.post("/operators", response_model=OperatorOut, status_code=201)
def register_operator(body: OperatorIn, session: Session = DB, p: Principal = ADMIN) -> Any:
    return service.register_operator(session, principal=p, data=body)


@router.get("/operators/{operator_id}", response_model=OperatorOut)
def operator(operator_id: str, session: Session = DB, _: Principal = READ) -> Any:
    return service.get_operator(session, operator_id)


@router.patch("/operators/{operator_id}", response_model=OperatorOut)
def edit_operator(
    operator_id: str, body: OperatorEdit, session: Session = DB, p: Principal = ADMIN
) -> Any:
    return service.edit_operator(session, principal=p, operator_id=operator_id, data=body)


@router.post("/operators/{operator_id}/deactivate", response_model=OperatorOut)
def deactivate_operator(
    operator_id: str, body: StatusChangeIn, session: Session = DB, p: Principal = ADMIN
) -> Any:
    record = service.get_operator(session, operator_id, lock=True)
    return service.set_active(session, principal=p, record=record, active=False, data=body)


@router.post("/operators/{operator_id}/reactivate", response_model=OperatorOut)
def reactivate_operator(
    operator_id: str, body: StatusChangeIn, session: Session = DB, p: Principal = ADMIN
) -> Any:
    record = service.get_operator(session, operator_id, lock=True)
    return service.set_active(session, principal=p, record=record, active=True, data=body)


@router.get("/operators/{operator_id}/history", response_model=list[RegistryHistoryEntry])
def operator_history(operator_id: str, session: Session = DB, p: Principal = READ) -> Any:
    record = service.get_operator(session, operator_id)
    return service.history(session, principal=p, record=record)


@router.get("/services", response_model=list[ServiceOut])
def services(
    sub_channel: str = Query("", max_length=8), session: Session = DB, _: Principal = READ
) -> Any:
    return repository.services(session, sub_channel)


@router.post("/services", response_model=ServiceOut, status_code=201)
def register_service(body: ServiceIn, session: Session = DB, p: Principal = ADMIN) -> Any:
    return service.register_service(session, principal=p, data=body)


@router.get("/services/{service_id}", response_model=ServiceOut)
def fixed_service(service_id: str, session: Session = DB, _: Principal = READ) -> Any:
    return service.get_service(session, service_id)


@router.patch("/services/{service_id}", response_model=ServiceOut)
def edit_service(
    service_id: str, body: ServiceEdit, session: Session = DB, p: Principal = ADMIN
) -> Any:
    return service.edit_service(session, principal=p, service_id=service_id, data=body)


@router.post("/services/{service_id}/deactivate", response_model=ServiceOut)
def deactivate_service(
    service_id: str, body: StatusChangeIn, session: Session = DB, p: Principal = ADMIN
) -> Any:
    record = service.get_service(session, service_id, lock=True)
    return service.set_active(session, principal=p, record=record, active=False, data=body)


@router.post("/services/{service_id}/reactivate", response_model=ServiceOut)
def reactivate_service(
    service_id: str, body: StatusChangeIn, session: Session = DB, p: Principal = ADMIN
) -> Any:
    record = service.get_service(session, service_id, lock=True)
    return service.set_active(session, principal=p, record=record, active=True, data=body)


@router.get("/services/{service_id}/history", response_model=list[RegistryHistoryEntry])
def service_history(service_id: str, session: Session = DB, p: Principal = READ) -> Any:
    record = service.get_service(session, service_id)
    return service.history(session, principal=p, record=record)


@router.get("/board/orders", response_model=PageOut[BoardOrderOut])
def board_orders(
    q: str = Query("", max_length=48),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    _: Principal = READ,
) -> Any:
    page = paginate_query(session, repository.board_orders(q), params)
    return PageOut.of(page, [BoardOrderOut.model_validate(o) for o in page.items])


@router.get("/board/offers", response_model=PageOut[OfferOut])
def board_offers(
    q: str = Query("", max_length=48),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    p: Principal = READ,
) -> Any:
    page = paginate_query(
        session, repository.offers_query(p, status="open", q=q, board=True), params
    )
    return PageOut.of(page, [OfferOut.model_validate(o) for o in page.items])


def _orders(p: Principal, **filters: Any) -> Any:
    return repository.orders_query(p, **filters)


@router.get("/orders", response_model=PageOut[OrderOut])
def orders(
    q: str = Query("", max_length=48),
    status: str = STATUS,
    sub_channel: str = Query("", max_length=8),
    ready_from: date | None = None,
    ready_to: date | None = None,
    params: PageParams = Depends(page_params),
    session: Session = DB,
    p: Principal = READ,
) -> Any:
    query = _orders(p, q=q, status=status, sub_channel=sub_channel, ready_from=ready_from,
                    ready_to=ready_to)  # fmt: skip
    page = paginate_query(session, query, params)
    return PageOut.of(page, [OrderOut.model_validate(o) for o in page.items])


@router.get("/orders.csv", response_class=Response)
def orders_csv(
    q: str = Query("", max_length=48), status: str = STATUS, session: Session = DB,
    p: Principal = READ,
) -> Response:  # fmt: skip
    return views.orders_csv(session.scalars(_orders(p, q=q, status=status)))


@router.post("/orders", response_model=OrderOut, status_code=201)
def post_order(body: OrderIn, session: Session = DB, p: Principal = TRADE) -> Any:
    return service.post_order(session, principal=p, data=body)


@router.get("/orders/{order_id}", response_model=OrderOut)
def order(order_id: str, session: Session = DB, p: Principal = READ) -> Any:
    return repository.get_order(session, p, order_id)


@router.put("/orders/{order_id}", response_model=OrderOut)
def edit_order(order_id: str, body: OrderIn, session: Session = DB, p: Principal = TRADE) -> Any:
    return service.edit_order(session, principal=p, order_id=order_id, data=body)


@router.post("/orders/{order_id}/cancel", response_model=OrderOut)
def cancel_order(order_id: str, session: Session = DB, p: Principal = TRADE) -> Any:
    return service.cancel_order(session, principal=p, order_id=order_id, note="")


@router.get("/orders/{order_id}/matches", response_model=list[MatchOut])
def matches(order_id: str, only: bool = False, session: Session = DB, p: Principal = TRADE) -> Any:
    found = matching.candidates(session, principal=p, order_id=order_id, only_matching=only)
    return [MatchOut(**{**c, "offer": OfferOut.model_validate(c["offer"])}) for c in found]


@router.post("/orders/{order_id}/book", response_model=OrderOut)
def book(order_id: str, body: BookIn, session: Session = DB, p: Principal = TRADE) -> Any:
    return matching.book(session, principal=p, order_id=order_id, offer_id=body.offer_id)


@router.get("/orders/{order_id}/events", response_model=list[EventOut])
def events(order_id: str, session: Session = DB, p: Principal = READ) -> Any:
    return repository.events(session, repository.get_order(session, p, order_id).id)


@router.post("/orders/{order_id}/events", response_model=EventOut, status_code=201)
def record_event(order_id: str, body: EventIn, session: Session = DB, p: Principal = TRADE) -> Any:
    return tracking.record(session, principal=p, order_id=order_id, data=body)


@router.get("/orders/{order_id}/history", response_model=list[views.HistoryEntry])
def history(order_id: str, session: Session = DB, p: Principal = READ) -> Any:
    events = views.history(session, principal=p, order_id=order_id)
    return [views.HistoryEntry.model_validate(e, from_attributes=True) for e in events]


@router.get("/offers", response_model=PageOut[OfferOut])
def offers(
    status: str = Query("", pattern="^(open|full|withdrawn|)$"),
    params: PageParams = Depends(page_params),
    session: Session = DB,
    p: Principal = READ,
) -> Any:
    page = paginate_query(session, repository.offers_query(p, status=status), params)
    return PageOut.of(page, [OfferOut.model_validate(o) for o in page.items])


@router.post("/offers", response_model=OfferOut, status_code=201)
def post_offer(body: OfferIn, session: Session = DB, p: Principal = TRADE) -> Any:
    return service.post_offer(session, principal=p, data=body)


@router.get("/offers/{offer_id}", response_model=OfferOut)
def offer(offer_id: str, session: Session = DB, p: Principal = READ) -> Any:
    return repository.get_offer(session, p, offer_id)


@router.post("/offers/{offer_id}/withdraw", response_model=OfferOut)
def withdraw(offer_id: str, session: Session = DB, p: Principal = TRADE) -> Any:
    return service.withdraw_offer(session, principal=p, offer_id=offer_id)


@router.get("/statistics")
def stats(session: Session = DB, p: Principal = ADMIN) -> dict[str, Any]:
    return {"seed": statistics.seed_figures(), "live": statistics.live(session, principal=p)}
