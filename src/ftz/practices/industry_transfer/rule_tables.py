"""The rule tables as officers read them: every row of every JDM file with its conditions,
outputs, reasons and source (the "why" pages and `GET /rules`)."""

from __future__ import annotations

from typing import Any

from ftz.practices.industry_transfer.reference import rules


def rule_tables() -> list[dict[str, Any]]:
    tables = []
    for key in rules().keys:
        node = next(n for n in rules().document(key)["nodes"] if n["type"] == "decisionTableNode")
        rows = []
        for row in node["content"]["rules"]:
            rows.append({
                "row_id": row["_id"],
                "description": row.get("_description", ""),
                "when": {k[3:]: row[k].replace('"', "") for k in row
                         if k.startswith("in_") and row[k]},
                "then": {k[4:]: str(row[k]).strip('"') for k in row if k.startswith("out_")},
            })  # fmt: skip
        tables.append({"key": key, "name": node.get("name", key), "rows": rows})
    return tables
