"""The p05 decision tables (rules/*.json) and what the practice reads from them: the moisture
check of a group A cargo, the documents a shipper must provide, the IMSBC group that follows
from an officer's findings, and every row of a table for the pages that show the rule itself.
Python only gathers the inputs and reads the outcomes: any failing row refuses loading."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from ftz.core.rules import RuleSet

RULES = Path(__file__).parent / "rules"


@cache
def rules() -> RuleSet:
    return RuleSet(RULES)


def moisture_check(
    *,
    group: str,
    moisture_pct: float,
    tml_pct: float | None,
    tml_tested_on: date | None,
    moisture_sampled_on: date | None,
    loading_on: date,
) -> tuple[str, list[dict[str, Any]]]:
    """The verdict (may_load, may_not_load, not_applicable) and the rows that fired."""
    context = {
        "group_a": group in ("A", "AB"),
        "has_tml": tml_pct is not None,
        "moisture_pct": moisture_pct,
        "tml_pct": tml_pct,
        "tml_age_days": (loading_on - tml_tested_on).days if tml_tested_on else None,
        "moisture_age_days": (
            (loading_on - moisture_sampled_on).days if moisture_sampled_on else None
        ),
    }
    decision = rules().evaluate("moisture_check.json", context)
    outcomes = {row.outputs.get("outcome") for row in decision.fired}
    if "fail" in outcomes:
        verdict = "may_not_load"
    elif "pass" in outcomes:
        verdict = "may_load"
    else:
        verdict = "not_applicable"
    return verdict, decision.explanation()


def requirements(conditions: dict[str, Any], status: str) -> list[dict[str, Any]]:
    """The documents and notes that apply to a cargo with these conditions and status."""
    context = {
        "regime": conditions.get("regime", ""),
        "group": conditions.get("imsbc_group", ""),
        "imdg_class": conditions.get("imdg_class", ""),
        "un_number": conditions.get("un_number", ""),
        "status": status,
    }
    return rules().evaluate("shipper_requirements.json", context).explanation()


def imsbc_group(*, may_liquefy: bool, chemical_hazard: bool) -> tuple[str, list[dict[str, Any]]]:
    decision = rules().evaluate(
        "imsbc_group.json", {"may_liquefy": may_liquefy, "chemical_hazard": chemical_hazard}
    )
    return str(decision.result["group"]), decision.explanation()


def table_rows(key: str) -> list[dict[str, Any]]:
    """Every row of a decision table as a reader sees it: conditions, outcome, reason, source."""
    document = rules().document(key)
    table = next(n for n in document["nodes"] if n["type"] == "decisionTableNode")
    inputs = {f"in_{i['field']}": i["field"] for i in table["content"]["inputs"]}
    rows = []
    for row in table["content"]["rules"]:
        when = {inputs[k]: v for k, v in row.items() if k in inputs and v not in ("", None)}
        outputs = {k[4:]: str(v).strip('"') for k, v in row.items() if k.startswith("out_")}
        rows.append(
            {
                "row_id": row["_id"],
                "description": row.get("_description", ""),
                "when": when,
                **outputs,
            }
        )
    return rows
