"""What the API, the pages and the CLI show of a ULD: the record with its events, the ULD id
explained, the events this principal may send, CSV rows and the audit history."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.audit.service import list_events
from ftz.core.auth.principal import Principal
from ftz.core.kit.pagination import PageParams
from ftz.core.workflow import allowed_events, mermaid
from ftz.practices.pallet_air_road import repository
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
    return UldDetail.model_validate({**UldOut.model_validate(uld).model_dump(), "events": events})


def my_events(principal: Principal, uld: Uld) -> list[str]:
    return [e for e in allowed_events(UldFlow, uld, principal) if may_send(principal, uld, e)]


def explain(uld: Uld) -> dict[str, Any]:
    return parse(uld.uld_code).describe()


def workflow() -> str:
    return mermaid(UldFlow)


def csv_response(ulds: Iterable[Uld]) -> Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS + METRIC_COLUMNS)
    for uld in ulds:
        values = [getattr(uld, c) for c in COLUMNS]
        values += [uld.metrics.get(m) for m in METRIC_COLUMNS]
        writer.writerow(["" if v is None else v for v in values])
    return Response(
        "\ufeff" + buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="p09-ulds.csv"'},
    )


def history(session: Session, principal: Principal, uld_id: str) -> list[dict[str, Any]]:
    found = list_events(session, principal=principal, entity_id=uld_id,
                        params=PageParams(page=1, size=100))  # fmt: skip
    return [{"at": e.occurred_at, "action": e.action, "actor": e.actor_username,
             "summary": json.dumps(e.changes, ensure_ascii=False, default=str)}
            for e in found.items]  # fmt: skip
