"""CSV exports with the same scoping and filters as the lists (a UTF-8 BOM so spreadsheets
read the Chinese names)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi.responses import Response

from ftz.core.kit.csv_export import csv_response as kit_csv_response

TRIP_COLUMNS = (
    "number",
    "status",
    "route_code",
    "direction",
    "depart_at",
    "arrive_at",
    "distance_km",
    "fresh",
    "green_channel",
    "seal_origin",
    "seal_destination",
    "seal_verdict",
    "clearance_minutes",
    "outbound_id",
    "return_id",
)
LOAD_COLUMNS = (
    "number",
    "status",
    "shipper",
    "cargo",
    "route_code",
    "direction",
    "fresh",
    "weight_t",
    "ready_at",
    "deliver_by",
)


def _cell(value: Any) -> Any:
    return "" if value is None else value


def csv_response(rows: Iterable[Any], columns: tuple[str, ...], filename: str) -> Response:
    """Spreadsheet-safe (core.kit.csv_export): a BOM, and formula-like text quoted."""
    values = ([_cell(getattr(row, c)) for c in columns] for row in rows)
    return kit_csv_response(columns, values, filename)
