"""The channel's statistics: the seed's 2024 figures (681,000 TEU added along the Yangtze ports,
204,300 of them foreign trade, +24.06% on the year) with what follows from them, and the live
figures of the board: TEU booked per sub-channel and the foreign-trade share (by
rules/foreign_trade.json, kept on each order). The channel administration only."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.errors import forbidden
from ftz.practices.yangtze_channel import reference, service
from ftz.practices.yangtze_channel.models import Offer, Order

CARRIED = ("booked", "in_transit", "delivered")


def _pct(part: int | Decimal, whole: int | Decimal) -> Decimal:
    if not whole:
        return Decimal("0.00")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def seed_figures() -> dict[str, Any]:
    f = reference.figures()
    growth = Decimal(f["foreign_growth_pct"])
    previous = (Decimal(f["foreign_teu"]) / (1 + growth / 100)).quantize(Decimal(1), ROUND_HALF_UP)
    return {
        **f,
        "foreign_share_pct": _pct(f["foreign_teu"], f["teu_added"]),
        "foreign_teu_previous": int(previous),  # 2023's foreign-trade TEU implied by the growth
        "foreign_teu_increase": f["foreign_teu"] - int(previous),
    }


def live(session: Session, *, principal: Principal) -> dict[str, Any]:
    if not service.is_administration(principal):
        raise forbidden("the statistics are the channel administration's")
    rows = session.execute(
        select(Order.sub_channels, Order.teu, Order.foreign, Order.status).where(
            Order.status.in_(CARRIED)
        )
    ).all()
    total = sum(r.teu for r in rows)
    foreign = sum(r.teu for r in rows if r.foreign)
    per_channel = []
    for channel in reference.channels().values():
        teu = sum(r.teu for r in rows if channel.code in r.sub_channels)
        per_channel.append({"code": channel.code, "name_zh": channel.name_zh,
                            "name_en": channel.name_en, "teu": teu})  # fmt: skip
    grouped = session.execute(select(Order.status, func.count()).group_by(Order.status))
    counts = {status: int(n) for status, n in grouped}
    offered = session.execute(
        select(func.coalesce(func.sum(Offer.capacity_teu), 0),
               func.coalesce(func.sum(Offer.booked_teu), 0)).where(Offer.status != "withdrawn")
    ).one()  # fmt: skip
    return {
        "teu": total,
        "foreign_teu": foreign,
        "foreign_share_pct": _pct(foreign, total),
        "per_channel": per_channel,
        "orders_by_status": {s: counts.get(s, 0) for s in reference.ORDER_STATUSES},
        "offered_teu": int(offered[0]),
        "booked_teu": int(offered[1]),
        "utilisation_pct": _pct(int(offered[1]), int(offered[0])),
    }
