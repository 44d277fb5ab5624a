"""CSV exports of pilot applications and control instructions: the lists' scoping and filters."""

from __future__ import annotations

from typing import Any

from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import records_csv
from ftz.practices.two_stage_inspection import repository

PILOT_COLUMNS = (
    "number", "enterprise", "status", "credit_level", "supply_chain", "seizures_3y",
    "goods", "eligible_goods", "annual_value_usd", "assessed_on", "revoked_on", "blocked_until",
    "ledger_index", "created_at", "id",
)  # fmt: skip
INSTRUCTION_COLUMNS = (
    "number", "entry_no", "enterprise", "hs_code", "goods_name", "quantity", "unit",
    "value_usd", "mode", "status", "arrived_on", "released_on", "closed_on", "outcome",
    "ledger_index", "created_at", "id",
)  # fmt: skip


def pilots_csv(session: Session, principal: Principal, *filters: Any) -> Response:
    found = repository.export_pilots(session, principal, *filters)
    names = repository.org_names(session, {p.org_id for p in found})
    rows = (
        {**{c: getattr(p, c, None) for c in PILOT_COLUMNS},
         "enterprise": names[p.org_id].name_zh if p.org_id in names else "",
         "goods": len(p.goods), "eligible_goods": sum(g.eligible for g in p.goods),
         "annual_value_usd": sum(g.annual_value_usd for g in p.goods if g.eligible)}
        for p in found
    )  # fmt: skip
    return records_csv(PILOT_COLUMNS, rows, "two-stage-inspection-pilots.csv")


def instructions_csv(session: Session, principal: Principal, *filters: Any) -> Response:
    found = repository.export_instructions(session, principal, *filters)
    names = repository.org_names(session, {i.org_id for i in found})
    rows = (
        {**{c: getattr(i, c, None) for c in INSTRUCTION_COLUMNS},
         "enterprise": names[i.org_id].name_zh if i.org_id in names else ""}
        for i in found
    )  # fmt: skip
    return records_csv(INSTRUCTION_COLUMNS, rows, "two-stage-inspection-instructions.csv")
