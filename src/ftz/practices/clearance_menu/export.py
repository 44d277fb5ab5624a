"""CSV export of recorded requests (the same scoping and filters as the list)."""

from __future__ import annotations

from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import csv_text as kit_csv_text
from ftz.practices.clearance_menu import repository

COLUMNS = (
    "id", "created_at", "org_id", "direction", "transport", "hs_code", "credit", "port",
    "pickup_place", "recommended_code", "chosen_code", "chosen_at", "ledger_index",
)  # fmt: skip


def csv_text(session: Session, principal: Principal, **filters: str | None) -> str:
    rows = repository.export_rows(session, principal, **filters)
    return kit_csv_text(COLUMNS, ([getattr(r, c) for c in COLUMNS] for r in rows))


def csv_response(session: Session, principal: Principal, **filters: str | None) -> Response:
    # A UTF-8 BOM so spreadsheet programs read the Chinese place names correctly.
    body = "\ufeff" + csv_text(session, principal, **filters)
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="clearance-menu-requests.csv"'},
    )
