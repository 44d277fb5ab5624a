"""p04 statistics as in the seed: works exhibited and sold, sale amounts, duties, and what the
bonded exhibition saves (capital: taxes not paid up front; storage: days out of the warehouse),
with the assumptions from rules/tariff.json."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.practices.bonded_art import repository, service
from ftz.practices.bonded_art.models import Artwork, Exhibition
from ftz.practices.bonded_art.workflow import EXHIBITED


def statistics(
    session: Session, *, principal: Principal, today: date | None = None
) -> dict[str, Any]:
    today = today or date.today()
    joined: Any = select(Exhibition, Artwork).join(Artwork, Artwork.id == Exhibition.artwork_id)
    query = repository.scoped(
        joined, Exhibition, principal,
    ).where(Exhibition.status.in_(EXHIBITED))  # fmt: skip
    out = {
        "exhibited": 0,
        "sold": 0,
        "sales_cny": 0,
        "duty_vat_cny": 0,
        "deferred_cny": 0,
        "capital_saved_cny": 0.0,
        "storage_saved_cny": 0.0,
        "reentered": 0,
        "held": 0,
    }
    for exhibition, artwork in session.execute(query).all():
        rates, _ = service.tariff(artwork.category)
        duty, vat = service.taxes(artwork.value_cny, rates)
        days = max((min(exhibition.ends_on, today) - exhibition.starts_on).days + 1, 0)
        out["exhibited"] += 1
        out["deferred_cny"] += duty + vat
        # Paying the taxes on import instead of a guarantee would tie up capital for the days out.
        out["capital_saved_cny"] += (
            (duty + vat) * float(rates["capital_rate_pct"]) / 100 * days / 365
        )
        out["storage_saved_cny"] += float(rates["storage_cny_per_day"]) * days
        if exhibition.sale_price_cny is not None:
            out["sold"] += 1
            out["sales_cny"] += exhibition.sale_price_cny
            out["duty_vat_cny"] += exhibition.duty_cny + exhibition.vat_cny
        out["reentered"] += exhibition.status == "reentered"
        out["held"] += exhibition.status == "held"
    out["capital_saved_cny"] = round(out["capital_saved_cny"], 2)
    out["storage_saved_cny"] = round(out["storage_saved_cny"], 2)
    return out
