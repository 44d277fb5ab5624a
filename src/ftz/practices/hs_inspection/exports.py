"""CSV exports: batches (the list's scoping and filters, one row per batch) and risk records
(officers only, every source's fields, the source-specific ones as JSON)."""

from __future__ import annotations

import json
from typing import Any

from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import records_csv as kit_csv
from ftz.practices.hs_inspection import repository

COLUMNS = (
    "number", "declaration_no", "importer", "hs_code", "tariff_code", "product", "brand",
    "model", "origin_country", "quantity", "arrival_date", "used_machinery", "status",
    "result", "risk_level", "recommended_action", "action_taken", "risk_type", "defect",
    "ledger_index", "id",
)  # fmt: skip


def batches_csv(session: Session, principal: Principal, *filters: Any) -> Response:
    rows = repository.batch_rows(session, principal, *filters)
    names = repository.org_names(session, {b.org_id for b in rows})
    hidden = set() if not principal.is_enterprise else {"risk_level", "recommended_action"}
    values = (
        {
            **{c: getattr(b, c, None) for c in COLUMNS},
            "importer": names[b.org_id].name_zh if b.org_id in names else "",
        }
        for b in rows
    )
    shown = ({c: ("" if c in hidden else v) for c, v in row.items()} for row in values)
    return kit_csv(COLUMNS, shown, "hs-inspection-batches.csv")


RECORD_COLUMNS = (
    "source", "ref", "hs_code", "tariff_code", "record_date", "product", "country", "brand",
    "model", "barcode", "batch_no", "risk_type", "defect", "measures", "severity", "result",
    "details", "id",
)  # fmt: skip


def records_csv(session: Session, *filters: Any) -> Response:
    rows = (
        {
            **{c: getattr(r, c) for c in RECORD_COLUMNS},
            "details": json.dumps(r.details, ensure_ascii=False, sort_keys=True),
        }
        for r in repository.record_rows(session, *filters)
    )
    return kit_csv(RECORD_COLUMNS, rows, "hs-inspection-records.csv")
