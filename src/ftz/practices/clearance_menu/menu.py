"""The recommendation: evaluate every mode's preconditions (rules/mode_preconditions.json), keep
the combinations whose modes all hold, best rank first, and say when and where to declare, where
inspection happens and where to pick up. Pure: no database, so the CLI, API and pages share it."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from ftz.core.rules import RuleSet
from ftz.practices.clearance_menu.catalog import RULES, Combination, catalog
from ftz.practices.clearance_menu.schemas import MenuRequest

TABLE = "mode_preconditions.json"


@lru_cache(maxsize=1)
def rules() -> RuleSet:
    return RuleSet(RULES)


def _place_key(value: str) -> str:
    # "郑州" and " 郑州 " or "Zhengzhou" and "zhengzhou" are the same place.
    return "".join(value.split()).casefold()


def context_of(request: MenuRequest) -> dict[str, Any]:
    """The flat input of the rule table; inland_pickup is the one derived fact."""
    return {
        "direction": request.direction,
        "transport": request.transport,
        "credit": request.credit,
        "guarantee_filed": request.guarantee_filed,
        "manifest_before_arrival": request.manifest_before_arrival,
        "declare_before_arrival": request.declare_before_arrival,
        "transit_wanted": request.transit_wanted,
        "inland_pickup": _place_key(request.pickup_place) != _place_key(request.port),
        **request.goods.model_dump(exclude={"hs_code"}),
    }


def mode_verdicts(request: MenuRequest) -> tuple[dict[str, list[dict[str, Any]]], list[Any]]:
    """Fired rows per mode, and the fired rows as the "why" trace."""
    decision = rules().evaluate(TABLE, context_of(request))
    by_mode: dict[str, list[dict[str, Any]]] = {code: [] for code in catalog().modes}
    for fired in decision.fired:
        row = {**fired.outputs, "row_id": fired.row_id, "citation": fired.citation}
        by_mode.setdefault(str(row["mode"]), []).append(row)
    return by_mode, decision.explanation()


def _fill(text: str, request: MenuRequest) -> str:
    return text.replace("{port}", request.port).replace("{pickup_place}", request.pickup_place)


def describe(combo: Combination, request: MenuRequest | None = None) -> dict[str, Any]:
    """A combination with its texts filled for a request (or left as templates)."""

    def fill(text: str) -> str:
        return _fill(text, request) if request is not None else text

    saving = catalog().savings[combo.code]
    return {
        "code": combo.code,
        "direction": combo.direction,
        "rank": combo.rank,
        "name_zh": combo.name_zh,
        "name_en": combo.name_en,
        "modes": list(combo.modes),
        "declare": {
            "when": combo.declare.when_zh,
            "where": fill(combo.declare.where_zh),
            "when_en": combo.declare.when_en,
            "where_en": fill(combo.declare.where_en),
        },
        "inspect": {
            "where": fill(combo.inspect.where_zh),
            "where_en": fill(combo.inspect.where_en),
        },
        "pickup": {"where": fill(combo.pickup.where_zh), "where_en": fill(combo.pickup.where_en)},
        "expected": saving.model_dump(),
    }


def recommend(request: MenuRequest) -> dict[str, Any]:
    by_mode, trace = mode_verdicts(request)
    failed = {mode: [row for row in rows if not row["eligible"]] for mode, rows in by_mode.items()}
    eligible_modes = {mode for mode, rows in failed.items() if not rows}
    eligible: list[Combination] = []
    blocked: list[dict[str, Any]] = []
    for combo in catalog().for_direction(request.direction):
        missing = [mode for mode in combo.modes if mode not in eligible_modes]
        if missing:
            blocked.append({"code": combo.code, "failed_modes": missing})
        else:
            eligible.append(combo)
    # Regular declaration holds unconditionally, so there is always a combination.
    best, *others = eligible
    chosen = describe(best, request)
    return {
        "combination": {k: chosen[k] for k in ("code", "name_zh", "name_en", "modes")},
        "declare": chosen["declare"],
        "inspect": chosen["inspect"],
        "pickup": chosen["pickup"],
        "expected": chosen["expected"],
        "alternatives": [describe(combo, request) for combo in others],
        "excluded": [
            {
                "mode": mode,
                "reason": row["reason_zh"],
                "reason_en": row["reason_en"],
                "citation": row["citation"],
                "row_id": row["row_id"],
            }
            for mode, rows in failed.items()
            for row in rows
        ],
        "excluded_combinations": blocked,
        "eligible_modes": sorted(eligible_modes),
        "hs_code": request.goods.hs_code,
        "trace": trace,
    }


def preconditions(mode: str) -> list[dict[str, Any]]:
    """The rule rows of one mode, as the combination pages show them (condition and source)."""
    table = next(
        node for node in rules().document(TABLE)["nodes"] if node.get("type") == "decisionTableNode"
    )
    rows: list[dict[str, Any]] = []
    for row in table["content"]["rules"]:
        outputs = {key[4:]: _literal(value) for key, value in row.items() if key.startswith("out_")}
        if outputs["mode"] != mode:
            continue
        rows.append(
            {
                "row_id": row["_id"],
                "description": row.get("_description", ""),
                "direction": _literal(row.get("in_direction") or "null") or "",
                "condition": row.get("in_condition", ""),
                **outputs,
            }
        )
    return rows


def _literal(cell: str) -> Any:
    return json.loads(cell) if cell else None


def combination_detail(combo: Combination) -> dict[str, Any]:
    modes = catalog().modes
    return {
        **describe(combo),
        "mode_details": [
            {**modes[code].model_dump(), "preconditions": preconditions(code)}
            for code in combo.modes
        ],
    }
