"""What the API, the pages and the CLI share: an order's change history (the audit trail of the
order, its parties and events), CSV export of orders, and the channel registry as plain data."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from fastapi.responses import Response
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.audit.service import list_events
from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import csv_response as kit_csv_response
from ftz.core.kit.pagination import PageParams
from ftz.practices.yangtze_channel import reference, repository
from ftz.practices.yangtze_channel.models import Order, OrderParty, TrackingEvent

ORDER_COLUMNS = [
    "number", "status", "origin", "destination", "cargo_type", "trade", "teu", "ready_on",
    "ready_at", "deliver_by", "sub_channels", "foreign", "hours", "cost_cny", "co2_kg",
    "ledger_index",
]  # fmt: skip


class HistoryEntry(BaseModel):
    occurred_at: datetime
    actor_username: str
    action: str
    entity_type: str
    entity_id: str
    changes: dict[str, Any]


def history(session: Session, *, principal: Principal, order_id: str) -> list[Any]:
    order = repository.get_order(session, principal, order_id)
    ids = [order.id]
    for model in (OrderParty, TrackingEvent):
        ids += session.scalars(select(model.id).where(model.order_id == order.id)).all()
    page = list_events(
        session, principal=principal, entity_ids=ids, params=PageParams(page=1, size=200)
    )
    return list(page.items)


def _cell(order: Order, column: str) -> Any:
    if column in ("hours", "cost_cny", "co2_kg"):
        return order.route.get("total", {}).get(column)
    value = getattr(order, column)
    if column == "ready_at" and value is not None:
        return reference.local_label(value)  # China Standard Time, like the pages
    return " ".join(value) if isinstance(value, list) else value


def orders_csv(orders: Iterable[Order]) -> Response:
    values = ([_cell(order, c) for c in ORDER_COLUMNS] for order in orders)
    return kit_csv_response(ORDER_COLUMNS, values, "yangtze-channel-orders.csv")


def channel_rows() -> list[dict[str, Any]]:
    return [
        {"code": c.code, "name_zh": c.name_zh, "name_en": c.name_en, "mode": c.mode,
         "main": c.main, "service": c.service, "nodes": list(c.nodes)}
        for c in reference.channels().values()
    ]  # fmt: skip
