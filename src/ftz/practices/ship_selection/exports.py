"""CSV exports of ratings, grain calls and arrival plans (same scoping and filters as the
lists; a UTF-8 BOM so spreadsheet programs read the Chinese names)."""

from __future__ import annotations

from typing import Any

from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import csv_text
from ftz.core.kit.pagination import MAX_PAGE_SIZE, PageParams
from ftz.domain.vessels import repository as vessels
from ftz.practices.ship_selection import repository


def _all(fetch: Any) -> list[Any]:
    """Every row of a paginated query, page by page."""
    rows: list[Any] = []
    page_no = 1
    while True:
        page = fetch(PageParams(page=page_no, size=MAX_PAGE_SIZE))
        rows.extend(page.items)
        if page_no >= page.pages:
            return rows
        page_no += 1


def _csv(header: tuple[str, ...], rows: list[list[Any]]) -> str:
    return csv_text(header, rows)


def csv_response(text: str, filename: str) -> Response:
    return Response(
        "\ufeff" + text,
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


def ratings_csv(session: Session, principal: Principal, **filters: Any) -> str:
    found = _all(lambda p: repository.ratings(session, principal, p, **filters))
    ships = vessels.ships_by_id(session, {r.ship_id for r in found})
    header = (
        "id",
        "created_at",
        "imo_number",
        "ship",
        "voyage",
        "cargo_name",
        "quantity_t",
        "rating",
        "status",
        "not_good",
        "ledger_index",
    )
    return _csv(
        header,
        [
            [
                r.id,
                r.created_at.isoformat(),
                ships[r.ship_id].imo_number,
                ships[r.ship_id].name,
                r.voyage,
                r.cargo_name,
                r.quantity_t,
                r.rating,
                r.status,
                " ".join(f"{d['key']}:{d['level']}" for d in r.dimensions if d["level"] != "good"),
                r.ledger_index,
            ]
            for r in found
        ],
    )


def calls_csv(session: Session, principal: Principal, **filters: Any) -> str:
    found = _all(lambda p: repository.calls(session, principal, p, **filters))
    ships = vessels.ships_by_id(session, {c.ship_id for c in found})
    header = (
        "number",
        "imo_number",
        "ship",
        "port",
        "eta",
        "cargo_name",
        "quantity_t",
        "status",
        "stability_pass",
        "trimming_check",
        "reviewed_by",
    )
    return _csv(
        header,
        [
            [
                c.number,
                ships[c.ship_id].imo_number,
                ships[c.ship_id].name,
                c.port,
                c.eta.isoformat(),
                c.cargo_name,
                c.quantity_t,
                c.status,
                c.stability_pass,
                c.trimming_check,
                c.reviewed_by,
            ]
            for c in found
        ],
    )


def arrivals_csv(session: Session, principal: Principal, **filters: Any) -> str:
    found = _all(lambda p: repository.arrivals(session, principal, p, **filters))
    ships = vessels.ships_by_id(session, {a.ship_id for a in found})
    header = (
        "number",
        "imo_number",
        "ship",
        "port",
        "eta",
        "etd",
        "status",
        "waiting_hours",
        "hours_saved",
        "cost_saved_cny",
    )
    return _csv(
        header,
        [
            [
                a.number,
                ships[a.ship_id].imo_number,
                ships[a.ship_id].name,
                a.port,
                a.eta.isoformat(),
                a.etd.isoformat(),
                a.status,
                a.waiting_hours,
                a.hours_saved,
                a.cost_saved_cny,
            ]
            for a in found
        ],
    )
