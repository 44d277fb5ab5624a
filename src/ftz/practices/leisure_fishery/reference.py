"""Reference data and rule tables of p17, loaded once: the 19 cities and counties, species, gear,
settings and the seed's figures (data/*.yaml), and the JDM decision tables (rules/*.json)."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from ftz.core.rules import RuleSet

HERE = Path(__file__).parent
RULES = HERE / "rules"
DATA = HERE / "data"
LOCAL = ZoneInfo("Asia/Shanghai")

VESSEL_STATUSES = ("in_service", "laid_up", "suspended", "deregistered")
INSPECTION_KINDS = ("initial", "annual", "occasional")
COVERS = ("passenger_accident", "hull", "crew_liability")
RECORD_KINDS = ("inspection", "warning", "commendation", "training")
SEVERITIES = ("none", "minor", "serious")
BASE_KINDS = ("demonstration_base", "competition_base", "marine_ranch", "wharf", "feature_town")
BASE_LEVELS = ("national", "provincial", "municipal")
BASE_STATUSES = ("planned", "under_construction", "open")
FACILITIES = (
    "berths",
    "fishing_platform",
    "visitor_centre",
    "training_centre",
    "seafood_market",
    "restaurant",
    "lodging",
    "first_aid",
    "rescue_station",
)


def today() -> date:
    return datetime.now(LOCAL).date()


def _yaml(name: str) -> Any:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


@cache
def rules() -> RuleSet:
    return RuleSet(RULES)


@cache
def areas() -> list[dict[str, Any]]:
    return list(_yaml("areas.yaml")["areas"])


@cache
def area_names() -> dict[str, dict[str, Any]]:
    return {a["code"]: a for a in areas()}


def coastal_codes() -> list[str]:
    return [a["code"] for a in areas() if a["coastal"]]


def area_name(code: str, lang: str = "zh") -> str:
    found = area_names().get(code)
    return str(found["name_" + lang]) if found else code


@cache
def species() -> dict[str, dict[str, Any]]:
    return {s["code"]: s for s in _yaml("species.yaml")["species"]}


@cache
def gear() -> dict[str, dict[str, Any]]:
    return {g["code"]: g for g in _yaml("gear.yaml")["gear"]}


@cache
def settings() -> dict[str, Any]:
    loaded: dict[str, Any] = _yaml("settings.yaml")
    return loaded


def setting(name: str) -> int:
    return int(settings()[name]["value"])


@cache
def seed() -> dict[str, Any]:
    loaded: dict[str, Any] = _yaml("seed.yaml")
    return loaded


def evaluate(table: str, context: dict[str, Any]) -> tuple[Any, list[dict[str, Any]]]:
    """The decision's result and the rows that fired (table, row, reason, citation)."""
    decision = rules().evaluate(table, context)
    return decision.result, decision.explanation()


def limits_table() -> list[dict[str, Any]]:
    """The catch-limit rows as a readable table (species, kind, limit, reason, source), read
    from the JDM documents themselves so the page and the rules cannot disagree."""
    rows = []
    for key in ("catch_species.json", "catch_trip.json"):
        node = next(n for n in rules().document(key)["nodes"] if n["type"] == "decisionTableNode")
        for row in node["content"]["rules"]:
            species_cell = row.get("in_species", "")
            rows.append(
                {
                    "table": key,
                    "row_id": row["_id"],
                    "description": row["_description"],
                    "species": [s.strip().strip('"') for s in species_cell.split(",") if s.strip()],
                    "flag": _literal(row["out_flag"]),
                    "limit_kind": _literal(row["out_limit_kind"]),
                    "limit": _literal(row.get("out_limit", "")),
                    "reason_zh": _literal(row["out_reason_zh"]),
                    "reason_en": _literal(row["out_reason_en"]),
                    "citation": _literal(row["out_citation"]),
                }
            )
    return rows


def _literal(cell: str) -> Any:
    return yaml.safe_load(cell) if cell else None
