"""CSV exports of the batch ledger and the waste ledger: the same scoping and filters as the
list pages, every row with its enterprise, verdict or certificate and its ledger entry."""

from __future__ import annotations

from typing import Any

from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import records_csv
from ftz.practices.bonded_repair import repository
from ftz.practices.bonded_repair.models import Batch, Waste

BATCH_COLUMNS = (
    "number", "enterprise", "goods", "quantity", "value_cny", "repaired_qty", "irreparable_qty",
    "irreparable_value_cny", "reading", "verdict", "rows_fired", "status",
    "preinspection_sha256", "ledger_index", "created_at", "id",
)  # fmt: skip
WASTE_COLUMNS = (
    "year", "enterprise", "category", "description", "tonnes", "method", "receiver",
    "certificate_sha256", "ledger_index", "created_at", "id",
)  # fmt: skip


def _enterprises(session: Session, org_ids: set[str]) -> dict[str, str]:
    return {k: o.name_zh for k, o in repository.org_names(session, org_ids).items()}


def batches_csv(session: Session, principal: Principal, *filters: Any) -> Response:
    found = repository.export_rows(session, principal, Batch, *filters)
    names = _enterprises(session, {b.org_id for b in found})
    rows = (
        {
            **{c: getattr(b, c, None) for c in BATCH_COLUMNS},
            "enterprise": names.get(b.org_id, b.org_id),
            "rows_fired": " ".join(r["row_id"] for r in b.fired),
            "created_at": b.created_at.isoformat(timespec="seconds"),
        }
        for b in found
    )
    return records_csv(BATCH_COLUMNS, rows, "bonded-repair-batches.csv")


def waste_csv(session: Session, principal: Principal, *filters: Any) -> Response:
    found = repository.export_rows(session, principal, Waste, *filters)
    names = _enterprises(session, {w.org_id for w in found})
    rows = (
        {
            **{c: getattr(w, c, None) for c in WASTE_COLUMNS},
            "enterprise": names.get(w.org_id, w.org_id),
            "created_at": w.created_at.isoformat(timespec="seconds"),
        }
        for w in found
    )
    return records_csv(WASTE_COLUMNS, rows, "bonded-repair-waste.csv")
