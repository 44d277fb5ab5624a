"""What the API, the pages and the CLI show of a ULD: the record with its events, the ULD id
explained, the events this principal may send, CSV rows and the audit history."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import csv_response as kit_csv_response
from ftz.core.workflow import allowed_events, mermaid
from ftz.practices.pallet_air_road import legs, repository
from ftz.practices.pallet_air_road.events import may_send
from ftz.practices.pallet_air_road.models import Uld
from ftz.practices.pallet_air_road.schemas import EventOut, UldDetail, UldOut
from ftz.practices.pallet_air_road.uld import parse
from ftz.practices.pallet_air_road.workflow import UldFlow

COLUMNS = ("uld_code", "mawb_no", "flight_no", "flight_date", "origin", "entry", "destination",
           "mode", "package_type", "pieces", "gross_kg", "status")  # fmt: skip
METRIC_COLUMNS = ("touches", "tally_minutes", "loading_minutes", "crew", "total_hours")


def detail(session: Session, uld: Uld) -> UldDetail:
    events = [EventOut.model_validate(e) for e in repository.events(session, uld.id)]
    road_legs = [legs.out(g) for g in repository.road_legs(session, uld.id)]
    return UldDetail.model_validate(
        {**UldOut.model_validate(uld).model_dump(), "events": events, "road_legs": road_legs}
    )


def my_events(session: Session, principal: Principal, uld: Uld) -> list[str]:
    found = [e for e in allowed_events(UldFlow, uld, principal) if may_send(principal, uld, e)]
    if uld.mode == "breakdown" and uld.status in ("loaded", "on_road"):
        # A broken-down ULD's road legs move one by one, each by its own trucker.
        waiting = legs.waiting(session, principal, uld)
        found = [e for e in found if e not in legs.NEXT]
        found += [e for e in legs.NEXT if waiting[e] and principal.is_enterprise]
    return found


def explain(uld: Uld) -> dict[str, Any]:
    return parse(uld.uld_code).describe()


def workflow() -> str:
    return mermaid(UldFlow)


def csv_response(ulds: Iterable[Uld]) -> Response:
    values = (
        [getattr(uld, c) for c in COLUMNS] + [uld.metrics.get(m) for m in METRIC_COLUMNS]
        for uld in ulds
    )
    return kit_csv_response(COLUMNS + METRIC_COLUMNS, values, "p09-ulds.csv")


def history(session: Session, uld: Uld) -> list[dict[str, Any]]:
    """The ULD's audit trail (its events and road legs too), for every party that sees it."""
    return [{"at": e.occurred_at, "action": e.action, "entity": e.entity_type.removeprefix(
             "pallet_air_road_"), "actor": e.actor_username,
             "summary": json.dumps(e.changes, ensure_ascii=False, default=str)}
            for e in repository.history(session, uld)]  # fmt: skip
