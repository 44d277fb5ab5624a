"""CSV export of the bills, with the list's scoping and filters (UTF-8 BOM for spreadsheets)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi.responses import Response

from ftz.core.kit.csv_export import csv_response as kit_csv_response

BILL_COLUMNS = ("number", "corridor", "variant", "status", "shipper", "consignee",
                "place_of_receipt", "place_of_delivery", "goods", "hs_code", "cargo", "teu",
                "gross_kg", "requested_departure", "eta", "total_hours", "freight_cny",
                "priority", "pledge", "issued_at", "sha256", "ledger_index")  # fmt: skip


def csv_response(rows: Iterable[Any], columns: tuple[str, ...], filename: str) -> Response:
    """Spreadsheet-safe (core.kit.csv_export): a BOM, and formula-like text quoted."""
    values = ([getattr(row, c) for c in columns] for row in rows)  # None is written empty
    return kit_csv_response(columns, values, filename)
