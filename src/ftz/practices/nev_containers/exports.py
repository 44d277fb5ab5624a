"""CSV export of declarations: the list's scoping and filters, one row per container with its
shipper, UN numbers, status, seal, certificate and ledger entry."""

from __future__ import annotations

import csv
import io
from typing import Any

from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.practices.nev_containers import repository

COLUMNS = (
    "number", "batch_no", "container_no", "shipper", "origin", "transit_port", "destination",
    "sea_date", "edition", "un_numbers", "vehicles", "status", "seal_no", "certificate_no",
    "ledger_index", "created_at", "id",
)  # fmt: skip
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in FORMULA_START:
        return "'" + value  # typed text must not run as a spreadsheet formula
    return "" if value is None else value


def declarations_csv(session: Session, principal: Principal, *filters: Any) -> Response:
    rows = repository.export_rows(session, principal, *filters)
    names = repository.org_names(session, {d.org_id for d in rows})
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for d in rows:
        values = {
            **{c: getattr(d, c, None) for c in COLUMNS},
            "shipper": names[d.org_id].name_zh if d.org_id in names else "",
            "un_numbers": " ".join(d.un_numbers),
            "vehicles": len(d.vehicles),
        }
        writer.writerow([_text(values[c]) for c in COLUMNS])
    # A UTF-8 BOM so spreadsheet programs read the Chinese names correctly.
    return Response(
        "\ufeff" + buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="nev-containers.csv"'},
    )
