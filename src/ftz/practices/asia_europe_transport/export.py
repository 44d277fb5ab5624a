"""CSV export of the bills, with the list's scoping and filters (UTF-8 BOM for spreadsheets)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from fastapi.responses import Response

BILL_COLUMNS = ("number", "corridor", "variant", "status", "shipper", "consignee",
                "place_of_receipt", "place_of_delivery", "goods", "hs_code", "cargo", "teu",
                "gross_kg", "requested_departure", "eta", "total_hours", "freight_cny",
                "priority", "pledge", "issued_at", "sha256", "ledger_index")  # fmt: skip


def csv_response(rows: Iterable[Any], columns: tuple[str, ...], filename: str) -> Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if getattr(row, c) is None else getattr(row, c) for c in columns])
    return Response(
        "\ufeff" + buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )
