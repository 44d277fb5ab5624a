"""CSV export of declarations: the list's scoping and filters, one row per container with its
shipper, UN numbers, status, seal, certificate and ledger entry."""

from __future__ import annotations

from typing import Any

from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import records_csv
from ftz.practices.nev_containers import repository

COLUMNS = (
    "number", "batch_no", "container_no", "shipper", "origin", "transit_port", "destination",
    "sea_date", "edition", "un_numbers", "vehicles", "status", "seal_no", "certificate_no",
    "ledger_index", "created_at", "id",
)  # fmt: skip


def declarations_csv(session: Session, principal: Principal, *filters: Any) -> Response:
    rows = repository.export_rows(session, principal, *filters)
    names = repository.org_names(session, {d.org_id for d in rows})
    values = (
        {
            **{c: getattr(d, c, None) for c in COLUMNS},
            "shipper": names[d.org_id].name_zh if d.org_id in names else "",
            "un_numbers": " ".join(d.un_numbers),
            "vehicles": len(d.vehicles),
        }
        for d in rows
    )
    return records_csv(COLUMNS, values, "nev-containers.csv")
