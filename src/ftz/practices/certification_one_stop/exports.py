"""CSV export of the applications list: the same scoping and filters as the page, each file with
its enterprise, scheme, SLA dates and status, fee and certificate number."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import records_csv
from ftz.practices.certification_one_stop import repository, sla
from ftz.practices.certification_one_stop.models import PartnerCertificate

COLUMNS = (
    "number",
    "enterprise",
    "scheme",
    "product",
    "model",
    "hs_code",
    "category",
    "trade_value_cny",
    "fee_cny",
    "status",
    "submitted_on",
    "due_on",
    "closed_on",
    "sla_days",
    "day_kind",
    "sla_status",
    "days_used",
    "certificate",
    "ledger_index",
    "id",
)


def applications_csv(session: Session, principal: Principal, *filters: Any) -> Response:
    found = repository.export_applications(session, principal, *filters)
    names = {
        k: o.name_zh for k, o in repository.org_names(session, {a.org_id for a in found}).items()
    }
    ids = [a.id for a in found]
    query = select(PartnerCertificate.application_id, PartnerCertificate.number).where(
        PartnerCertificate.application_id.in_(ids)
    )
    certificates = {app_id: number for app_id, number in session.execute(query)} if ids else {}
    today = date.today()
    rows = []
    for a in found:
        state = sla.status(a, today)
        rows.append({
            **{c: getattr(a, c, None) for c in COLUMNS},
            "enterprise": names.get(a.org_id, ""),
            "sla_status": state["status"],
            "days_used": state.get("days_used"),
            "certificate": certificates.get(a.id),
        })  # fmt: skip
    return records_csv(COLUMNS, rows, "certification-applications.csv")
