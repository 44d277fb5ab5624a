"""CSV exports of the registry, the transfer cases and the sailing reports, with the same
scoping and filters as the lists (a UTF-8 BOM so spreadsheets read the Chinese names)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi.responses import Response

from ftz.core.kit.csv_export import csv_response as kit_csv_response

YACHT_COLUMNS = ("registration_no", "hull_id", "name_zh", "name_en", "owner_name", "usage",
                 "length_m", "capacity", "home_port", "berth", "registration_cert_no",
                 "nationality_cert_no", "nationality_cert_expiry", "survey_cert_no",
                 "survey_cert_expiry", "rental_filed", "night_certified", "status")  # fmt: skip
TRANSFER_COLUMNS = ("number", "status", "new_name_zh", "new_owner_name", "new_home_port",
                    "new_usage", "submitted_at", "accepted_at", "completed_at",
                    "elapsed_working_days", "sla", "commitment_deadline",
                    "new_registration_no")  # fmt: skip
SAILING_COLUMNS = ("number", "status", "marina", "depart_at", "return_at", "usage", "period",
                   "passengers", "crew", "lookout_aboard", "zone_code", "flags", "border_status",
                   "disposition", "departed_at", "arrived_at")  # fmt: skip


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return value


def csv_response(rows: Iterable[Any], columns: tuple[str, ...], filename: str) -> Response:
    """Spreadsheet-safe (core.kit.csv_export): a BOM, and formula-like text quoted."""
    values = ([_cell(getattr(row, c)) for c in columns] for row in rows)
    return kit_csv_response(columns, values, filename)
