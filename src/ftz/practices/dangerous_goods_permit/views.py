"""What the edges share: CSV export (formula-safe cells), a record's audit history, the points
board with each driver's and enterprise's standing under the blacklist table."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from fastapi import Response
from sqlalchemy.orm import Session

from ftz.core.audit.service import list_events
from ftz.core.auth.models import Organization
from ftz.core.auth.principal import Principal
from ftz.core.db import utcnow
from ftz.core.kit.csv_export import csv_response as kit_csv_response
from ftz.core.kit.pagination import PageParams
from ftz.practices.dangerous_goods_permit import repository
from ftz.practices.dangerous_goods_permit.common import rules, settings

PERMIT_COLUMNS = (
    "number",
    "vehicle_plate",
    "cargo_un",
    "cargo_name",
    "speed_limit_kmh",
    "tolerance_m",
    "window_start",
    "window_end",
    "valid_from",
    "valid_to",
    "status",
)
TRIP_COLUMNS = (
    "number",
    "station",
    "driver_name",
    "driver_licence",
    "tonnes",
    "entry_at",
    "status",
    "compliant",
    "route_followed",
    "points",
    "checked_at",
)


def csv_response(found: Iterable[Any], columns: tuple[str, ...], filename: str) -> Response:
    """Spreadsheet-safe (core.kit.csv_export): a BOM, and formula-like text quoted."""
    rows = ([getattr(row, c) for c in columns] for row in found)
    return kit_csv_response(columns, rows, filename)


def history(session: Session, *, principal: Principal, entity_id: str) -> list[dict[str, Any]]:
    """The audit trail of one record, newest first (enterprises: events they own)."""
    found = list_events(
        session, principal=principal, entity_id=entity_id, params=PageParams(page=1, size=100)
    )
    return [
        {
            "at": e.occurred_at,
            "action": e.action,
            "actor": e.actor_username,
            "summary": json.dumps(e.changes, ensure_ascii=False, default=str)[:300],
        }
        for e in found.items
    ]


def points_board(session: Session, *, principal: Principal) -> dict[str, Any]:
    """Each driver's and enterprise's 12-month points, level and the rule row that says so."""
    since = utcnow() - timedelta(days=int(settings()["scoring_days"]))
    found = repository.points_since(session, principal, since)
    names = {o.id: o.name_zh for o in session.query(Organization).all()}
    for subject, rows_ in (("driver", found["drivers"]), ("enterprise", found["enterprises"])):
        for row in rows_:
            decision = rules().evaluate(
                "blacklist.json", {"subject": subject, "points": row["points"]}
            )
            row.update(
                level=decision.result["level"],
                fired=decision.explanation(),
                org_name=names.get(row["org_id"], row["org_id"]),
            )
    blacklist = repository.rows(session, repository.blacklist_query(principal))
    return {"since": since.date().isoformat(), **found, "blacklist": blacklist}
