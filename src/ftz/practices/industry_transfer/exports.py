"""CSV exports: the project list (same filters and reach as the page), a region's report and a
roll-up. Report rows carry what makes each figure traceable: the sides and rule rows that count
it and the indicator reports (quarter:id) it adds up."""

from __future__ import annotations

from typing import Any

from fastapi.responses import Response

from ftz.core.kit.csv_export import records_csv
from ftz.practices.industry_transfer.models import TransferProject
from ftz.practices.industry_transfer.reference import indicators

PROJECT_COLUMNS = (
    "code", "name", "enterprise", "enterprise_uscc", "sponsor_park", "receiving_park",
    "agreement", "arrangement", "industry_code", "stage", "intention_on", "signed_on",
    "construction_on", "operation_on", "withdrawn_on", "planned_investment",
    "actual_investment", "id",
)  # fmt: skip


def projects_csv(found: list[TransferProject]) -> Response:
    rows = (
        {**{c: getattr(p, c, None) for c in PROJECT_COLUMNS},
         "sponsor_park": p.sponsor_park.code, "receiving_park": p.receiving_park.code,
         "agreement": p.agreement.number,
         "arrangement": p.arrangement.name_zh if p.arrangement else ""}
        for p in found
    )  # fmt: skip
    return records_csv(PROJECT_COLUMNS, rows, "industry-transfer-projects.csv")


def _keys() -> list[str]:
    return [i.key for i in indicators()]


def region_csv(data: dict[str, Any]) -> Response:
    keys = _keys()
    columns = ["region", "code", "name", "sponsor_park", "sponsor_region", "receiving_park",
               "receiving_region", *keys, "counted_via", "reports"]  # fmt: skip
    region = data["region"]["key"]
    rows: list[dict[str, Any]] = []
    for line in data["lines"]:
        via = "; ".join(f"{k}:{'+'.join(f'{side}/{row}' for side, row in hits)}"
                        for k, hits in line["via"].items())  # fmt: skip
        reports = sorted({s for refs in line["sources"].values() for s in refs
                          if not s.startswith("project:")})  # fmt: skip
        rows.append(
            {
                "region": region,
                "code": line["code"],
                "name": line["name"],
                "sponsor_park": line["sponsor"]["park"],
                "sponsor_region": f"{line['sponsor']['province']}/{line['sponsor']['city']}",
                "receiving_park": line["receiving"]["park"],
                "receiving_region": f"{line['receiving']['province']}/{line['receiving']['city']}",
                **line["values"],
                "counted_via": via,
                "reports": " ".join(reports),
            }
        )
    rows.append({"region": region, "code": "TOTAL", **data["totals"],
                 "counted_via": f"{data['projects']} projects"})  # fmt: skip
    name = f"industry-transfer-region-{region.replace('/', '-')}.csv"
    return records_csv(columns, rows, name.encode("ascii", "ignore").decode() or "region.csv")


def rollup_csv(data: dict[str, Any]) -> Response:
    keys = _keys()
    columns = ["row", "region", "projects", "code", *keys, "note"]
    rows: list[dict[str, Any]] = []
    for child in data["children"]:
        rows.append({"row": "region_report", "region": child["region"]["key"],
                     "projects": child["projects"], **child["totals"]})  # fmt: skip
    rows.append({"row": "sum_of_regions", **data["children_sum"]})
    for overlap in data["overlaps"]:
        rows.append({"row": "overlap", "region": " ".join(overlap["regions"]),
                     "code": overlap["code"], **overlap["excess"],
                     "note": "counted in several regions (dual accounting)"})  # fmt: skip
    rows.append({"row": "overlap_total", **data["overlap_total"]})
    rows.append(
        {
            "row": "rollup",
            "region": data["region"]["key"],
            "projects": data["projects"],
            **data["total"],
            "note": f"{data['mode']} ({data['rule']['row_id']})",
        }
    )
    for child in data["children"]:
        rows.append({"row": "attributed", "region": child["region"]["key"],
                     **child["attributed"], "note": "each project's single count"})  # fmt: skip
    key = data["region"]["key"]
    return records_csv(columns, rows, f"industry-transfer-rollup-{key}.csv")
