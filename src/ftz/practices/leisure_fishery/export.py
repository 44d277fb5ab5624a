"""CSV exports (the same scoping and filters as the lists), with a UTF-8 BOM so spreadsheet
programs read the Chinese names correctly."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from fastapi.responses import Response

from ftz.core.kit.csv_export import csv_response as kit_csv_response


def csv_response(
    name: str, columns: list[str], rows: Iterable[Any], value: Callable[[Any, str], Any]
) -> Response:
    values = ([value(row, c) for c in columns] for row in rows)
    return kit_csv_response(columns, values, f"leisure-fishery-{name}.csv")


def plain(row: Any, column: str) -> Any:
    """A column of the row as CSV text: lists joined by spaces, units converted."""
    if column == "length_m":
        return row.length_cm / 100
    if column == "power_kw":
        return row.power_w / 1000
    if column == "total_kg":
        return row.total_g / 1000
    value = getattr(row, column)
    return " ".join(str(v) for v in value) if isinstance(value, list) else value


VESSELS = [
    "id",
    "registration_no",
    "name",
    "vessel_class",
    "length_m",
    "power_kw",
    "passenger_capacity",
    "home_port",
    "area_code",
    "status",
    "org_id",
]
LICENCES = [
    "id",
    "number",
    "vessel_id",
    "area_code",
    "year",
    "valid_from",
    "valid_to",
    "sea_areas",
    "gear",
    "gear_units",
    "power_kw",
    "status",
    "note",
]
REPORTS = [
    "id",
    "trip_date",
    "vessel_id",
    "sea_area",
    "gear",
    "anglers",
    "crew",
    "total_kg",
    "flags",
    "status",
    "review_note",
]
RECORDS = [
    "id",
    "occurred_on",
    "org_id",
    "vessel_id",
    "kind",
    "severity",
    "points",
    "description",
    "recorded_by",
]
BASES = [
    "id",
    "name",
    "kind",
    "level",
    "area_code",
    "status",
    "recognised_on",
    "investment_wan",
    "key_project",
    "facilities",
]
