"""The monthly joint report of customs and railway (案例22 主要做法(三)：双方每月定期通报有关监管、
安检情况): declarations and lines screened in the month, lines that hit by category and rule,
what the parallel check found, the violations and measures taken, per declarant, computed from
the records; and its CSV, and the declarations' CSV."""

from __future__ import annotations

from typing import Any

from fastapi.responses import Response
from sqlalchemy.orm import Session

from ftz.core.auth.principal import Principal
from ftz.core.kit.csv_export import records_csv
from ftz.practices.cbec_key_items import repository
from ftz.practices.cbec_key_items.common import settings
from ftz.practices.cbec_key_items.models import KeyItemDeclaration, KeyItemViolation
from ftz.practices.cbec_key_items.service import MEASURES

REPORT_COLUMNS = (
    "month",
    "declarant",
    "declarations",
    "lines",
    "hit_lines",
    "pending",
    "confirmed",
    "cleared",
    "violations",
    "measure",
)
DECLARATION_COLUMNS = (
    "number",
    "entry_no",
    "declarant",
    "ecommerce_code",
    "container_no",
    "source",
    "list_version",
    "line_count",
    "hit_count",
    "status",
    "month",
    "created_at",
    "id",
)


def report(session: Session, *, principal: Principal, month: str) -> dict[str, Any]:
    in_month = KeyItemDeclaration.month == month
    totals = repository.totals_by_org(session, principal, in_month)
    statuses = repository.line_status_by_org(session, principal, in_month)
    found = repository.violations(session, principal, KeyItemViolation.month == month)
    categories: dict[str, int] = {}
    by_rule: dict[str, int] = {}
    for line in repository.hit_lines(session, principal, in_month):
        for hit in line.hits:
            categories[hit["category"]] = categories.get(hit["category"], 0) + 1
            by_rule[hit["rule_id"]] = by_rule.get(hit["rule_id"], 0) + 1
    org_ids = set(totals) | {v.org_id for v in found} | {o for o, _ in statuses}
    names = repository.org_names(session, org_ids)
    rows: list[dict[str, Any]] = []
    for org_id in sorted(org_ids, key=lambda o: names[o].name_zh if o in names else o):
        counts = totals.get(org_id, [0, 0, 0])
        mine = [v for v in found if v.org_id == org_id]
        measure = max((v.measure for v in mine), key=MEASURES.index, default="none")
        rows.append(
            {
                "month": month,
                "org_id": org_id,
                "declarant": names[org_id].name_zh if org_id in names else org_id,
                "declarant_en": names[org_id].name_en if org_id in names else org_id,
                "declarations": counts[0],
                "lines": counts[1],
                "hit_lines": counts[2],
                "pending": statuses.get((org_id, "inspection"), 0),
                "confirmed": statuses.get((org_id, "confirmed"), 0),
                "cleared": statuses.get((org_id, "cleared"), 0),
                "violations": len(mine),
                "measure": measure,
            }
        )
    total = {key: sum(int(r[key]) for r in rows) for key in REPORT_COLUMNS[2:-1]}
    return {
        "month": month,
        "rows": rows,
        "total": total,
        "categories": dict(sorted(categories.items(), key=lambda kv: -kv[1])),
        "rules": dict(sorted(by_rule.items(), key=lambda kv: -kv[1])),
        "violations": [
            {
                "id": v.id,
                "org_id": v.org_id,
                "kind": v.kind,
                "agency": v.agency,
                "measure": v.measure,
                "railway_grade": v.railway_grade,
                "officer": v.officer,
                "fired": v.fired,
            }
            for v in found
        ],
        "containers": repository.containers(session, principal, in_month),
        "seed": settings()["seed"],
    }


def report_csv(session: Session, *, principal: Principal, month: str) -> Response:
    data = report(session, principal=principal, month=month)
    rows = [
        *data["rows"],
        {"month": month, "declarant": "合计 total", **data["total"], "measure": ""},
    ]
    return records_csv(REPORT_COLUMNS, rows, f"cbec-key-items-{month}.csv")


def declarations_csv(session: Session, principal: Principal, *filters: Any) -> Response:
    found = repository.export_rows(session, principal, *filters)
    names = repository.org_names(session, {d.org_id for d in found})
    rows = [
        {
            **{c: getattr(d, c, None) for c in DECLARATION_COLUMNS},
            "declarant": names[d.org_id].name_zh if d.org_id in names else "",
        }
        for d in found
    ]
    return records_csv(DECLARATION_COLUMNS, rows, "cbec-key-items-declarations.csv")
