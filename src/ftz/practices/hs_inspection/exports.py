"""CSV exports: batches (the list's scoping and filters, one row per batch) and risk records
(officers only, every source's fields, the source-specific ones as JSON)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.practices.hs_inspection import repository

COLUMNS = (
    "number", "declaration_no", "importer", "hs_code", "tariff_code", "product", "brand",
    "model", "origin_country", "quantity", "arrival_date", "used_machinery", "status",
    "result", "risk_level", "recommended_action", "action_taken", "risk_type", "defect",
    "ledger_index", "id",
)  # fmt: skip
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in FORMULA_START:
        return "'" + value  # typed text must not run as a spreadsheet formula
    return "" if value is None else value


def batches_csv(session: Session, principal: Principal, *filters: Any) -> Response:
    rows = repository.batch_rows(session, principal, *filters)
    names = repository.org_names(session, {b.org_id for b in rows})
    hidden = set() if not principal.is_enterprise else {"risk_level", "recommended_action"}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for b in rows:
        values = {c: getattr(b, c, None) for c in COLUMNS}
        values["importer"] = names[b.org_id].name_zh if b.org_id in names else ""
        writer.writerow(["" if c in hidden else _text(values[c]) for c in COLUMNS])
    return Response(
        "\ufeff" + buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="hs-inspection-batches.csv"'},
    )


RECORD_COLUMNS = (
    "source", "ref", "hs_code", "tariff_code", "record_date", "product", "country", "brand",
    "model", "barcode", "batch_no", "risk_type", "defect", "measures", "severity", "result",
    "details", "id",
)  # fmt: skip


def records_csv(session: Session, *filters: Any) -> Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(RECORD_COLUMNS)
    for r in repository.record_rows(session, *filters):
        values = {c: getattr(r, c) for c in RECORD_COLUMNS}
        values["details"] = json.dumps(r.details, ensure_ascii=False, sort_keys=True)
        writer.writerow([_text(values[c]) for c in RECORD_COLUMNS])
    return Response(
        "\ufeff" + buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="hs-inspection-records.csv"'},
    )
